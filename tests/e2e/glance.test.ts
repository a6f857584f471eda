// Issue 20 in real Chromium: the answer first. On the Temu demo page and the www.spiegel.de stand-in, at 420 × 600,
// the level, the sentence and the picture of where the data goes sit inside the first viewport; the picture names
// every country of the report (disclosed destinations and headquarters, kept apart) under its status in words; axe
// finds nothing serious in light and dark; and at 360 px and in German and Greek no label is cut and nothing scrolls
// sideways. Also writes the README screenshots of the first viewport.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, type Chrome } from '../../scripts/harness/browser';
import { SPIEGEL_THIRD_PARTIES } from '../../scripts/harness/shop-server';
import type { PackedTabReport } from '../../data/protocol';
import { axeViolations } from './axe';
import { useDemo, type Demo } from './demo';
import { SHOTS } from './screenshots';

declare const chrome: Chrome;

const PAGES = [
  { name: 'Temu', url: 'http://www.temu.com/', hosts: ['bugly.qq.com'] },
  { name: 'spiegel', url: 'http://www.spiegel.de/', hosts: SPIEGEL_THIRD_PARTIES },
] as const;

/** Opens the popup for a page once every host the page loads is in its report. */
async function popupFor(demo: Demo, url: string, hosts: readonly string[], width: number): Promise<{ popup: Page; tabId: number }> {
  const { tabId } = await demo.browser.visit(url);
  const popup = await demo.browser.popup(tabId);
  await popup.setViewportSize({ width, height: 600 });
  const missing = await eventually(
    async () => {
      await popup.reload();
      await popup.getByTestId('third-parties').waitFor();
      const text = await popup.getByTestId('third-parties').textContent();
      return hosts.filter((h) => !text!.includes(h));
    },
    (m) => m.length === 0,
  );
  expect(missing).toEqual([]);
  return { popup, tabId };
}

/** The report the popup shows, asked from the worker: the countries the picture must name, with their statuses. */
async function expectedCountries(popup: Page, tabId: number): Promise<{ kind: 'hq' | 'dest'; country: string; status: string }[]> {
  const report = (await popup.evaluate(async (id) => {
    const reply = await chrome.runtime.sendMessage({ type: 'getTabReport', tabId: id });
    return reply.ok ? reply.value : reply;
  }, tabId)) as PackedTabReport;
  const assessments = [...(report.siteAssessment ? [report.siteAssessment] : []), ...report.thirdParties.map((tp) => tp.assessment)];
  const out = new Map<string, { kind: 'hq' | 'dest'; country: string; status: string }>();
  for (const a of assessments) {
    if (a.hq) out.set(`hq ${a.hq.country} ${a.hq.status}`, { kind: 'hq', country: a.hq.country, status: a.hq.status });
    for (const d of a.destinations) {
      if (d.current) out.set(`dest ${d.destination.country} ${d.status}`, { kind: 'dest', country: d.destination.country, status: d.status });
    }
  }
  return [...out.values()];
}

/** Every element with its own text whose content is wider than its box, and every select whose chosen option is cut;
 *  the log's data cells elide by design and are left out (the full value is in their title). */
function clippedLabels(popup: Page): Promise<string[]> {
  return popup.evaluate(() => {
    const out: string[] = [];
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
    document.body.append(probe);
    for (const el of document.querySelectorAll<HTMLElement>('main *')) {
      if (el.closest('tr.log-row, .visually-hidden') || el.getClientRects().length === 0) continue;
      if (el instanceof HTMLSelectElement) {
        const style = getComputedStyle(el);
        probe.style.font = style.font;
        probe.textContent = el.selectedOptions[0]?.textContent ?? '';
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16; // the arrow
        if (probe.offsetWidth > room) out.push(`select ${el.dataset.testid}: "${probe.textContent}" ${probe.offsetWidth}px in ${room}px`);
        continue;
      }
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (ownText && el.clientWidth > 0 && el.scrollWidth > el.clientWidth) {
        out.push(`${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''}: "${el.textContent!.trim().slice(0, 40)}" ${el.scrollWidth}px in ${el.clientWidth}px`);
      }
    }
    probe.remove();
    return out;
  });
}

