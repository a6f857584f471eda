// IndexedDB is the worker's memory across restarts: MV3 stops the service worker after ~30 s idle, so anything
// the popup must see later (tab states, the request log) lives here, and in-memory maps are only caches of it.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { LogRow } from '@/data/log/log-row';
import type { TabState } from '@/data/log/tab-state';
import { allOrNothing } from './all-or-nothing';

export type StoredRow = LogRow & { id?: number };

interface BorderlineDB extends DBSchema {
  requests: {
    key: number;
    value: StoredRow;
    indexes: {
      'by-tab-time': [number, number];
      'by-site': string;
      'by-time': number;
      'by-company': string;
      'by-tab-page': [number, number];
      'by-tab-request': [number, string];
      'by-page-site': string;
    };
  };
  tabs: { key: number; value: TabState };
}

export type LogDB = IDBPDatabase<BorderlineDB>;
type UpgradeTx = IDBPTransaction<BorderlineDB, StoreNames<BorderlineDB>[], 'versionchange'>;

const DB_NAME = 'borderline';
export const DB_VERSION = 2;

export function openLogDB(name = DB_NAME): Promise<LogDB> {
  return openDB<BorderlineDB>(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      // One step per version, so any older database upgrades through every step in order.
      if (oldVersion < 1) {
        const requests = db.createObjectStore('requests', { keyPath: 'id', autoIncrement: true });
        requests.createIndex('by-tab-time', ['tabId', 'time']);
        requests.createIndex('by-site', 'site');
        requests.createIndex('by-time', 'time');
        requests.createIndex('by-company', 'company');
        db.createObjectStore('tabs', { keyPath: 'tabId' });
      }
      if (oldVersion < 2) await upgradeToPages(tx);
    },
  });
}

/**
 * v2 files rows by page (so back/forward cache can bring a page's log back), by the page's site (export and clear
 * by site) and by request id (the server IP arrives after the row is written). v1 rows get the page their tab
 * showed when it covers them; older rows become pages of their own, which no open tab shows.
 */
async function upgradeToPages(tx: UpgradeTx): Promise<void> {
  const requests = tx.objectStore('requests');
  requests.createIndex('by-tab-page', ['tabId', 'page']);
  requests.createIndex('by-tab-request', ['tabId', 'requestId']);
  requests.createIndex('by-page-site', 'pageSite');
  const pages = new Map((await tx.objectStore('tabs').getAll()).map((t) => [t.tabId, t]));
  for (let cursor = await requests.openCursor(); cursor; cursor = await cursor.continue()) {
    const row = cursor.value;
    if (row.page !== undefined) continue;
    const tab = pages.get(row.tabId);
    const current = tab !== undefined && row.time >= tab.pageStart;
    void cursor.update({ ...row, page: current ? tab.pageStart : row.time, pageSite: current ? tab.site : null });
  }
}

export interface IpUpdate {
  tabId: number;
  requestId: string;
  ip: string;
}

/**
 * Writes rows, late server IPs and the tab states they changed in one transaction: fewer commits on a busy page.
 * An IP goes to the newest row with its request id (ids repeat across browser sessions, and a redirect reuses one).
 */
export async function writeBatch(db: LogDB, rows: LogRow[], tabs: TabState[], ips: IpUpdate[] = []): Promise<void> {
  const tx = db.transaction(['requests', 'tabs'], 'readwrite');
  const requests = tx.objectStore('requests');
  const tabStore = tx.objectStore('tabs');
  await allOrNothing(tx, (place) => {
    for (const row of rows) place(requests.add(row));
    for (const t of tabs) place(tabStore.put(t));
    const byRequest = requests.index('by-tab-request');
    for (const { tabId, requestId, ip } of ips) {
      place(byRequest.openCursor(IDBKeyRange.only([tabId, requestId]), 'prev').then((cursor) => cursor && cursor.update({ ...cursor.value, ip })));
    }
  });
}

/** Deletes the `count` oldest rows (keys grow with insertion) in one transaction; returns how many went. */
export async function deleteOldestRows(db: LogDB, count: number): Promise<number> {
  const tx = db.transaction('requests', 'readwrite');
  const first = await tx.store.openKeyCursor();
  if (!first || count <= 0) {
    await tx.done;
    return 0;
  }
  const stop = await first.advance(count);
  const deleted = stop ? count : await tx.store.count();
  await (stop ? tx.store.delete(IDBKeyRange.upperBound(stop.primaryKey, true)) : tx.store.clear());
  await tx.done;
  return deleted;
}

