import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import type { LogRow } from '@/data/log/log-row';
import { createV1Schema } from '../../fixtures/log-db-v1';
import { logRow } from '../../fixtures/log-rows';
import { buildEngine } from '@/entrypoints/background/engine';
import { bundledDataset } from '@/tests/unit/bundled-dataset';
import {
  allRows,
  countRows,
  DB_VERSION,
  keepNewestRows,
  openLogDB,
  rowsForPage,
  rowsOfSite,
  writeBatch,
  type LogDB,
} from '@/entrypoints/background/log-db';
import { enforceRetention, RetentionScheduler } from '@/entrypoints/background/retention';
import { TabTracker } from '@/entrypoints/background/tab-tracker';

let seq = 0;
const freshName = () => `log-store-${++seq}`;
const engine = buildEngine(bundledDataset, 'bundled');
const DAY = 86_400_000;

function trackerOn(db: LogDB, onWritten?: (rows: number) => void) {
  return new TabTracker({ db, engine: () => engine, jurisdiction: () => 'EEA', onChange: () => undefined, onWritten });
}

/** A row logged on tab `tabId` at `time`, on its own page of example.org. */
function row(tabId: number, time: number, host = 'img.kwcdn.com', extra: Partial<LogRow> = {}): LogRow {
  return logRow({ tabId, time, host, url: `http://${host}/x`, site: host.split('.').slice(-2).join('.'), page: time, pageSite: 'example.org', ...extra });
}

/** Counts the read-write transactions the database starts, which is what a batch saves. */
function countWrites(db: LogDB) {
  const original = db.transaction.bind(db);
  const spy = vi.spyOn(db, 'transaction').mockImplementation(((stores: never, mode?: IDBTransactionMode) => original(stores, mode)) as never);
  return () => spy.mock.calls.filter(([, mode]) => mode === 'readwrite').length;
}

