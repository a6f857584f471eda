// Looks at the extension's service worker from outside, as the end-to-end tests and `npm run measure` both need.
import type { CDPSession, Worker } from 'playwright-core';

/** A tab's rows (or, without a tab, all rows) as IndexedDB holds them, read beside the worker's code: nothing is
 *  flushed for the asking. */
export function storedRows<T = { host: string; url: string; type: string; ip?: string }>(sw: Worker, tabId?: number): Promise<T[]> {
  return sw.evaluate(
    (id) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('borderline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('requests').objectStore('requests');
          const query = id === null ? store.getAll() : store.index('by-tab-time').getAll(IDBKeyRange.bound([id, -Infinity], [id, Infinity]));
          query.onsuccess = () => {
            db.close();
            resolve(query.result as T[]);
          };
          query.onerror = () => reject(query.error);
        };
      }),
    tabId ?? null,
  );
}

/** The extension worker's running status, as the DevTools protocol's ServiceWorker domain reports it. */
export async function watchWorker(cdp: CDPSession, extensionId: string): Promise<string[]> {
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) if (v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) statuses.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  return statuses;
}