export async function rowsForPage(db: LogDB, tabId: number, page: number): Promise<StoredRow[]> {
  return db.getAllFromIndex('requests', 'by-tab-page', IDBKeyRange.only([tabId, page]));
}

export async function countPageRows(db: LogDB, tabId: number, page: number): Promise<number> {
  return db.countFromIndex('requests', 'by-tab-page', IDBKeyRange.only([tabId, page]));
}

export async function allTabStates(db: LogDB): Promise<TabState[]> {
  return db.getAll('tabs');
}

/** A closed tab's state goes; its rows stay for the site log until retention removes them. */
export async function forgetTab(db: LogDB, tabId: number): Promise<void> {
  await db.delete('tabs', tabId);
}

const tabRange = (tabId: number) => IDBKeyRange.bound([tabId, -Infinity], [tabId, Infinity]);

export async function rowsOfTab(db: LogDB, tabId: number): Promise<StoredRow[]> {
  return db.getAllFromIndex('requests', 'by-tab-time', tabRange(tabId));
}

/** A site's log: the requests made on its pages and the requests to it from other pages, each once, in order. */
export async function rowsOfSite(db: LogDB, site: string): Promise<StoredRow[]> {
  const tx = db.transaction('requests');
  const store = tx.objectStore('requests');
  const [onSite, toSite] = await Promise.all([store.index('by-page-site').getAll(site), store.index('by-site').getAll(site)]);
  const byId = new Map<number, StoredRow>();
  for (const row of [...onSite, ...toSite]) byId.set(row.id!, row);
  return [...byId.values()].sort((a, b) => a.id! - b.id!);
}

export async function allRows(db: LogDB): Promise<StoredRow[]> {
  return db.getAll('requests');
}

export async function countRows(db: LogDB): Promise<number> {
  return db.count('requests');
}

/** Deletes a tab's rows (and its state, rebuilt by the caller from what is left: nothing). */
export async function deleteTabRows(db: LogDB, tabId: number): Promise<number> {
  const tx = db.transaction('requests', 'readwrite');
  const keys = await tx.store.index('by-tab-time').getAllKeys(tabRange(tabId));
  for (const key of keys) void tx.store.delete(key);
  await tx.done;
  return keys.length;
}

export async function deleteSiteRows(db: LogDB, site: string): Promise<number> {
  const tx = db.transaction('requests', 'readwrite');
  const keys = new Set([...(await tx.store.index('by-page-site').getAllKeys(site)), ...(await tx.store.index('by-site').getAllKeys(site))]);
  for (const key of keys) void tx.store.delete(key);
  await tx.done;
  return keys.size;
}

export async function deleteAllRows(db: LogDB): Promise<number> {
  const tx = db.transaction('requests', 'readwrite');
  const count = await tx.store.count();
  await tx.store.clear();
  await tx.done;
  return count;
}

/** Rows recorded before `time`, oldest first, in one transaction. */
export async function deleteRowsBefore(db: LogDB, time: number): Promise<number> {
  const tx = db.transaction('requests', 'readwrite');
  const keys = await tx.store.index('by-time').getAllKeys(IDBKeyRange.upperBound(time, true));
  for (const key of keys) void tx.store.delete(key);
  await tx.done;
  return keys.length;
}

/** Keeps the newest `max` rows. Keys grow with insertion, so the oldest rows are one key range. */
export async function keepNewestRows(db: LogDB, max: number): Promise<number> {
  const tx = db.transaction('requests', 'readwrite');
  const excess = (await tx.store.count()) - max;
  if (excess <= 0) {
    await tx.done;
    return 0;
  }
  const first = await tx.store.openKeyCursor();
  const keep = await first!.advance(excess);
  // No row left to keep (a limit of 0): the cursor ran off the end.
  void (keep ? tx.store.delete(IDBKeyRange.upperBound(keep.primaryKey, true)) : tx.store.clear());
  await tx.done;
  return excess;
}