const horizontalScroll = (popup: Page) => popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function assertAnswerFirst(popup: Page) {
  const fold = 600;
  for (const id of ['risk-badge', 'glance-sentence', 'picture']) {
    const box = (await popup.getByTestId(id).first().boundingBox())!;
    expect(box, id).not.toBeNull();
    expect(box.y, `${id} starts inside the first viewport`).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, `${id} ends inside the first viewport`).toBeLessThanOrEqual(fold);
  }
  expect(await popup.evaluate(() => scrollY)).toBe(0);
  expect((await popup.getByTestId('risk-badge').first().textContent())!.trim()).toMatch(/\p{L}{2,}/u); // a word, not only colour
}

describe('the answer first, in English', () => {
  const demo = useDemo();
  beforeAll(() => void mkdirSync(SHOTS, { recursive: true }));

  for (const pg of PAGES) {
    it(`${pg.name}: level, sentence and picture in the first viewport at 420 × 600, every country named with its status`, async () => {
      const { popup, tabId } = await popupFor(demo, pg.url, pg.hosts, 420);
      await assertAnswerFirst(popup);
      expect(await popup.getByTestId('glance-sentence').textContent()).toMatch(/^This page sends data to \d+ compan(y|ies) based in \d+ countr(y|ies); /);
      const expected = await expectedCountries(popup, tabId);
      expect(expected.length).toBeGreaterThan(pg.name === 'Temu' ? 2 : 8);
      for (const e of expected) {
        const item = popup.locator(`[data-testid="picture-country"][data-kind="${e.kind}"][data-country="${e.country}"][data-status="${e.status}"]`);
        expect(await item.count(), `${e.kind} ${e.country} ${e.status}`).toBe(1);
        const name = e.country === 'unspecified' ? 'Unspecified third countries' : new Intl.DisplayNames(['en'], { type: 'region' }).of(e.country)!;
        expect(await item.textContent()).toMatch(new RegExp(`^${name} \\(\\d+\\), \\d+ compan`));
        // The status is words beside the country: the group's own status text, never colour alone.
        const group = popup.locator(`[data-testid="picture-group"][data-kind="${e.kind}"][data-status="${e.status}"]`);
        expect(await group.getByTestId('destination-status').first().textContent()).toMatch(/^[✗✓○] \p{L}/u);
      }
      // Nothing else: the picture shows no country the report does not have.
      expect(await popup.getByTestId('picture-country').count()).toBe(expected.length);
      expect(await axeViolations(popup)).toEqual([]);
      await popup.screenshot({ path: `${SHOTS}/glance-${pg.name.toLowerCase()}.png` });
      await popup.emulateMedia({ colorScheme: 'dark' });
      expect(await axeViolations(popup)).toEqual([]);
      await popup.screenshot({ path: `${SHOTS}/glance-${pg.name.toLowerCase()}-dark.png` });
      await popup.close();
    });
  }
});

