// An ordinary European news page in real Chromium: a local stand-in for www.spiegel.de that loads what the real front
// page loads (tag manager, analytics, ads, Meta's pixel, Yandex Metrica, Hotjar, OneTrust, Bing, Pinterest, TikTok).
// The popup must name every company with its owner's HQ country, group them, and leave at most one host unknown.
// Also writes the README screenshot of the popup on this page.
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../scripts/harness/browser';
import { SPIEGEL_THIRD_PARTIES } from '../../scripts/harness/shop-server';
import { axeViolations } from './axe';
import { useDemo } from './demo';
import { SHOTS } from './screenshots';


/** Who each host belongs to, as issue 14 states it: a name the popup shows (company or owner) and the HQ countries sources give. */
const EXPECTED: { host: string; name: RegExp; hq: string[] }[] = [
  { host: 'www.googletagmanager.com', name: /Google/, hq: ['US'] },
  { host: 'www.google-analytics.com', name: /Google/, hq: ['US'] },
  { host: 'securepubads.g.doubleclick.net', name: /Google/, hq: ['US'] },
  { host: 'connect.facebook.net', name: /Meta/, hq: ['US'] },
  { host: 'mc.yandex.ru', name: /Yandex/, hq: ['RU'] },
  // Hotjar Ltd is in Malta; its owner Contentsquare in France: the popup groups by the owner.
  { host: 'static.hotjar.com', name: /Hotjar|Contentsquare/, hq: ['FR', 'MT'] },
  { host: 'cdn.cookielaw.org', name: /OneTrust/, hq: ['US'] },
  { host: 'bat.bing.com', name: /Microsoft|Bing/, hq: ['US'] },
  { host: 's.pinimg.com', name: /Pinterest/, hq: ['US'] },
  // TikTok's group headquarters differs by source (issue 14 leaves it to the dataset's note): present, whichever it is.
  { host: 'analytics.tiktok.com', name: /TikTok|ByteDance/, hq: [] },
];

const demo = useDemo();
let popup: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const { tabId } = await demo.browser.visit('http://www.spiegel.de/');
  popup = await demo.browser.popup(tabId);
  // The popup is a snapshot of the report: reopen it until every third-party host of the page is in it, attributed
  // or unknown, so a slow script request cannot pass for a missing company.
  const missing = await eventually(
    async () => {
      await popup.reload();
      await popup.getByTestId('third-parties').waitFor();
      const text = await popup.getByTestId('third-parties').textContent();
      return SPIEGEL_THIRD_PARTIES.filter((h) => !text!.includes(h));
    },
    (m) => m.length === 0,
  );
  expect(missing).toEqual([]);
});

afterAll(() => popup?.close());

/** The company line whose detail lists this host. */
async function companyOf(host: string): Promise<Locator> {
  const items = popup.getByTestId('third-party').filter({ hasText: host });
  expect(await items.count(), `${host} is attributed to exactly one company`).toBe(1);
  return items.first();
}

describe('the popup on the www.spiegel.de stand-in', () => {
  it('loads the hosts the real page loads', () => {
    expect([...SPIEGEL_THIRD_PARTIES].sort()).toEqual(EXPECTED.map((e) => e.host).sort());
  });

  it.each(EXPECTED)('names $host’s company with its owner’s HQ country', async ({ host, name, hq }) => {
    const item = await companyOf(host);
    expect(await item.locator('summary').textContent()).toMatch(name);
    const country = (await item.getAttribute('data-hq'))!;
    if (hq.length) expect(hq).toContain(country);
    else expect(country).toMatch(/^[A-Z]{2}$/);
    // The country is what the group heading says: "Headquartered in: United States".
    const group = popup.getByTestId('hq-group').filter({ has: item });
    const countryName = new Intl.DisplayNames(['en'], { type: 'region' }).of(country)!;
    expect(await group.locator('h3').textContent()).toMatch(new RegExp(`^Headquartered in: ${countryName} · \\d+ compan`));
    expect(await item.isVisible()).toBe(true);
  });

  it('shows Google, Meta, Microsoft, Yandex, Hotjar/Contentsquare, OneTrust, Pinterest and TikTok, grouped by HQ country', async () => {
    const lines = await popup.getByTestId('third-party').locator('summary').allTextContents();
    for (const who of [/Google/, /Meta/, /Microsoft|Bing/, /Yandex/, /Hotjar|Contentsquare/, /OneTrust/, /Pinterest/, /TikTok/]) {
      expect(lines.some((l) => who.test(l)), `${who} in ${JSON.stringify(lines)}`).toBe(true);
    }
    const groups = await popup.getByTestId('hq-group').evaluateAll((els) => els.map((e) => e.getAttribute('data-hq')));
    expect(groups).toContain('US');
    expect(groups).toContain('RU');
    expect(new Set(groups).size).toBe(groups.length);
  });

  it('leaves at most one host unknown, and says "unknown" for it, not "none"', async () => {
    const unknown = popup.getByTestId('unknown-hosts');
    const count = Number(await unknown.getAttribute('data-count'));
    expect(count).toBeLessThanOrEqual(1);
    if (count === 1) expect(await unknown.textContent()).toMatch(/Unknown company.*cannot attribute/);
  });

  it('opens a company from the keyboard to its three kinds of "where"', async () => {
    const yandex = await companyOf('mc.yandex.ru');
    await yandex.locator('summary').focus();
    await popup.keyboard.press('Enter');
    expect(await yandex.getByTestId('third-party-hq').isVisible()).toBe(true);
    expect(await yandex.getByTestId('third-party-hq').textContent()).toMatch(/^Headquartered in: .*Russia/);
    expect(await yandex.getByTestId('third-party-says').textContent()).toMatch(/^Says it transfers data to:/);
  });

  it('has no serious or critical axe violations, with a company opened', async () => {
    expect(await axeViolations(popup)).toEqual([]);
  });

  it('saves the README screenshot', async () => {
    await popup.screenshot({ path: `${SHOTS}/popup-spiegel.png`, fullPage: true });
  });
});