describe('request log store', () => {
  it('writes 2,000 requests of a busy page in a handful of transactions', async () => {
    const db = await openLogDB(freshName());
    const writes = countWrites(db);
    const tracker = trackerOn(db);
    tracker.navigate(1, 'http://www.temu.com/', 1000);
    for (let i = 0; i < 2000; i++) {
      tracker.observe({ tabId: 1, url: `http://img.kwcdn.com/${i}.png`, type: 'image', time: 1001 + i, frameId: 0, requestId: String(i) });
    }
    await tracker.flush();
    expect(await countRows(db)).toBe(2000);
    expect(writes()).toBeGreaterThan(0);
    expect(writes()).toBeLessThanOrEqual(5);
    const page = await rowsForPage(db, 1, 1000);
    expect(page).toHaveLength(2000);
    expect(page.every((r) => r.company === 'temu' && r.pageSite === 'temu.com')).toBe(true);
  });

  it('deletes rows older than the retention age and keeps the rest', async () => {
    const db = await openLogDB(freshName());
    const now = 100 * DAY;
    await writeBatch(db, [row(1, now - 10 * DAY), row(1, now - 8 * DAY), row(1, now - 6 * DAY), row(1, now - 1000)], []);
    const result = await enforceRetention(db, { retentionDays: 7, retentionRows: 50_000 }, now);
    expect(result).toEqual({ byAge: 2, byCount: 0 });
    expect((await allRows(db)).map((r) => r.time)).toEqual([now - 6 * DAY, now - 1000]);
  });

  it('keeps only the newest rows beyond the row limit', async () => {
    const db = await openLogDB(freshName());
    const now = 100 * DAY;
    await writeBatch(db, Array.from({ length: 1500 }, (_, i) => row(1, now - 1500 + i)), []);
    const result = await enforceRetention(db, { retentionDays: 7, retentionRows: 1000 }, now);
    expect(result).toEqual({ byAge: 0, byCount: 500 });
    const times = (await allRows(db)).map((r) => r.time);
    expect(times).toHaveLength(1000);
    expect(Math.min(...times)).toBe(now - 1000);
    expect(await keepNewestRows(db, 1000)).toBe(0);
  });

  it('runs retention after enough new rows, at most once per gap', async () => {
    let clock = 0;
    const run = vi.fn(async () => undefined);
    const scheduler = new RetentionScheduler(run, { everyRows: 100, minGapMs: 1000, now: () => clock });
    scheduler.noteWritten(99);
    expect(run).not.toHaveBeenCalled();
    scheduler.noteWritten(1);
    expect(run).toHaveBeenCalledTimes(1);
    await scheduler.runNow(); // joins the run in progress
    expect(run).toHaveBeenCalledTimes(1);
    await scheduler.runNow();
    expect(run).toHaveBeenCalledTimes(2);
    clock = 500;
    scheduler.noteWritten(500);
    expect(run).toHaveBeenCalledTimes(2);
    clock = 1500;
    scheduler.noteWritten(1);
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('tells retention how many rows each flush wrote', async () => {
    const db = await openLogDB(freshName());
    const written: number[] = [];
    const tracker = trackerOn(db, (n) => written.push(n));
    tracker.navigate(1, 'http://www.example.org/', 1000);
    for (let i = 0; i < 600; i++) tracker.observe({ tabId: 1, url: `http://a.example.org/${i}`, type: 'image', time: 1001 + i, frameId: 0 });
    await tracker.flush();
    expect(written.reduce((a, b) => a + b, 0)).toBe(600);
  });

  it('upgrades a version 1 database: rows keep their data and join the page their tab shows', async () => {
    const name = freshName();
    const v1 = await openDB(name, 1, { upgrade: (db) => createV1Schema(db) });
    const v1Row = (time: number, host: string) => {
      const { page: _page, pageSite: _pageSite, ...rest } = row(7, time, host);
      return rest;
    };
    await v1.put('tabs', { tabId: 7, url: 'http://www.temu.com/', site: 'temu.com', pageStart: 1000, siteCompany: 'temu', level: 'high', companies: { temu: 2 }, requests: 2 });
    await v1.add('requests', v1Row(500, 'www.example.org')); // an earlier page of the tab
    await v1.add('requests', v1Row(1000, 'www.temu.com'));
    await v1.add('requests', v1Row(1001, 'img.kwcdn.com'));
    v1.close();

    const db = await openLogDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.transaction('requests').store.indexNames].sort()).toEqual(
      ['by-company', 'by-page-site', 'by-site', 'by-tab-page', 'by-tab-request', 'by-tab-time', 'by-time'].sort(),
    );
    const page = await rowsForPage(db, 7, 1000);
    expect(page.map((r) => r.host)).toEqual(['www.temu.com', 'img.kwcdn.com']);
    expect(page.every((r) => r.pageSite === 'temu.com' && r.url.startsWith('http://'))).toBe(true);
    const older = (await allRows(db)).find((r) => r.time === 500);
    expect(older).toMatchObject({ page: 500, pageSite: null, host: 'www.example.org' });
    expect((await rowsOfSite(db, 'temu.com')).map((r) => r.time)).toEqual([1000, 1001]);
    db.close();
  });

  it('fills in the server IP of a row already written, on the newest row of that request', async () => {
    const db = await openLogDB(freshName());
    const tracker = trackerOn(db);
    tracker.navigate(1, 'http://www.temu.com/', 1000);
    tracker.observe({ tabId: 1, url: 'http://www.temu.com/', type: 'main_frame', time: 1000, frameId: 0, requestId: 'r1' });
    tracker.observe({ tabId: 1, url: 'http://img.kwcdn.com/a.png', type: 'image', time: 1001, frameId: 0, requestId: 'r2' });
    tracker.recordIp(1, 'r1', '203.0.113.5'); // still queued: set in memory
    await tracker.flush();
    tracker.recordIp(1, 'r2', '198.51.100.7'); // already written: updated in IndexedDB
    await tracker.flush();
    const rows = await rowsForPage(db, 1, 1000);
    expect(rows.map((r) => r.ip)).toEqual(['203.0.113.5', '198.51.100.7']);
  });

  it('keeps a request that never answers in the log, without an IP', async () => {
    const db = await openLogDB(freshName());
    const tracker = trackerOn(db);
    tracker.navigate(1, 'http://www.temu.com/', 1000);
    tracker.observe({ tabId: 1, url: 'http://bugly.qq.com/hang', type: 'xmlhttprequest', time: 1001, frameId: 0, requestId: 'r9' });
    await tracker.flush();
    tracker.settle('r9');
    const [logged] = await rowsForPage(db, 1, 1000);
    expect(logged).toMatchObject({ host: 'bugly.qq.com', company: 'tencent' });
    expect(logged!.ip).toBeUndefined();
  });

  it('keeps a private tab in memory only', async () => {
    const db = await openLogDB(freshName());
    const tracker = trackerOn(db);
    tracker.setPrivate(3);
    tracker.navigate(3, 'http://www.temu.com/', 1000);
    tracker.observe({ tabId: 3, url: 'http://www.temu.com/', type: 'main_frame', time: 1000, frameId: 0 });
    tracker.observe({ tabId: 3, url: 'http://img.kwcdn.com/a.png', type: 'image', time: 1001, frameId: 0 });
    await tracker.flush();
    expect(await countRows(db)).toBe(0);
    expect(await db.count('tabs')).toBe(0);
    expect((await tracker.pageRows(3)).map((r) => r.host)).toEqual(['www.temu.com', 'img.kwcdn.com']);
    expect(tracker.get(3)?.level).toBe('high');
  });

  it('brings a page back with its rows when the back/forward cache restores it', async () => {
    const db = await openLogDB(freshName());
    const tracker = trackerOn(db);
    tracker.navigate(1, 'http://www.temu.com/', 1000);
    tracker.observe({ tabId: 1, url: 'http://bugly.qq.com/sdk.js', type: 'script', time: 1001, frameId: 0 });
    tracker.navigate(1, 'http://www.example.org/', 2000);
    tracker.observe({ tabId: 1, url: 'http://www.example.org/', type: 'main_frame', time: 2000, frameId: 0 });
    expect(tracker.get(1)?.level).toBe('none');
    tracker.commit(1, 'http://www.temu.com/', 3000); // no main-frame request: restored from the cache
    expect(tracker.get(1)).toMatchObject({ url: 'http://www.temu.com/', pageStart: 1000, level: 'high', companies: { tencent: 1 } });
    expect((await tracker.pageRows(1)).map((r) => r.host)).toEqual(['bugly.qq.com']);
    tracker.commit(1, 'http://www.shein.com/', 4000); // a page never seen: a new one
    expect(tracker.get(1)).toMatchObject({ pageStart: 4000, companies: {} });
  });
});
