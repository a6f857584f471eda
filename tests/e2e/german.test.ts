// The browser's language decides the extension's: Chromium started with --lang=de shows the banner, the popup, the
// "Ask them" request, the settings page and the badge tooltip in German. The other e2e files run in en-US and assert
// English, so both directions of the switch are covered. Also writes the German README screenshots.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launchExtension, warmUp, type ExtensionBrowser, type Chrome } from '../../scripts/harness/browser';
import { shadowProbe } from './shadow';
import { startShopServer, type ShopServer } from '../../scripts/harness/shop-server';
import { SHOTS } from './screenshots';

declare const chrome: Chrome;

let server: ShopServer;
let browser: ExtensionBrowser;
let temu: { page: Page; tabId: number };

beforeAll(async () => {
  server = await startShopServer();
  browser = await launchExtension({ port: server.port, args: ['--lang=de'], locale: 'de-DE' });
  await warmUp(browser);
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=0`);
  const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'setSettings', settings: { jurisdiction: 'EEA' } }));
  expect(reply.ok).toBe(true);
  expect(await page.evaluate(() => chrome.i18n.getUILanguage())).toMatch(/^de/);
  await page.close();
  temu = await browser.visit('http://www.temu.com/');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('German UI (--lang=de)', () => {
  it('shows the in-page banner in German', async () => {
    const probe = await shadowProbe(temu.page);
    const text = await eventually(() => probe.text('banner'), (t) => t !== null);
    expect(text).toContain('Hohes Risiko');
    expect(text).toContain('temu.com: Ihre Daten verlassen möglicherweise den Schutz Ihres Landes');
    expect(await probe.text('banner-company')).toBe('Betrieben von Temu (Eigentümer: PDD Holdings Inc.).');
    expect(await probe.text('banner-destinations')).toBe('Wohin die Daten gehen können: nicht genannte Drittländer.');
    expect(await probe.text('banner-action')).toMatch(/^Beschwerde anhängig: Datenschutzbehörde, Österreich, Jan\.? 2025$/);
    expect(await probe.text('banner-dismiss')).toBe('Für diese Website ausblenden');
    await temu.page.screenshot({ path: `${SHOTS}/banner-temu-de.png` });
  });

  it('says the badge tooltip and its reason in German', async () => {
    const badge = await eventually(() => browser.badge(temu.tabId), (b) => b.text === 'HOCH');
    expect(badge.text).toBe('HOCH');
    expect(badge.title).toBe('Borderline: Hohes Risiko — Diese Seite sendet Daten an Temu (nicht genannte Drittländer)');
  });

  it('shows the popup in German, with country names and reasons in German', async () => {
    const popup = await browser.popup(temu.tabId);
    await popup.getByTestId('risk-badge').first().waitFor();
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^de/);
    expect(await popup.getByTestId('risk-badge').first().textContent()).toMatch(/⚠\s*Hohes Risiko/);
    expect(await popup.getByTestId('why').textContent()).toMatch(/^Temu gibt an, dass Daten in „Drittländer“ gehen können.*Beschwerde anhängig: Datenschutzbehörde, Österreich/s);
    expect(await popup.getByTestId('section-who').getByRole('button').first().textContent()).toMatch(/Wer diese Website betreibt/);
    expect(await popup.getByTestId('hq').textContent()).toMatch(/^Irland/);
    expect(await popup.getByTestId('eea-controller').textContent()).toMatch(/Whaleco Technology Limited \(Irland\)/);
    expect(await popup.getByTestId('section-ask').getByRole('button').first().textContent()).toMatch(/Fragen Sie nach, was geteilt wird/);
    expect(await popup.getByTestId('log-count').textContent()).toMatch(/^\d+ Anfragen?$/);
    await popup.screenshot({ path: `${SHOTS}/popup-temu-de.png`, fullPage: true });
    await popup.close();
  });

  it('opens "Ask them" from the banner: the GDPR request in German, to the EEA controller, with the transfer questions', async () => {
    const probe = await shadowProbe(temu.page);
    const opened = browser.context.waitForEvent('page');
    await probe.click('banner-ask');
    const ask = await opened;
    expect(ask.url()).toMatch(new RegExp(`/popup\\.html\\?tabId=${temu.tabId}&view=ask$`));
    const request = ask.locator('[data-testid="access-request"][data-company="temu"]');
    await request.getByTestId('access-request-text').waitFor();
    expect(await ask.locator('h2').first().textContent()).toBe('Fragen Sie nach, was geteilt wird');
    expect(await request.locator('h3').textContent()).toBe('Temu fragen, was geteilt wird');
    const text = await request.getByTestId('access-request-text').inputValue();
    expect(text).toMatch(/^Antrag auf Auskunft über meine personenbezogenen Daten \(Art\. 15 DSGVO\)/);
    expect(text).toContain('An: Whaleco Technology Limited');
    expect(text).toMatch(/insbesondere Empfänger in Drittländern, unter Nennung jedes Landes \(Art\. 15 Abs\. 1 lit\. c\)/);
    expect(text).toMatch(/die geeigneten Garantien gemäß Artikel 46 DSGVO \(Art\. 15 Abs\. 2\)/);
    expect(text).toContain('meine Nutzung von Temu');
    expect(await request.getByTestId('access-request-contact').textContent()).toMatch(/keine belegte Datenschutz-E-Mail-Adresse.*https:\/\/www\.temu\.com\//s);
    const mailto = (await request.getByTestId('access-request-mail').getAttribute('href'))!;
    expect(mailto.startsWith('mailto:?subject=')).toBe(true); // no address the dataset does not source
    expect(decodeURIComponent(mailto.split('&body=')[1]!)).toContain('Art. 15 Abs. 2');
    expect(await request.getByTestId('access-request-copy').textContent()).toBe('Antrag kopieren');
    // Every other dataset company the page talks to can be asked too, one disclosure away.
    expect(await ask.getByTestId('ask-third-party').count()).toBeGreaterThan(0);
    await ask.close();
  });

  it('shows the settings page in German', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.getByTestId('dataset-summary').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Borderline-Einstellungen');
    expect(await page.title()).toBe('Borderline-Einstellungen');
    expect(await page.getByTestId('check-now').textContent()).toBe('Jetzt nach Aktualisierungen suchen');
    expect(await page.getByTestId('jurisdiction').locator('option[value="EEA"]').textContent()).toBe('Europäischer Wirtschaftsraum (DSGVO)');
    await page.close();
  });
});
