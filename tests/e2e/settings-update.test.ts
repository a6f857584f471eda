// The Dataset section in real Chromium: an update from a local https server (self-signed certificate made here,
// --ignore-certificate-errors) adds a company whose page then gets its badge; hostile files, a forged signature,
// a truncated download and a redirect to http are refused on the page with the data unchanged; rollback restores.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_KEY_ID } from '../../data/dataset/public-key';
import { parseDatasetText } from '../../data/dataset/parse';
import type { Dataset } from '../../data/dataset/schema';
import { signatureFor } from '../../scripts/dataset-sign';
import { HOSTILE, TEST_SHOP_HOST, withTestShop } from '../fixtures/hostile/cases';
import { eventually, launchExtension, warmUp, type ExtensionBrowser } from '../../scripts/harness/browser';
import { startShopServer, type ShopServer } from '../../scripts/harness/shop-server';

const UPDATE_HOST = 'updates.borderline-test.example';
const XSS_NAME = 'Test Shop <img src=x onerror=alert(1)>';

let shops: ShopServer;
let updates: Server;
let browser: ExtensionBrowser;
let dir: string;
let options: Page;
const dialogs: string[] = [];

const bundledText = readFileSync('data/dataset.json', 'utf8');
const bundled = (parseDatasetText(bundledText) as { ok: true; dataset: Dataset }).dataset;
const update = withTestShop(bundled, XSS_NAME);
const updateText = JSON.stringify(update, null, 2);
const { privateKey: testKey } = generateKeyPairSync('ed25519');
const testSig = signatureFor(Buffer.from(updateText), testKey);
/** Claims the maintainers' key id, so the worker really runs Ed25519 verification in Chromium — and it must fail. */
const forgedSig = JSON.stringify({ ...JSON.parse(testSig), keyId: DATASET_KEY_ID });

function startUpdateServer(): Promise<Server> {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', `/CN=${UPDATE_HOST}`, '-keyout', join(dir, 'tls-key.pem'), '-out', join(dir, 'tls-cert.pem')], { stdio: 'ignore' });
  const server = createServer({ key: readFileSync(join(dir, 'tls-key.pem')), cert: readFileSync(join(dir, 'tls-cert.pem')) }, (req, res) => {
    const path = req.url ?? '/';
    const send = (body: string) => res.writeHead(200, { 'content-type': 'application/json', etag: '"e2e-1"' }).end(body);
    if (path === '/signed/dataset.json' || path === '/forged/dataset.json') return send(updateText);
    if (path === '/signed/dataset.json.sig') return send(testSig);
    if (path === '/forged/dataset.json.sig') return send(forgedSig);
    if (path === '/truncated/dataset.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(updateText)) });
      res.write(updateText.slice(0, 4000));
      setTimeout(() => res.destroy(), 50);
      return;
    }
    if (path === '/redirect/dataset.json') return res.writeHead(302, { location: `http://${TEST_SHOP_HOST}/dataset.json` }).end();
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function openOptions(): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByTestId('dataset-version').waitFor();
  return page;
}

const version = () => options.getByTestId('dataset-version').textContent();

async function useUrl(path: string) {
  await options.getByTestId('update-url').fill(`https://${UPDATE_HOST}${path}`);
  await options.getByTestId('save-url').click();
  await eventually(() => options.getByTestId('update-url').inputValue(), (v) => v.endsWith(path));
}

async function checkNowError(): Promise<string> {
  await options.getByTestId('check-now').click();
  return (await options.getByTestId('update-error-message').textContent({ timeout: 40_000 })) ?? '';
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'borderline-e2e-update-'));
  shops = await startShopServer();
  shops.routes.set(TEST_SHOP_HOST, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Test shop</title><h1>Test shop</h1>');
  });
  updates = await startUpdateServer();
  const httpsPort = (updates.address() as AddressInfo).port;
  browser = await launchExtension({
    port: shops.port,
    // The last --host-resolver-rules wins: the update host goes to the https server, everything else to the shops.
    args: ['--ignore-certificate-errors', `--host-resolver-rules=MAP ${UPDATE_HOST} 127.0.0.1:${httpsPort}, MAP * 127.0.0.1:${shops.port}, EXCLUDE localhost`],
  });
  await warmUp(browser);
  options = await openOptions();
});

