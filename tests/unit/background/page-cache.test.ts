// The tracker answers the popup from memory for the page a tab shows. That is only allowed while memory and
// IndexedDB agree, so the property here drives random browsing (navigations, requests, answers, back/forward
// restores, clears, retention, tab closes) and checks after each run that every tab's rows, from wherever the
// tracker takes them, equal what IndexedDB holds for that page.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { buildEngine } from '@/entrypoints/background/engine';
import { bundledDataset } from '@/tests/unit/bundled-dataset';
import { keepNewestRows, openLogDB, rowsForPage, type LogDB } from '@/entrypoints/background/log-db';
import { clearLogScope } from '@/entrypoints/background/log-export';
import { TabTracker } from '@/entrypoints/background/tab-tracker';

let seq = 0;
const engine = buildEngine(bundledDataset, 'bundled');
const HOSTS = ['img.kwcdn.com', 'bugly.qq.com', 'www.example.org', 'cdn.unknown-example.net', 'analytics.tiktok.com'];
const PAGES = ['http://www.temu.com/', 'http://www.example.org/', 'https://www.shein.com/'];

function trackerOn(db: LogDB, maxCachedRows?: number) {
  return new TabTracker({ db, engine: () => engine, jurisdiction: () => 'EEA', onChange: () => undefined, ...(maxCachedRows ? { maxCachedRows } : {}) });
}

/** What identifies a row across memory and the store, IP included (it may arrive after the row was written). */
const shape = (rows: readonly { time: number; url: string; ip?: string }[]) => rows.map((r) => `${r.time} ${r.url} ${r.ip ?? '-'}`);

async function storedPage(db: LogDB, tracker: TabTracker, tabId: number) {
  const state = tracker.get(tabId);
  await tracker.flush();
  return state ? shape(await rowsForPage(db, tabId, state.pageStart)) : [];
}

type Step =
  | { kind: 'navigate'; tab: number; page: number }
  | { kind: 'restore'; tab: number; page: number }
  | { kind: 'request'; tab: number; host: number; answer: boolean }
  | { kind: 'ip'; which: number }
  | { kind: 'flush' }
  | { kind: 'clear'; tab: number }
  | { kind: 'retention'; keep: number }
  | { kind: 'close'; tab: number };

const tab = fc.integer({ min: 1, max: 3 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('navigate' as const), tab, page: fc.integer({ min: 0, max: PAGES.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), tab, page: fc.integer({ min: 0, max: PAGES.length - 1 }) }) },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('request' as const), tab, host: fc.integer({ min: 0, max: HOSTS.length - 1 }), answer: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('ip' as const), which: fc.nat() }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'flush' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const), tab }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retention' as const), keep: fc.integer({ min: 0, max: 30 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), tab }) },
);

describe('page rows kept in memory', () => {
  it('agree with IndexedDB after any browsing, answers, restores, clears and retention', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 60 }), fc.integer({ min: 3, max: 40 }), async (steps, cap) => {
        const db = await openLogDB(`page-cache-${++seq}`);
        const tracker = trackerOn(db, cap);
        let time = 1_000;
        const pending: { tab: number; id: string }[] = [];
        for (const s of steps) {
          time += 10;
          if (s.kind === 'navigate') {
            tracker.navigate(s.tab, PAGES[s.page]!, time);
            tracker.observe({ tabId: s.tab, url: PAGES[s.page]!, type: 'main_frame', time, frameId: 0 });
          } else if (s.kind === 'restore') tracker.commit(s.tab, PAGES[s.page]!, time);
          else if (s.kind === 'request') {
            const id = `r${time}`;
            tracker.observe({ tabId: s.tab, url: `https://${HOSTS[s.host]}/p${time}`, type: 'image', time, frameId: 0, requestId: id });
            if (s.answer) pending.push({ tab: s.tab, id });
          } else if (s.kind === 'ip' && pending.length > 0) {
            const [answered] = pending.splice(s.which % pending.length, 1);
            tracker.recordIp(answered!.tab, answered!.id, `192.0.2.${time % 250}`);
          } else if (s.kind === 'flush') await tracker.flush();
          else if (s.kind === 'clear') await clearLogScope(db, tracker, { tabId: s.tab });
          else if (s.kind === 'retention') {
            await tracker.flush();
            if ((await keepNewestRows(db, s.keep)) > 0) await tracker.pruneCachedRows();
          } else if (s.kind === 'close') await tracker.remove(s.tab);
        }
        for (const t of [1, 2, 3]) expect(shape(await tracker.pageRows(t)), `tab ${t}`).toEqual(await storedPage(db, tracker, t));
        db.close();
      }),
      { numRuns: 150 },
    );
  });

  it('answers a tab that navigated in this worker without reading IndexedDB', async () => {
    const db = await openLogDB(`page-cache-${++seq}`);
    const tracker = trackerOn(db);
    tracker.navigate(1, 'http://www.temu.com/', 1000);
    for (let i = 0; i < 600; i++) tracker.observe({ tabId: 1, url: `https://img.kwcdn.com/p${i}.png`, type: 'image', time: 1001 + i, frameId: 0 });
    await tracker.flush();
    const reads = vi.spyOn(db, 'getAllFromIndex');
    expect(tracker.hasCachedRows(1)).toBe(true);
    expect(await tracker.pageRows(1)).toHaveLength(600);
    expect(reads).not.toHaveBeenCalled();
  });

  it('reads IndexedDB for a tab it did not see navigate, and for a page restored from the back/forward cache', async () => {
    const name = `page-cache-${++seq}`;
    const db = await openLogDB(name);
    const first = trackerOn(db);
    first.navigate(1, 'http://www.temu.com/', 1000);
    first.observe({ tabId: 1, url: 'https://bugly.qq.com/sdk.js', type: 'script', time: 1001, frameId: 0 });
    await first.flush();

    const restarted = trackerOn(db); // a new worker: the state comes back from the store, the rows are not in memory
    await restarted.restore(new Set([1]));
    expect(restarted.hasCachedRows(1)).toBe(false);
    expect((await restarted.pageRows(1)).map((r) => r.host)).toEqual(['bugly.qq.com']);

    restarted.navigate(1, 'http://www.example.org/', 2000);
    expect(restarted.hasCachedRows(1)).toBe(true);
    restarted.commit(1, 'http://www.temu.com/', 3000);
    expect(restarted.hasCachedRows(1)).toBe(false);
    expect((await restarted.pageRows(1)).map((r) => r.host)).toEqual(['bugly.qq.com']);
  });

  it('lets the least recently navigated tab go first when the rows outgrow the cap', async () => {
    const db = await openLogDB(`page-cache-${++seq}`);
    const tracker = trackerOn(db, 10);
    tracker.navigate(1, 'http://www.temu.com/', 1000);
    tracker.navigate(2, 'http://www.shein.com/', 1001);
    for (let i = 0; i < 6; i++) tracker.observe({ tabId: 1, url: `https://img.kwcdn.com/${i}`, type: 'image', time: 1100 + i, frameId: 0 });
    for (let i = 0; i < 6; i++) tracker.observe({ tabId: 2, url: `https://img.ltwebstatic.com/${i}`, type: 'image', time: 1200 + i, frameId: 0 });
    expect([tracker.hasCachedRows(1), tracker.hasCachedRows(2)]).toEqual([false, true]);
    expect(await tracker.pageRows(1)).toHaveLength(6); // from IndexedDB, all the same
  });
});
