// Issue 16, fault: 50 tabs loading at once, each a local page firing 100 requests to dataset hosts. Every tab's log
// must hold exactly its own page's rows and its badge must match a tab that loaded alone; after the tabs close, the
// worker's heap (after garbage collection) must be back within 2× of what it was before they opened.
import { describe, expect, it } from 'vitest';
import { eventually, type Chrome } from '../../scripts/harness/browser';

declare const chrome: Chrome;
import { BURST_HOST } from '../../scripts/harness/shop-server';
import { storedRows, workerHeap } from '../../scripts/harness/worker-probes';
import { useDemo } from './demo';

const demo = useDemo();
const TABS = 50;
const REQUESTS = 100;

describe('50 tabs loading at once', () => {
  it("keeps every tab's log and badge right, and the worker's heap returns within 2× after they close", async () => {
    const { browser } = demo;
    const alone = await browser.visit(`http://${BURST_HOST}/?n=${REQUESTS}&tab=alone`);
    await alone.page.waitForFunction(() => document.title === 'done');
    const expected = await eventually(() => browser.badge(alone.tabId), (b) => b.text !== '');
    await alone.page.close();
    const heapBefore = await workerHeap(browser.context, browser.extensionId);

    const pages = await Promise.all(Array.from({ length: TABS }, () => browser.context.newPage()));
    await Promise.all(pages.map((p, i) => p.goto(`http://${BURST_HOST}/?n=${REQUESTS}&tab=${i}`, { waitUntil: 'commit', timeout: 60_000 })));
    // Polled on a timer: the default polls on animation frames, which tabs in the background never get.
    await Promise.all(pages.map((p) => p.waitForFunction(() => document.title === 'done', undefined, { timeout: 120_000, polling: 250 })));
    const sw = await browser.worker();
    const tabIds: number[] = await sw.evaluate(async (host) => {
      const tabs = (await chrome.tabs.query({})) as { id: number; url: string }[];
      return tabs.filter((t) => t.url.startsWith(`http://${host}/`)).sort((a, b) => Number(new URL(a.url).searchParams.get('tab')) - Number(new URL(b.url).searchParams.get('tab'))).map((t) => t.id);
    }, BURST_HOST);
    expect(tabIds).toHaveLength(TABS);

    for (const [i, tabId] of tabIds.entries()) {
      const rows = await eventually(() => storedRows<{ url: string; type: string }>(sw, tabId), (r) => r.length >= REQUESTS + 1, 20_000);
      // The page itself plus its 100 requests, and nothing of any other tab.
      expect(rows.length, `tab ${i}`).toBe(REQUESTS + 1);
      expect(rows.filter((r) => r.type === 'main_frame').map((r) => r.url)).toEqual([`http://${BURST_HOST}/`]);
      expect(new Set(rows.filter((r) => r.type !== 'main_frame').map((r) => r.url)).size, `tab ${i}`).toBe(REQUESTS);
      const badge = await browser.badge(tabId);
      expect(badge.text, `tab ${i}`).toBe(expected.text);
      expect(badge.title, `tab ${i}`).toBe(expected.title);
    }

    await Promise.all(pages.map((p) => p.close()));
    await new Promise((r) => setTimeout(r, 1000));
    const heapAfter = await workerHeap(browser.context, browser.extensionId);
    console.log(`worker heap: ${(heapBefore / 1e6).toFixed(2)} MB before the 50 tabs, ${(heapAfter / 1e6).toFixed(2)} MB after they closed (${(heapAfter / heapBefore).toFixed(2)}×)`);
    expect(heapAfter).toBeLessThan(2 * heapBefore);
  }, 300_000);
});