describe('a country of the picture narrows the companies below, from the keyboard', () => {
  const demo = useDemo();

  it('spiegel: Enter on Russia shows only the companies headquartered there, says so, and "Show all" undoes it', async () => {
    const { popup } = await popupFor(demo, 'http://www.spiegel.de/', SPIEGEL_THIRD_PARTIES, 420);
    const all = await popup.getByTestId('third-party').count();
    const russia = popup.locator('[data-testid="picture-country"][data-kind="hq"][data-country="RU"]');
    const counted = Number(await russia.getAttribute('data-companies'));
    const button = russia.getByRole('button');
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await button.focus();
    await popup.keyboard.press('Enter');
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    const status = popup.getByTestId('glance-filter-status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.textContent()).toMatch(new RegExp(`^Showing ${counted} compan(y|ies) below · headquartered in: Russia \\(`));
    expect(await status.isVisible()).toBe(true);
    const shown = await popup.getByTestId('third-party').evaluateAll((els) => els.map((e) => e.getAttribute('data-hq')));
    expect(shown.length).toBe(counted);
    expect(new Set(shown)).toEqual(new Set(['RU']));
    expect(shown.length).toBeLessThan(all);
    // The answer stays in view: narrowing does not scroll the popup away from what was pressed.
    expect(await popup.evaluate(() => scrollY)).toBe(0);
    expect(await axeViolations(popup)).toEqual([]);
    // "Show all" from the keyboard (Space) shows every company again and puts focus back on Russia.
    const showAll = popup.getByTestId('glance-show-all');
    await showAll.focus();
    await popup.keyboard.press('Space');
    expect(await popup.getByTestId('third-party').count()).toBe(all);
    expect(await status.textContent()).toBe('Showing all companies again.');
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await popup.close();
  });
});

describe('the log’s host column', () => {
  const demo = useDemo();

  for (const width of [420, 360]) {
    it(`${width} px: a long host gives way in the middle, its start first, and shows whole on keyboard focus`, async () => {
      const { popup } = await popupFor(demo, 'http://www.spiegel.de/', SPIEGEL_THIRD_PARTIES, width);
      const cells = popup.locator('tr.log-row td.log-host');
      await cells.first().waitFor();
      const measured = await cells.evaluateAll((tds) =>
        tds.map((td) => {
          const start = td.querySelector<HTMLElement>('.host-start')!;
          const end = td.querySelector<HTMLElement>('.host-end')!;
          return {
            text: td.textContent!,
            title: td.getAttribute('title') ?? '',
            cut: start.scrollWidth > start.clientWidth || end.scrollWidth > end.clientWidth,
            startShown: start.clientWidth,
            endShown: end.clientWidth,
            endWhole: end.scrollWidth <= end.clientWidth,
          };
        }),
      );
      const cut = measured.filter((m) => m.cut);
      expect(cut.length, 'the stand-in’s hosts are longer than the column').toBeGreaterThan(0);
      for (const m of cut) {
        expect(m.title, m.text).toContain(m.text); // the whole host on hover
        // The end (the domain that says who runs it) keeps its room before the start gets any.
        expect(m.endShown, m.text).toBeGreaterThanOrEqual(m.startShown);
      }
      // At 420 px some host is cut in the middle, its end whole: "securepubads…doubleclick.net".
      if (width === 420) expect(cut.filter((m) => m.endWhole && m.startShown > 0).map((m) => m.text), JSON.stringify(cut)).not.toEqual([]);
      const host = cells.filter({ hasText: cut[0]!.text }).first().locator('.host');
      await host.focus();
      const shown = await host.evaluate((el) => ({ focused: el === document.activeElement, after: getComputedStyle(el, '::after').content }));
      expect(shown.focused).toBe(true);
      expect(shown.after).toContain(cut[0]!.text);
      await popup.close();
    });
  }
});

for (const lang of ['en', 'de', 'el'] as const) {
  describe(`every label fits, ${lang}`, () => {
    const demo = useDemo(lang === 'en' ? {} : { args: [`--lang=${lang}`], locale: lang === 'de' ? 'de-DE' : 'el-GR' });
    for (const pg of PAGES) {
      for (const width of lang === 'en' ? [360] : [420, 360]) {
        it(`${pg.name} at ${width} px: nothing cut, no horizontal scroll${width === 420 ? ', the answer first' : ''}`, async () => {
          const { popup } = await popupFor(demo, pg.url, pg.hosts, width);
          if (lang !== 'en') expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${lang}`));
          if (width === 420) await assertAnswerFirst(popup);
          expect(await clippedLabels(popup)).toEqual([]);
          expect(await horizontalScroll(popup)).toBeLessThanOrEqual(0);
          if (pg.name === 'spiegel' && width === 360) await popup.screenshot({ path: `${SHOTS}/glance-spiegel-${lang}-360.png` });
          await popup.close();
        });
      }
    }
  });
}
