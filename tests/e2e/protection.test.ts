// Is it protected, in real Chromium with a fresh profile and an en-US browser: in Berlin the EEA's rules apply (guessed
// from the time zone, never from the UI language); on the www.spiegel.de stand-in the badge rises and its tooltip names
// the company and country that raised it; a page with only certified US recipients (Google, Meta) and a certification
// not on record (OneTrust) leaves the badge empty while the popup names the Data Privacy Framework with its source;
// in London the UK's own rules apply.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../scripts/harness/browser';
import { SPIEGEL_THIRD_PARTIES } from '../../scripts/harness/shop-server';
import { useDemo, type Demo } from './demo';

/** A page that loads only Google, Meta and OneTrust: the hosts the spiegel.de stand-in serves for them. */
const CERTIFIED_PAGE = 'www.dpf-recipients.example';
const CERTIFIED_HOSTS = ['www.googletagmanager.com', 'www.google-analytics.com', 'securepubads.g.doubleclick.net', 'connect.facebook.net', 'cdn.cookielaw.org'];

function serveCertifiedPage(demo: Demo) {
  const scripts = CERTIFIED_HOSTS.map((h) => `<script src="http://${h}/stub.js"></script>`).join('');
  demo.server.routes.set(CERTIFIED_PAGE, (req, res) => {
    if (req.url === '/' || req.url?.startsWith('/?')) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>DPF recipients</title>${scripts}</head><body><h1>Google, Meta and OneTrust only</h1></body></html>`);
    else res.writeHead(204).end();
  });
}

/** The popup once every listed host is in its report (a popup is a snapshot: reopen until the page's requests are in). */
async function popupWith(demo: Demo, tabId: number, hosts: readonly string[]): Promise<Page> {
  const popup = await demo.browser.popup(tabId);
  const missing = await eventually(
    async () => {
      await popup.reload();
      await popup.getByTestId('third-parties').waitFor();
      const text = (await popup.getByTestId('third-parties').textContent()) ?? '';
      return hosts.filter((h) => !text.includes(h));
    },
    (m) => m.length === 0,
  );
  expect(missing).toEqual([]);
  return popup;
}

describe('an en-US browser in Berlin', () => {
  const demo = useDemo({ locale: 'en-US', timezone: 'Europe/Berlin' });
  beforeAll(() => serveCertifiedPage(demo));

  it('raises the badge on the www.spiegel.de stand-in and names Yandex or TikTok and the country in its tooltip', async () => {
    const { tabId } = await demo.browser.visit('http://www.spiegel.de/');
    const badge = await eventually(() => demo.browser.badge(tabId), (b) => b.text === 'HIGH' || b.text === 'MED');
    expect(['HIGH', 'MED']).toContain(badge.text);
    expect(badge.title).toMatch(/^Borderline: (High|Medium) risk — This page sends data to (Yandex|TikTok) \(.*(Russia|China).*\)/);
    const popup = await popupWith(demo, tabId, SPIEGEL_THIRD_PARTIES);
    expect(await popup.getByTestId('rules').textContent()).toMatch(/^Rules for EEA users \(guessed from your time zone\) — change/);
  });

  it('leaves the badge empty on a page with only Google, Meta and OneTrust, and names the Data Privacy Framework with its source', async () => {
    const { tabId } = await demo.browser.visit(`http://${CERTIFIED_PAGE}/`);
    const popup = await popupWith(demo, tabId, CERTIFIED_HOSTS);
    const badge = await demo.browser.badge(tabId);
    expect(badge.text).toBe('');
    expect(badge.title).toBe('Borderline: Known, no concern on record');
    expect(await popup.getByTestId('risk-badge').first().getAttribute('data-level')).toBe('low');
    for (const company of ['google', 'meta']) {
      const item = popup.locator(`[data-testid="third-party"][data-company="${company}"]`);
      await item.locator('summary').click();
      const certified = item.locator('[data-testid="reason"][data-code="certified"]');
      expect(await certified.textContent()).toMatch(/is certified under the EU-US Data Privacy Framework/);
      expect(await certified.getByTestId('source-link').count()).toBeGreaterThan(0);
      expect(await certified.getByTestId('source-link').first().getAttribute('target')).toBe('_blank');
      // The DPF's court challenge is context wherever the DPF carries the verdict.
      expect(await item.locator('[data-testid="reason"][data-code="dpf-challenge"]').textContent()).toMatch(/T-553\/23/);
    }
    const onetrust = popup.locator('[data-testid="third-party"][data-company="onetrust"]');
    await onetrust.locator('summary').click();
    expect(await onetrust.locator('[data-testid="reason"][data-code="certification-unknown"]').textContent()).toMatch(/^Certification not on record/);
  });
});

describe('an en-US browser in London', () => {
  const demo = useDemo({ locale: 'en-US', timezone: 'Europe/London' });

  it('applies the UK’s own rules: the UK list, the UK Extension', async () => {
    const { tabId } = await demo.browser.visit('http://www.spiegel.de/');
    const popup = await popupWith(demo, tabId, SPIEGEL_THIRD_PARTIES);
    expect(await popup.getByTestId('rules').textContent()).toBe(
      'Rules for UK users (guessed from your time zone) — change · Borderline’s copy of the UK’s own adequacy regulations is partial',
    );
    const google = popup.locator('[data-testid="third-party"][data-company="google"]');
    await google.locator('summary').click();
    expect(await google.locator('[data-testid="reason"][data-code="certified"]').textContent()).toMatch(
      /certified under the UK Extension to the EU-US Data Privacy Framework, so its transfers to the United States are covered under the UK’s adequacy regulations/,
    );
    expect(await google.locator('[data-testid="reason"][data-code="own-list"]').textContent()).toMatch(/^For UK users Borderline applies the UK’s own adequacy regulations/);
  });
});
