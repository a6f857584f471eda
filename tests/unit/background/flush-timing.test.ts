// When the request log is written: a batch waits until the page goes quiet (FLUSH_QUIET_MS without a new row), so
// the write does not compete with the page's own load, and so the responses arrive first and each row is written
// once with its IP; a page that never goes quiet is still written every FLUSH_MAX_WAIT_MS.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildEngine } from '@/entrypoints/background/engine';
import { bundledDataset } from '@/tests/unit/bundled-dataset';
import { openLogDB, rowsForPage, type LogDB } from '@/entrypoints/background/log-db';
import { FLUSH_MAX_WAIT_MS, FLUSH_QUIET_MS, TabTracker } from '@/entrypoints/background/tab-tracker';

let seq = 0;
const engine = buildEngine(bundledDataset, 'bundled');

/** Counts the read-write transactions (each batch is one) and the cursor updates of late IPs. */
function watch(db: LogDB) {
  const original = db.transaction.bind(db);
  const spy = vi.spyOn(db, 'transaction').mockImplementation(((stores: never, mode?: IDBTransactionMode) => original(stores, mode)) as never);
  return () => spy.mock.calls.filter(([, mode]) => mode === 'readwrite').length;
}

async function setUp() {
  const db = await openLogDB(`flush-timing-${++seq}`);
  const tracker = new TabTracker({ db, engine: () => engine, jurisdiction: () => 'EEA', onChange: () => undefined });
  const writes = watch(db);
  tracker.navigate(1, 'http://www.temu.com/', 1_000);
  let n = 0;
  const request = () => {
    const id = `r${++n}`;
    tracker.observe({ tabId: 1, url: `http://img.kwcdn.com/${id}.png`, type: 'image', time: 1_000 + n, frameId: 0, requestId: id });
    return id;
  };
  return { db, tracker, writes, request };
}

/** Runs the fake clock forward in small steps so the promise work of IndexedDB (fake-indexeddb) gets to run. */
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('request log flush timing', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes nothing while requests keep coming, then one batch once the page is quiet', async () => {
    const { writes, request } = await setUp();
    for (let i = 0; i < 10; i++) {
      request();
      await advance(100);
    }
    expect(writes()).toBe(0);
    await advance(FLUSH_QUIET_MS);
    expect(writes()).toBe(1);
  });

  it('writes each row once with the IP its response brought before the page went quiet', async () => {
    const { db, tracker, writes, request } = await setUp();
    const ids = [request(), request(), request()];
    await advance(FLUSH_QUIET_MS * 0.6); // later than a short fixed delay would have written the rows
    ids.forEach((id, i) => tracker.recordIp(1, id, `203.0.113.${i + 1}`));
    await advance(FLUSH_QUIET_MS);
    expect(writes()).toBe(1);
    const stored = await rowsForPage(db, 1, 1_000);
    expect(stored.filter((r) => r.requestId).map((r) => r.ip)).toEqual(['203.0.113.1', '203.0.113.2', '203.0.113.3']);
  });

  it('still writes a page that never goes quiet, every FLUSH_MAX_WAIT_MS', async () => {
    const { writes, request } = await setUp();
    const step = FLUSH_QUIET_MS / 2;
    for (let t = 0; t < 2 * FLUSH_MAX_WAIT_MS + step; t += step) {
      request();
      await advance(step);
    }
    expect(writes()).toBe(2);
  });

  it('writes at once when a burst fills a batch, without waiting for quiet', async () => {
    const { db, writes, request } = await setUp();
    for (let i = 0; i < 2_000; i++) request();
    await advance(1); // the clock stays far from FLUSH_QUIET_MS; the write's promises get to run
    expect(writes()).toBe(1);
    expect((await rowsForPage(db, 1, 1_000)).length).toBe(2_000);
  });
});
