// The MV2 build in real Firefox ESR (puppeteer-core over WebDriver BiDi) on the same demo pages as the Chromium
// tests: the Temu badge and tooltip, the popup's sections, the neutral page, the in-page warning, the log across a
// background restart, the popup at phone width and a dataset update imported from a file on the settings page.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDatasetText } from '../../../data/dataset/parse';
import type { Dataset } from '../../../data/dataset/schema';
import { eventually } from '../../../scripts/harness/browser';
import type { FirefoxApi } from '../../../scripts/harness/firefox';
import { readStoredRows, type StoredRow } from '../../../scripts/harness/worker-probes';
import { TEST_SHOP_HOST, withTestShop } from '../../fixtures/hostile/cases';
import { horizontalOverflow } from '../narrow';
import { attr, attrs, byTestId, shadowElement, text, texts, useFirefox, warningHosts, type ShadowElement } from './demo';

const demo = useFirefox();
const dir = mkdtempSync(join(tmpdir(), 'borderline-firefox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The extension's `browser` inside code passed to page.evaluate (serialised, so it cannot close over a helper). */
declare const browser: FirefoxApi;

const logHosts = (popup: import('puppeteer-core').Page) =>
  popup.$$eval(`${byTestId('log-row')} td:nth-child(2)`, (els) => els.map((e) => e.textContent ?? ''));

describe('Firefox: the Temu demo shop', () => {
  it('gets a HIGH badge whose tooltip says why', async () => {
    const { tabId } = await demo.firefox.visit('http://www.temu.com/');
    const badge = await eventually(() => demo.firefox.badge(tabId), (b) => b.text === 'HIGH');
    expect(badge.text).toBe('HIGH');
    expect(badge.title).toMatch(/^Borderline: High risk — This page sends data to Temu \(.*third countries.*\)$/);
  });

  it('shows the popup sections with the dataset’s facts and sources', async () => {
    const { tabId } = await demo.firefox.visit('http://www.temu.com/');
    await eventually(() => demo.firefox.badge(tabId), (b) => b.text === 'HIGH');
    const popup = await demo.firefox.popup(tabId);
    expect(await text(popup, 'site')).toBe('temu.com');
    expect(await attr(popup, byTestId('risk-badge'), 'data-level')).toBe('high');
    expect(await text(popup, 'why')).toMatch(/third countries/);
    expect(await texts(popup, 'company-name', byTestId('section-who'))).toEqual(['Temu', 'PDD Holdings Inc.']);
    expect(await text(popup, 'hq')).toMatch(/^Ireland/);
    expect(await text(popup, 'eea-controller')).toMatch(/Whaleco Technology Limited \(Ireland\)/);
    expect((await texts(popup, 'destination')).join(' ')).toMatch(/Unspecified third countries/);
    const complaint = '[data-action-id="noyb-2025-01-temu"]';
    expect(await popup.$eval(complaint, (e) => e.textContent)).toMatch(/2025-01-16.*complaint.*pending.*Datenschutzbehörde/s);
    expect(await attr(popup, `${complaint} ${byTestId('source-link')}`, 'href')).toMatch(/^https:\/\//);
    expect(await attr(popup, `${complaint} ${byTestId('source-link')}`, 'target')).toBe('_blank');
    expect(await attrs(popup, byTestId('third-party'), 'data-company')).toContain('tencent');
    expect(await text(popup, 'unknown-hosts')).toMatch(/cdn\.unlisted-example\.net/);
    expect(await logHosts(popup)).toEqual(expect.arrayContaining(['www.temu.com', 'img.kwcdn.com', 'aimg.kwcdn.com', 'bugly.qq.com']));
    await popup.close();
  });
});

describe('Firefox: a neutral site', () => {
  it('keeps the badge empty, says no known transfers and logs the page', async () => {
    const { page, tabId } = await demo.firefox.visit('http://www.example.org/');
    const popup = await demo.firefox.popup(tabId);
    // Once the popup shows the page's requests, an empty badge is a verdict and not a race.
    await popup.waitForSelector(byTestId('log-row'));
    expect(await attr(popup, byTestId('risk-badge'), 'data-level')).toBe('none');
    expect(await text(popup, 'why')).toMatch(/No company in Borderline/);
    expect((await demo.firefox.badge(tabId)).text).toBe('');
    expect(await warningHosts(page)).toBe(0);
    await popup.close();
    await page.close();
  });
});

describe('Firefox: the in-page warning', () => {
  it('warns on the SHEIN page from a closed shadow root, and "Dismiss for this site" persists', async () => {
    const { page, tabId } = await demo.firefox.visit('http://www.shein.com/');
    await eventually(() => warningHosts(page), (n) => n === 1);
    // Closed: the page's own scripts cannot reach into it.
    expect(await page.evaluate(() => document.querySelector('borderline-warning')?.shadowRoot ?? null)).toBeNull();
    const banner = await eventually(() => demo.firefox.inTab<ShadowElement>(tabId, shadowElement('banner')), (b) => b !== null);
    expect(banner?.text).toMatch(/High risk/);
    expect((await demo.firefox.inTab<ShadowElement>(tabId, shadowElement('banner-company')))?.text).toMatch(/^Run by SHEIN/);
    // Real clicks at the buttons' places, as a user makes them: dismissing takes a second, confirming click, each on a
    // banner that has been still for a moment (the clickjacking guard).
    const click = async (testId: string) => {
      const el = await eventually(() => demo.firefox.inTab<ShadowElement>(tabId, shadowElement(testId)), (e) => e !== null);
      await pause(800);
      await page.mouse.click(el!.x + el!.width / 2, el!.y + el!.height / 2);
      return el!;
    };
    expect((await click('banner-dismiss')).text).toBe('Dismiss for this site');
    const question = await eventually(() => demo.firefox.inTab<ShadowElement>(tabId, shadowElement('banner-dismiss-question')), (q) => q !== null);
    expect(question?.text).toBe('Stop warning about shein.com in this browser?');
    await click('banner-dismiss-confirm');
    expect(await eventually(() => warningHosts(page), (n) => n === 0)).toBe(0);
    await page.reload({ waitUntil: 'load' });
    await pause(1500);
    expect(await warningHosts(page)).toBe(0);
    await page.close();
    const again = await demo.firefox.visit('http://www.shein.com/?again');
    await pause(1500);
    expect(await warningHosts(again.page)).toBe(0);
    await again.page.close();
  });
});

describe('Firefox: the background page restarts', () => {
  it('keeps the log and repaints the badge after the background page is reloaded', async () => {
    const { tabId } = await demo.firefox.visit('http://www.temu.com/?restart');
    expect((await eventually(() => demo.firefox.badge(tabId), (b) => b.text === 'HIGH')).text).toBe('HIGH');
    const api = await demo.firefox.api();
    const hostsOf = async () => (await api.evaluate(readStoredRows<StoredRow>, tabId)).map((r) => r.host).sort();
    // Wait until what the page made is in IndexedDB and nothing more arrives.
    let stored = await eventually(hostsOf, (h) => ['bugly.qq.com', 'img.kwcdn.com', 'www.temu.com'].every((x) => h.includes(x)));
    for (let settled = false; !settled; ) {
      await pause(500);
      const again = await hostsOf();
      settled = again.length === stored.length;
      stored = again;
    }

    // Mark the running background page, wipe the badge, and reload the background page.
    await api.evaluate(async (id) => {
      const bg = (await browser.runtime.getBackgroundPage()) as Window & { beforeRestart?: boolean };
      bg.beforeRestart = true;
      await browser.browserAction.setBadgeText({ tabId: id, text: '' });
      bg.location.reload();
    }, tabId);
    expect((await demo.firefox.badge(tabId)).text).toBe('');
    const fresh = await eventually(
      () =>
        api.evaluate(async () => {
          const bg = (await browser.runtime.getBackgroundPage()) as (Window & { beforeRestart?: boolean }) | null;
          return bg ? { marked: bg.beforeRestart ?? false, state: bg.document.readyState } : null;
        }).catch(() => null),
      (s) => s !== null && !s.marked && s.state === 'complete',
    );
    expect(fresh).toEqual({ marked: false, state: 'complete' });

    // Starting, the new background page restores the tab from storage and paints its badge again.
    const badge = await eventually(() => demo.firefox.badge(tabId), (b) => b.text === 'HIGH');
    expect(badge.text).toBe('HIGH');
    expect(badge.title).toMatch(/High risk/);
    const popup = await demo.firefox.popup(tabId);
    await popup.waitForSelector(byTestId('log-row'));
    expect(await attr(popup, byTestId('risk-badge'), 'data-level')).toBe('high');
    expect((await logHosts(popup)).sort()).toEqual(stored);
    expect(await attrs(popup, byTestId('third-party'), 'data-company')).toContain('tencent');
    await popup.close();
  });
});

describe('Firefox: the popup at 360 px wide, as on a phone', () => {
  it('needs no horizontal scroll on the Temu page with every section and third party open', async () => {
    const { tabId } = await demo.firefox.visit('http://www.temu.com/?narrow');
    await eventually(() => demo.firefox.badge(tabId), (b) => b.text === 'HIGH');
    const popup = await demo.firefox.popup(tabId, { width: 360, height: 780 });
    await popup.waitForSelector(byTestId('log-row'));
    const overflow = await popup.evaluate(horizontalOverflow);
    expect(overflow.viewport).toBeLessThanOrEqual(360);
    expect(overflow.viewport).toBeGreaterThan(300);
    expect(overflow.wide).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.viewport);
    await popup.close();
  });
});

describe('Firefox: a dataset update from a file on the settings page', () => {
  it('previews and applies the file; the company it adds then gets its badge', async () => {
    demo.server.routes.set(TEST_SHOP_HOST, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Test shop</title><h1>Test shop</h1>');
    });
    const bundled = (parseDatasetText(readFileSync('data/dataset.json', 'utf8')) as { ok: true; dataset: Dataset }).dataset;
    const update = withTestShop(bundled);
    const file = join(dir, 'dataset.json');
    writeFileSync(file, JSON.stringify(update, null, 2));

    const before = await demo.firefox.visit(`http://${TEST_SHOP_HOST}/`);
    expect((await demo.firefox.badge(before.tabId)).text).toBe('');

    const options = await demo.firefox.open('options.html');
    expect(await text(options, 'dataset-version')).toBe(bundled.version);
    const input = (await options.waitForSelector(byTestId('import-file')))!;
    await (input as import('puppeteer-core').ElementHandle<HTMLInputElement>).uploadFile(file);
    await options.click(byTestId('import-check'));
    // A file carries no signature from the maintainers: the page asks before it previews.
    const allow = await options.waitForSelector(`${byTestId('allow-unsigned')}, ${byTestId('update-preview')}`, { timeout: 20_000 });
    if (await allow!.evaluate((e) => e.getAttribute('data-testid') === 'allow-unsigned')) await allow!.click();
    await options.waitForSelector(byTestId('update-preview'), { timeout: 20_000 });
    expect(await text(options, 'preview-version')).toBe(update.version);
    expect((await texts(options, 'diff-item', byTestId('diff-companies-added'))).join(' ')).toContain('Borderline Test Shop Ltd');
    await options.click(byTestId('apply-update'));
    expect(await eventually(() => text(options, 'dataset-version'), (v) => v === update.version, 20_000)).toBe(update.version);

    // The open tab is rated again, and a new visit is rated with the new data.
    expect((await eventually(() => demo.firefox.badge(before.tabId), (b) => b.text === 'HIGH')).text).toBe('HIGH');
    const { tabId } = await demo.firefox.visit(`http://${TEST_SHOP_HOST}/?new`);
    expect((await eventually(() => demo.firefox.badge(tabId), (b) => b.text === 'HIGH')).text).toBe('HIGH');
    const popup = await demo.firefox.popup(tabId);
    expect(await text(popup, 'company-name')).toBe('Borderline Test Shop Ltd');
    await popup.close();
    await options.close();
  });
});
