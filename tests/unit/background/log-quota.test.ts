/* eslint-disable @typescript-eslint/no-explicit-any -- the quota proxy patches idb's transaction and store objects, which have no public type for it */
// Issue 16, fault: IndexedDB refuses writes. Chrome answers a write past its quota with a QuotaExceededError and
// aborts the transaction; a write can also fail part-way through a batch. Either way the badge and the in-memory page
// state keep counting every request, the oldest rows make room first, the popup's report says the log is incomplete,
// and nothing is left as an unhandled rejection (vitest fails a file that has one).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { unpackReport } from '@/data/log/packed-log';
import type { PackedTabReport, Reply } from '@/data/protocol';
import { buildEngine } from '@/entrypoints/background/engine';
import { bundledDataset } from '@/tests/unit/bundled-dataset';
import { allRows, countRows, openLogDB, type LogDB } from '@/entrypoints/background/log-db';
import { startBackground } from '@/entrypoints/background/start';
import { TabTracker } from '@/entrypoints/background/tab-tracker';
import { fakeEvent } from './harness';

const engine = buildEngine(bundledDataset, 'bundled');
let seq = 0;

/**
 * The log database with a quota of `quota` rows: a write transaction that would pass it is aborted, as Chrome aborts
 * one whose write fails with a QuotaExceededError, so none of that batch is stored.
 */
function withQuota(db: LogDB, quota: number) {
  let refusals = 0;
  const limited = new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop !== 'transaction') return typeof value === 'function' ? value.bind(target) : value;
      return (names: string | string[], mode?: IDBTransactionMode) => {
        const tx = target.transaction(names as any, mode);
        if (mode !== 'readwrite' || ![names].flat().includes('requests')) return tx;
        // Decided when the batch is complete: a count issued before the batch's first add runs before any of them, and by
        // then every add of the batch has been placed, so stored + adds is what the transaction would leave.
        let adds = 0;
        const objectStore = tx.objectStore.bind(tx);
        (tx as any).objectStore = (name: string) => {
          const store = objectStore(name as any) as any;
          if (name !== 'requests') return store;
          const add = store.add.bind(store);
          store.add = (row: unknown) => {
            if (adds++ === 0) {
              store
                .count()
                .then((stored: number) => {
                  if (stored + adds <= quota) return;
                  refusals += 1;
                  tx.abort();
                })
                .catch(() => undefined);
            }
            return add(row);
          };
          return store;
        };
        return tx;
      };
    },
  });
  return { db: limited, refusals: () => refusals };
}

describe('the request log under a storage quota', () => {
  it('keeps counting in memory, stores the newest rows and says the log is incomplete', async () => {
    const real = await openLogDB(`quota-${++seq}`);
    const quota = withQuota(real, 3_000);
    const levels: string[] = [];
    const losses: { evicted: number; dropped: number }[] = [];
    const tracker = new TabTracker({
      db: quota.db,
      engine: () => engine,
      jurisdiction: () => 'EEA',
      onChange: (s) => levels.push(s.level),
      onLoss: (l) => losses.push(l),
    });
    tracker.navigate(1, 'http://www.temu.com/', 1_000);
    const hosts = ['img.kwcdn.com', 'bugly.qq.com', 'cdn.unlisted-example.net'];
    for (let i = 0; i < 8_000; i++) {
      tracker.observe({ tabId: 1, url: `http://${hosts[i % 3]}/r${i}.png`, type: 'image', time: 2_000 + i, frameId: 0, requestId: `r${i}` });
      if (i % 1_000 === 999) await tracker.flush();
    }
    await tracker.flush();

    // The browser refused writes, and the worker noticed.
    expect(quota.refusals()).toBeGreaterThan(0);
    expect(losses.length).toBeGreaterThan(0);
    // The page state in memory counted every request, and the badge got its level.
    expect(tracker.get(1)).toMatchObject({ requests: 8_000, level: 'high' });
    expect(tracker.get(1)!.companies.tencent).toBe(2_667); // every third request, from the second on, went to bugly.qq.com
    expect(levels).toContain('high');
    expect((await tracker.pageRows(1)).length).toBe(8_000); // the page cache still has them all
    // What IndexedDB kept is within the quota and is the newest part of the log: the oldest rows went first.
    const times = (await allRows(real)).map((r) => r.time).sort((a, b) => a - b);
    expect(times.length).toBeGreaterThan(0);
    expect(times.length).toBeLessThanOrEqual(3_000);
    expect(times[times.length - 1]).toBe(2_000 + 7_999);
    expect(times).toEqual(Array.from({ length: times.length }, (_, i) => 2_000 + 8_000 - times.length + i));
  }, 30_000);
});

