// Firefox asked for German (intl.locale.requested = de, with Debian's firefox-esr-l10n-de language pack) shows the
// badge tooltip, the popup, the in-page warning and the settings page in German. The other Firefox file runs in
// English and asserts English, so both directions of the switch are covered.
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../scripts/harness/browser';
import type { FirefoxApi } from '../../../scripts/harness/firefox';
import { text, shadowElement, useFirefox, type ShadowElement } from './demo';

const demo = useFirefox({ locale: 'de' });
declare const browser: FirefoxApi;

let tabId: number;
beforeAll(async () => {
  const api = await demo.firefox.api();
  // Without the language pack Firefox stays in English whatever it is asked: say so instead of failing obscurely.
  const ui = await api.evaluate(() => browser.i18n.getUILanguage());
  if (!ui.startsWith('de')) throw new Error(`Firefox runs in ${ui}, not German: install firefox-esr-l10n-de`);
  expect((await api.evaluate(() => browser.runtime.sendMessage({ type: 'setSettings', settings: { jurisdiction: 'EEA' } }))).ok).toBe(true);
  ({ tabId } = await demo.firefox.visit('http://www.temu.com/'));
});

describe('Firefox: German UI (intl.locale.requested = de)', () => {
  it('says the badge and its tooltip in German', async () => {
    const badge = await eventually(() => demo.firefox.badge(tabId), (b) => b.text === 'HOCH');
    expect(badge.text).toBe('HOCH');
    expect(badge.title).toBe('Borderline: Hohes Risiko — Diese Seite sendet Daten an Temu (nicht genannte Drittländer)');
  });

  it('shows the popup in German, with country names in German', async () => {
    const popup = await demo.firefox.popup(tabId);
    expect(await text(popup, 'risk-badge')).toMatch(/⚠\s*Hohes Risiko/);
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^de/);
    expect(await text(popup, 'why')).toMatch(/^Temu gibt an, dass Daten in „Drittländer“ gehen können.*Beschwerde anhängig: Datenschutzbehörde, Österreich/s);
    expect(await popup.$eval('[data-testid="section-who"] button', (e) => e.textContent)).toMatch(/Wer diese Website betreibt/);
    expect(await text(popup, 'hq')).toMatch(/^Irland/);
    expect(await text(popup, 'log-count')).toMatch(/^\d+ Anfragen?$/);
    await popup.close();
  });

  it('shows the in-page warning in German', async () => {
    const banner = await eventually(() => demo.firefox.inTab<ShadowElement>(tabId, shadowElement('banner')), (b) => b !== null);
    expect(banner?.text).toContain('Hohes Risiko');
    expect((await demo.firefox.inTab<ShadowElement>(tabId, shadowElement('banner-company')))?.text).toBe('Betrieben von Temu (Eigentümer: PDD Holdings Inc.).');
    expect((await demo.firefox.inTab<ShadowElement>(tabId, shadowElement('banner-dismiss')))?.text).toBe('Für diese Website ausblenden');
  });

  it('shows the settings page in German', async () => {
    const page = await demo.firefox.open('options.html');
    await page.waitForSelector('[data-testid="dataset-summary"]');
    expect(await page.$eval('h1', (e) => e.textContent)).toBe('Borderline-Einstellungen');
    expect(await text(page, 'check-now')).toBe('Jetzt nach Aktualisierungen suchen');
    await page.close();
  });
});
