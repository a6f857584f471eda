// Looks at the extension's service worker from outside, as the end-to-end tests and `npm run measure` both need.
import type { BrowserContext, CDPSession, Worker } from 'playwright-core';

/** A tab's rows (or, without a tab, all rows) as IndexedDB holds them, read beside the extension's code: nothing is
 *  flushed for the asking. Runs inside an extension context (Chromium's worker, a Firefox extension page). */
export function readStoredRows<T>(id: number | null): Promise<T[]> {
  return new Promise<T[]>((resolve, reject) => {
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
  });
}

export type StoredRow = { host: string; url: string; type: string; ip?: string };

export function storedRows<T = StoredRow>(sw: Worker, tabId?: number): Promise<T[]> {
  return sw.evaluate(readStoredRows<T>, tabId ?? null);
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

/** A DevTools session on the extension's service worker: `call` sends one protocol command and resolves with its result. */
export interface WorkerSession {
  call<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  detach(): Promise<void>;
}

/**
 * Attaches to the extension's service worker over the browser's DevTools connection (Playwright attaches to pages,
 * not to service workers, so the messages go through Target). A command the worker's target does not know rejects
 * with the protocol's error.
 */
export async function attachWorker(context: BrowserContext, extensionId: string): Promise<WorkerSession> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser behind this context');
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!target) {
    await cdp.detach();
    throw new Error('the extension worker is not running');
  }
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  let next = 0;
  const waiting = new Map<number, { resolve: (result: unknown) => void; reject: (e: Error) => void }>();
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
    const w = m.id === undefined ? undefined : waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id!);
    if (m.error) w.reject(new Error(m.error.message));
    else w.resolve(m.result);
  });
  return {
    call: <T>(method: string, params: Record<string, unknown> = {}) =>
      new Promise<T>((resolve, reject) => {
        const id = ++next;
        waiting.set(id, { resolve: resolve as (result: unknown) => void, reject });
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
      }),
    async detach() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach();
    },
  };
}

/** The extension worker's used JS heap in bytes after a full garbage collection. */
export async function workerHeap(context: BrowserContext, extensionId: string): Promise<number> {
  const session = await attachWorker(context, extensionId);
  try {
    await session.call('HeapProfiler.enable');
    await session.call('HeapProfiler.collectGarbage');
    await session.call('HeapProfiler.collectGarbage');
    const { usedSize } = await session.call<{ usedSize: number }>('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await session.detach();
  }
}