afterAll(async () => {
  await browser?.close();
  await shops?.close();
  await new Promise((r) => updates?.close(r));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('dataset updates from the settings page', () => {
  it('refuses a forged signature, a truncated download and a redirect to http, changing nothing', async () => {
    expect(await version()).toBe(bundled.version);
    await useUrl('/forged/dataset.json');
    expect(await checkNowError()).toMatch(/signature does not match the data/);
    await useUrl('/truncated/dataset.json');
    expect(await checkNowError()).toMatch(/broke off|truncated/);
    await useUrl('/redirect/dataset.json');
    expect(await checkNowError()).toMatch(/address without https \(http:\/\/shop\.borderline-test\.example\/dataset\.json\); refused/);
    expect(await version()).toBe(bundled.version);
    expect(await options.getByTestId('update-preview').count()).toBe(0);
  });

  it('applies a signed https update after the user allows its key; the new company gets its badge and its name stays text', async () => {
    const { tabId: before } = await browser.visit(`http://${TEST_SHOP_HOST}/`);
    expect((await browser.badge(before)).text).toBe('');

    await useUrl('/signed/dataset.json');
    expect(await checkNowError()).toMatch(/signed by another key/);
    await options.getByTestId('allow-unsigned').click();
    const item = options.getByTestId('diff-companies-added').getByTestId('diff-item');
    expect(await item.textContent()).toContain(XSS_NAME);
    expect(await options.locator('[data-testid="update-preview"] img').count()).toBe(0);
    await options.getByTestId('apply-update').click();
    await eventually(version, (v) => v === update.version);
    expect(await version()).toBe(update.version);
    expect(await options.getByTestId('dataset-source').textContent()).toMatch(/updates\.borderline-test\.example.*unsigned data you allowed/);

    // The tab that was open is rated again; a new visit is rated with the new data.
    expect((await eventually(() => browser.badge(before), (b) => b.text === 'HIGH')).text).toBe('HIGH');
    const { tabId } = await browser.visit(`http://${TEST_SHOP_HOST}/`);
    expect((await eventually(() => browser.badge(tabId), (b) => b.text === 'HIGH')).text).toBe('HIGH');
    const popup = await browser.popup(tabId);
    await popup.getByTestId('company-name').first().waitFor();
    expect(await popup.getByTestId('company-name').first().textContent()).toBe(XSS_NAME);
    expect(await popup.locator('img[src="x"]').count()).toBe(0);
    await popup.close();
    expect(dialogs).toEqual([]);
  });

  it('refuses every hostile file imported on the page with its message and keeps the data in force', async () => {
    await options.reload();
    await options.getByTestId('dataset-version').waitFor();
    for (const [i, c] of HOSTILE.entries()) {
      const file = join(dir, `hostile-${i}.json`);
      writeFileSync(file, c.text(bundled));
      await options.getByTestId('import-file').setInputFiles(file);
      await options.getByTestId('import-check').click();
      // The sentence is localized; the validator's findings are listed under it, as written.
      const message = options.getByTestId('update-error');
      await eventually(async () => (await message.count()) ? await message.textContent() : '', (t) => c.message.test(t ?? ''), 20_000);
      expect(await message.textContent(), c.name).toMatch(c.message);
      expect(await version(), c.name).toBe(update.version);
    }
    expect(await options.getByTestId('update-preview').count()).toBe(0);
  });

  it('rolls back to the previous dataset, after which the test shop has no badge again', async () => {
    await options.getByTestId('rollback').click();
    await eventually(version, (v) => v === bundled.version);
    expect(await version()).toBe(bundled.version);
    const { tabId } = await browser.visit(`http://${TEST_SHOP_HOST}/`);
    const popup = await browser.popup(tabId);
    await popup.getByTestId('risk-badge').first().waitFor();
    expect(await popup.getByTestId('risk-badge').first().getAttribute('data-level')).toBe('none');
    expect((await browser.badge(tabId)).text).toBe('');
    await popup.close();
  });
});
