// IndexedDB is the worker's memory across restarts: MV3 stops the service worker after ~30 s idle, so anything
// the popup must see later (tab states, the request log) lives here, and in-memory maps are only caches of it.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LogRow } from '@/data/log-row';
import type { Level } from '@/data/risk';

export interface TabState {
  tabId: number;
  url: string;
  site: string | null;
  /** Time of the top-level navigation: rows at or after it belong to the page the tab shows. */
  pageStart: number;
  siteCompany: string | null;
  level: Level;
  /** Company id → number of requests on this page. */
  companies: Record<string, number>;
  requests: number;
}

export type StoredRow = LogRow & { id?: number };

interface BorderlineDB extends DBSchema {
  requests: {
    key: number;
    value: StoredRow;
    indexes: { 'by-tab-time': [number, number]; 'by-site': string; 'by-time': number; 'by-company': string };
  };
  tabs: { key: number; value: TabState };
}

export type LogDB = IDBPDatabase<BorderlineDB>;

export const DB_NAME = 'borderline';
export const DB_VERSION = 1;

export function openLogDB(name = DB_NAME): Promise<LogDB> {
  return openDB<BorderlineDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      // One step per version, so any older database upgrades through every step in order.
      if (oldVersion < 1) {
        const requests = db.createObjectStore('requests', { keyPath: 'id', autoIncrement: true });
        requests.createIndex('by-tab-time', ['tabId', 'time']);
        requests.createIndex('by-site', 'site');
        requests.createIndex('by-time', 'time');
        requests.createIndex('by-company', 'company');
        db.createObjectStore('tabs', { keyPath: 'tabId' });
      }
    },
  });
}

/** Writes rows and the tab states they changed in one transaction: fewer commits on a busy page. */
export async function writeBatch(db: LogDB, rows: LogRow[], tabs: TabState[]): Promise<void> {
  const tx = db.transaction(['requests', 'tabs'], 'readwrite');
  const requests = tx.objectStore('requests');
  const tabStore = tx.objectStore('tabs');
  for (const row of rows) void requests.add(row);
  for (const t of tabs) void tabStore.put(t);
  await tx.done;
}

export async function rowsForPage(db: LogDB, tabId: number, since: number): Promise<StoredRow[]> {
  return db.getAllFromIndex('requests', 'by-tab-time', IDBKeyRange.bound([tabId, since], [tabId, Infinity]));
}

export async function allTabStates(db: LogDB): Promise<TabState[]> {
  return db.getAll('tabs');
}

/** A closed tab's state goes; its rows stay for the site log until retention removes them. */
export async function forgetTab(db: LogDB, tabId: number): Promise<void> {
  await db.delete('tabs', tabId);
}

export async function clearTabLog(db: LogDB, tabId: number): Promise<void> {
  const tx = db.transaction(['requests', 'tabs'], 'readwrite');
  const index = tx.objectStore('requests').index('by-tab-time');
  for (let cursor = await index.openKeyCursor(IDBKeyRange.bound([tabId, -Infinity], [tabId, Infinity])); cursor; cursor = await cursor.continue()) {
    void tx.objectStore('requests').delete(cursor.primaryKey);
  }
  void tx.objectStore('tabs').delete(tabId);
  await tx.done;
}