describe('a write failing part-way through a batch, in the worker', () => {
  const webRequest = { onBeforeRequest: fakeEvent<(d: object) => unknown>(), onResponseStarted: fakeEvent(), onErrorOccurred: fakeEvent() };
  (fakeBrowser as any).webRequest = webRequest;
  (fakeBrowser.tabs as any).onReplaced = fakeEvent();
  const POPUP = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' };

  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('stores none of the failed batch, keeps the badge, and the report says the log is incomplete', async () => {
    const bg = startBackground(`quota-worker-${++seq}`);
    const tab = await fakeBrowser.tabs.create({ url: 'http://www.temu.com/' });
    const { db, tracker } = await bg.ready;
    const add = IDBObjectStore.prototype.add;
    let calls = 0;
    // The third row of the next batch is refused; the first two were already added to the transaction.
    const spy = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (this.name === 'requests' && ++calls === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return add.apply(this, args);
    });
    webRequest.onBeforeRequest.trigger({ tabId: tab.id, url: 'http://www.temu.com/', type: 'main_frame', timeStamp: 1_000, frameId: 0, requestId: 'm' });
    await fakeBrowser.webNavigation.onCommitted.trigger({ tabId: tab.id!, url: 'http://www.temu.com/', frameId: 0, timeStamp: 1_000 } as any);
    for (const [i, host] of ['img.kwcdn.com', 'bugly.qq.com', 'aimg.kwcdn.com'].entries()) {
      webRequest.onBeforeRequest.trigger({ tabId: tab.id, url: `http://${host}/a.png`, type: 'image', timeStamp: 1_001 + i, frameId: 0, requestId: `r${i}` });
    }
    await bg.ready;
    await tracker.flush();
    spy.mockRestore();

    expect(calls).toBeGreaterThanOrEqual(3);
    // The retry after making room stored the batch whole, never a part of it.
    const stored = await countRows(db);
    expect([0, 4]).toContain(stored);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id! })).toBe('HIGH');
    const [reply] = (await fakeBrowser.runtime.onMessage.trigger({ type: 'getTabReport', tabId: tab.id }, POPUP as any, () => undefined)) as unknown as Reply<'getTabReport'>[];
    expect(reply!.ok).toBe(true);
    const report = unpackReport((reply as { ok: true; value: PackedTabReport }).value);
    expect(report.logIncomplete).toBe(true);
    expect(report.level).toBe('high');
    expect(report.requests.map((r) => r.host)).toEqual(['www.temu.com', 'img.kwcdn.com', 'bugly.qq.com', 'aimg.kwcdn.com']);
    // Clearing the whole log makes it complete again.
    await Promise.all(await fakeBrowser.runtime.onMessage.trigger({ type: 'clearLog', scope: { all: true } }, POPUP as any, () => undefined));
    const [after] = (await fakeBrowser.runtime.onMessage.trigger({ type: 'getTabReport', tabId: tab.id }, POPUP as any, () => undefined)) as unknown as Reply<'getTabReport'>[];
    expect((after as { ok: true; value: PackedTabReport }).value.logIncomplete).toBeUndefined();
  });
});
