// The reads the popup's first paint needs, started as early as the page allows. popup/index.html loads popup-early.js
// (entrypoints/popup-early.ts) as a classic script in its head: it runs as soon as it has arrived, while the popup's
// module script (~95 kB) is still being fetched and compiled, so the tab and its summary are read by the time the
// popup can render (`npm run measure` prints popup-summary-read beside popup-script). main.tsx takes what it started,
// or starts the same reads itself if it did not run.
import { summaryKey, type TabSummary } from '@/data/log/tab-summary';

interface TabInfo {
  id?: number;
  url?: string;
}

/** What of the extension API the reads use: `browser` in the popup's script, `browser` or `chrome` before it. */
export interface EarlyApi {
  tabs: { get(tabId: number): Promise<TabInfo>; query(q: { active: true; currentWindow: true }): Promise<TabInfo[]> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
}

export interface EarlyRead {
  /** The tab the popup shows, with its URL now; undefined if there is none. */
  tab: Promise<TabInfo | undefined>;
  /** The tab's summary as the worker stored it; undefined if there is none, or the view is not the popup's own. */
  summary: Promise<TabSummary | undefined>;
}

/** `?tabId=N` names the tab (the popup opened as a page, or the full-tab log); otherwise it is the active tab. */
export function startEarlyRead(search: string, api: EarlyApi): EarlyRead {
  const params = new URLSearchParams(search);
  const param = params.get('tabId');
  const named = param !== null && /^\d+$/.test(param) ? Number(param) : undefined;
  // A named tab's summary is read at once, beside the tab; the active tab's once the query has named it.
  const tab = named !== undefined ? api.tabs.get(named) : api.tabs.query({ active: true, currentWindow: true }).then(([t]) => t);
  const own = params.get('view') === null;
  const read = async (id: number | undefined) => {
    if (id === undefined) return undefined;
    const key = summaryKey(id);
    return (await api.storage.session.get(key))[key] as TabSummary | undefined;
  };
  const summary = !own ? Promise.resolve(undefined) : named !== undefined ? read(named) : tab.then((t) => read(t?.id));
  // Whoever takes them reports failures; until then they must not count as unhandled.
  tab.catch(() => undefined);
  summary.catch(() => undefined);
  return { tab, summary };
}

const SLOT = Symbol.for('borderline.popup.earlyRead');
type Slots = Record<symbol, EarlyRead | undefined>;

/** Leaves the reads for the popup's script (the early script's side). */
export function publishEarlyRead(read: EarlyRead): void {
  (globalThis as unknown as Slots)[SLOT] = read;
}

/** The reads the early script started, once: the popup's script's side. */
export function takeEarlyRead(): EarlyRead | undefined {
  const slots = globalThis as unknown as Slots;
  const read = slots[SLOT];
  slots[SLOT] = undefined;
  return read;
}
