// Issue 16, defect 6: what the worker has to say about an update reaches the settings page in the user's language.
// In a German browser: a file that is not JSON, an unsigned dataset and a rollback with nothing to go back to each
// answer in German, and the "last check" line is German too.
import { readFileSync } from 'node:fs';
import { withTestShop } from '../fixtures/hostile/cases';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, warmUp, type ExtensionBrowser } from '../../scripts/harness/browser';
import type { Chrome } from '../../scripts/harness/browser';
import { startShopServer, type ShopServer } from '../../scripts/harness/shop-server';

declare const chrome: Chrome;
let server: ShopServer;
let browser: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  server = await startShopServer();
  browser = await launchExtension({ port: server.port, args: ['--lang=de'], locale: 'de-DE' });
  await warmUp(browser);
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByTestId('import-file').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const ENGLISH = /\b(the|was|is|not|dataset|Nothing|changed|update|signed|version)\b/;

async function importText(name: string, text: string) {
  await options.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await options.getByTestId('import-check').click();
}

describe('worker messages in the user language (--lang=de)', () => {
  it('says why a file that is not JSON was rejected in German', async () => {
    await importText('kaputt.json', 'not json at all');
    const message = (await options.getByTestId('update-error-message').textContent({ timeout: 60_000 })) ?? '';
    expect(message).toMatch(/abgelehnt/);
    expect(message).not.toMatch(ENGLISH);
    const last = (await options.getByTestId('last-check').textContent()) ?? '';
    expect(last).toMatch(/abgelehnt/);
    expect(last).not.toMatch(ENGLISH);
  });

  it('says an unsigned dataset is unsigned in German', async () => {
    // A valid dataset (the bundled one and a test shop, a newer version) without a signature.
    await importText('unsigniert.json', JSON.stringify(withTestShop(JSON.parse(readFileSync('data/dataset.json', 'utf8')))));
    await options.getByTestId('allow-unsigned').waitFor({ timeout: 60_000 });
    const message = (await options.getByTestId('update-error-message').textContent()) ?? '';
    expect(message).toMatch(/nicht signiert/);
    expect(message).not.toMatch(ENGLISH);
  });

  it('says the last check, after that rejection, in German', async () => {
    // The line is already on the page (from the first test's check) and follows the check's answer by one round trip
    // (the page asks for the status once the check has answered), so it is awaited, not read once: on a loaded machine
    // a single read saw the first test's line.
    const line = options.getByTestId('last-check');
    await expect.poll(async () => (await line.textContent()) ?? '', { timeout: 10_000 }).toMatch(/^Letzte Prüfung .*nicht signiert/);
    const last = (await line.textContent()) ?? '';
    expect(last).not.toMatch(ENGLISH);
  });

  it('answers a request the worker refuses (a rollback with nothing to go back to) in German', async () => {
    const reply = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'rollbackDataset' }));
    expect(reply.ok).toBe(false);
    const text: string = await options.evaluate((e) => (typeof e === 'object' && e ? chrome.i18n.getMessage(e.key, e.subs) : String(e)), reply.error);
    expect(text).toMatch(/kein/i);
    expect(text).not.toMatch(ENGLISH);
  });
});
