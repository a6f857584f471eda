// The popup paints the summary's header before the report comes, so the header it shows must be the report's.
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildTabReport } from '@/data/assess/tab-report';
import { summaryKey, type TabSummary } from '@/data/log/tab-summary';
import { defaultSettings } from '@/data/settings';
import { buildEngine } from '@/entrypoints/background/engine';
import { bundledDataset } from '@/tests/unit/bundled-dataset';
import { openLogDB } from '@/entrypoints/background/log-db';
import { startBackground } from '@/entrypoints/background/start';
import { SUMMARY_DELAY_MS, TabSummaries } from '@/entrypoints/background/tab-summaries';
import { TabTracker } from '@/entrypoints/background/tab-tracker';
import { ask, request, resetBrowser } from './harness';

const engine = buildEngine(bundledDataset, 'bundled');
const HOSTS = ['img.kwcdn.com', 'bugly.qq.com', 'cdn.unknown-example.net', 'analytics.tiktok.com', 'x.unlisted-example.org', 'connect.facebook.net'];
let seq = 0;

function memoryStorage() {
  const data = new Map<string, unknown>();
  return {
    data,
    writes: 0,
    async get(keys: null | string) {
      return Object.fromEntries([...data].filter(([k]) => keys === null || k === keys));
    },
    async set(items: Record<string, unknown>) {
      this.writes++;
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(keys: string | string[]) {
      for (const k of [keys].flat()) data.delete(k);
    },
  };
}

async function setup() {
  const storage = memoryStorage();
  const db = await openLogDB(`borderline-summary-${++seq}`);
  const settings = defaultSettings('Europe/Berlin');
  const summaries = new TabSummaries({ engine: () => engine, settings: () => settings, rowsOf: (id) => tracker.cachedPageRows(id), storage: storage as never });
  const tracker: TabTracker = new TabTracker({ db, engine: () => engine, jurisdiction: () => 'EEA', onChange: () => undefined, onFlush: (tabs) => summaries.update(tabs) });
  return { storage, tracker, summaries };
}

/** What the header shows of a report. */
const header = (r: Pick<TabSummary['head'], 'level' | 'siteAssessment' | 'thirdParties' | 'unknownThirdParties'>) => ({
  level: r.level,
  site: r.siteAssessment?.company.id ?? null,
  companies: r.thirdParties.map((tp) => tp.assessment.company.id),
  unknown: r.unknownThirdParties.length,
});

describe('tab summaries', () => {
  it('after any batches of requests, the summary shows the header the report built from all rows shows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.nat(HOSTS.length - 1), fc.constant(-1 as const)), { minLength: 1, maxLength: 60 }),
        async (steps) => {
          const { storage, tracker } = await setup();
          tracker.navigate(1, 'http://www.temu.com/', 1000);
          let time = 1001;
          for (const step of steps) {
            if (step === -1) await tracker.flush();
            else tracker.observe({ tabId: 1, url: `http://${HOSTS[step]}/${time}`, type: 'image', frameId: 1, time: time++ });
          }
          await tracker.flush();
          const rows = tracker.cachedPageRows(1)!;
          const stored = storage.data.get(summaryKey(1)) as TabSummary;
          expect(stored.page).toBe(1000);
          expect(header(stored.head)).toEqual(header(buildTabReport(rows, engine, 'EEA', 1, tracker.get(1), undefined)));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('writes again when the header changes, not for every request', async () => {
    const { storage, tracker } = await setup();
    tracker.navigate(1, 'http://www.temu.com/', 1000);
    await tracker.flush();
    const cases: [host: string, writes: number][] = [
      ['img.kwcdn.com', 1], // the site's own CDN: nothing new in the header
      ['bugly.qq.com', 2], // a new company
      ['bugly.qq.com', 2],
      ['cdn.unknown-example.net', 3], // a new unknown host
      ['cdn.unknown-example.net', 3],
      ['beacon.qq.com', 4], // a new host of a company already shown: listed under it
      ['beacon.qq.com', 4],
    ];
    let time = 1001;
    for (const [host, writes] of cases) {
      tracker.observe({ tabId: 1, url: `http://${host}/${time}`, type: 'image', frameId: 1, time: time++ });
      await tracker.flush();
      expect([host, storage.writes]).toEqual([host, writes]);
    }
  });

  it('in the worker, gathers the batches of SUMMARY_DELAY_MS into one write with the newest header', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const storage = memoryStorage();
      const db = await openLogDB(`borderline-summary-${++seq}`);
      const settings = defaultSettings('Europe/Berlin');
      const summaries = new TabSummaries({ engine: () => engine, settings: () => settings, rowsOf: (id) => tracker.cachedPageRows(id), storage: storage as never });
      const tracker: TabTracker = new TabTracker({ db, engine: () => engine, jurisdiction: () => 'EEA', onChange: () => undefined, onFlush: (tabs) => summaries.schedule(tabs) });
      tracker.navigate(1, 'http://www.temu.com/', 1000);
      let time = 1001;
      // Four batches, each bringing a new company or unknown host: each would have been a write of its own.
      for (const host of ['bugly.qq.com', 'cdn.unknown-example.net', 'analytics.tiktok.com', 'connect.facebook.net']) {
        tracker.observe({ tabId: 1, url: `http://${host}/${time}`, type: 'image', frameId: 1, time: time++ });
        await tracker.flush();
      }
      expect(storage.writes).toBe(0);
      await vi.advanceTimersByTimeAsync(SUMMARY_DELAY_MS);
      expect(storage.writes).toBe(1);
      const stored = storage.data.get(summaryKey(1)) as TabSummary;
      expect(header(stored.head)).toEqual(header(buildTabReport(tracker.cachedPageRows(1)!, engine, 'EEA', 1, tracker.get(1), undefined)));
      // Nothing new: no timer, no write.
      await vi.advanceTimersByTimeAsync(SUMMARY_DELAY_MS * 3);
      expect(storage.writes).toBe(1);
      // A tab closed before its update is due gets none.
      tracker.navigate(2, 'http://www.shein.com/', 2000);
      await tracker.flush();
      summaries.forget(2);
      await vi.advanceTimersByTimeAsync(SUMMARY_DELAY_MS);
      expect(storage.data.has(summaryKey(2))).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('removes a summary it cannot keep exact (rows not in memory), once; and a closed tab\'s', async () => {
    const { storage, tracker, summaries } = await setup();
    tracker.navigate(1, 'http://www.temu.com/', 1000);
    await tracker.flush();
    expect(storage.data.has(summaryKey(1))).toBe(true);
    const remove = vi.spyOn(storage, 'remove');
    tracker.forgetCounts(() => true); // the log was cleared: the page cache goes
    await tracker.flush();
    tracker.observe({ tabId: 1, url: 'http://bugly.qq.com/a', type: 'script', frameId: 1, time: 1001 });
    await tracker.flush();
    expect(storage.data.has(summaryKey(1))).toBe(false);
    expect(remove).toHaveBeenCalledTimes(1);
    tracker.navigate(2, 'http://www.temu.com/', 2000);
    await tracker.flush();
    summaries.forget(2);
    await Promise.resolve();
    expect(storage.data.has(summaryKey(2))).toBe(false);
  });
});

describe('tab summaries in the worker', () => {
  beforeEach(() => resetBrowser());
  const stored = async (tabId: number) => (await fakeBrowser.storage.session.get(summaryKey(tabId)))[summaryKey(tabId)] as TabSummary | undefined;

  it('keeps one per tab, none for a private tab, and says the new rules after a settings change', async () => {
    const bg = startBackground(`borderline-summary-worker-${++seq}`);
    const tab = await fakeBrowser.tabs.create({ url: 'http://www.temu.com/' });
    const { tracker } = await bg.ready;
    await request(tab.id!, 'http://www.temu.com/', 'main_frame', 1000);
    await request(tab.id!, 'http://bugly.qq.com/sdk.js', 'script', 1001);
    await tracker.flush();
    await vi.waitFor(async () => expect((await stored(tab.id!))?.head.thirdParties.map((t) => t.assessment.company.id)).toEqual(['tencent']));
    expect((await stored(tab.id!))!.head.jurisdiction).toBe('EEA');

    // Firefox: the request says it is private.
    request(51, 'http://www.shein.com/', 'main_frame', 2000, { incognito: true });
    request(51, 'http://bugly.qq.com/sdk.js', 'script', 2001, { incognito: true });
    await ask({ type: 'getTabReport', tabId: 51 });
    await tracker.flush();
    expect(tracker.isPrivate(51)).toBe(true);
    expect(await stored(51)).toBeUndefined();

    await ask({ type: 'setSettings', settings: { jurisdiction: 'UK' } });
    expect((await stored(tab.id!))!.head.jurisdiction).toBe('UK');
  });
});
