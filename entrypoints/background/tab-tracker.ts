// Per-tab page state and the request log. Rows are queued and written in batches (one transaction per flush)
// so a page that fires thousands of requests costs a handful of IndexedDB commits, not thousands. A batch waits for
// a quiet moment: while a page is loading its requests keep coming, and a write then (each row is structured-cloned
// into seven indexes) competes with the page for the same two cores. Waiting also lets the responses arrive, so a
// row goes in once with its server IP instead of being added and then updated by a cursor.
import { hostOfUrl, siteOf } from '@/data/match/hostname';
import { logRowOf, type LogRow, type ObservedRequest } from '@/data/log/log-row';
import { maxLevel, type Jurisdiction, type Level } from '@/data/assess/risk';
import { datasetStamp, type Engine } from './engine';
import { allTabStates, countPageRows, deleteOldestRows, forgetTab, rowsForPage, writeBatch, type IpUpdate, type LogDB } from './log-db';
import type { TabState } from '@/data/log/tab-state';

/** A batch is written once no row has been observed for this long (the page has gone quiet)... */
export const FLUSH_QUIET_MS = 250;
/** ...or when its oldest row has waited this long, so a page that never goes quiet is still logged as it goes. */
export const FLUSH_MAX_WAIT_MS = 2_000;
/** ...or at once when this many rows wait. */
const FLUSH_MAX_ROWS = 2_000;
/** Requests still waiting for a response; a request that never answers must not hold memory for ever. */
const MAX_IN_FLIGHT = 10_000;
/** Pages a tab may go back or forward to from the back/forward cache. */
const MAX_HISTORY = 5;
/** Requests held for a navigation's document before its commit is heard; past this they go to the tab's page. */
const MAX_EARLY = 1_000;
/** A private tab's rows are only in memory, which a never-closed tab must not fill. */
const MAX_PRIVATE_ROWS = 20_000;
/**
 * Rows kept in memory for the pages tabs show, over all tabs: at about 600 bytes a row, 18 MB at most, past which
 * the least recently navigated tab is read from IndexedDB again.
 */
const MAX_CACHED_ROWS = 30_000;
/** When the browser refuses a batch (quota exceeded), at least this many of the oldest rows make room for it. */
const MIN_EVICTED_ROWS = 1_000;

export interface TrackerDeps {
  db: LogDB;
  engine: () => Engine;
  jurisdiction: () => Jurisdiction;
  /** Called whenever a tab's level or page changes, to repaint its badge. */
  onChange: (state: TabState) => void;
  /** Called after each batch is in IndexedDB, with the number of rows it added (retention runs off this). */
  onWritten?: (rows: number) => void;
  /** How many rows the page cache may hold over all tabs (MAX_CACHED_ROWS unless a test says otherwise). */
  maxCachedRows?: number;
  /** Called when the browser refused a write and rows had to go (the oldest, or a batch): the log is incomplete. */
  onLoss?: (lost: { evicted: number; dropped: number }) => void;
  /** Called as each batch leaves for IndexedDB, with the states of the (non-private) tabs it changed. */
  onFlush?: (tabs: readonly TabState[]) => void;
}

export type Observed = Omit<ObservedRequest, 'pageSite' | 'page'> & {
  /**
   * The top-level document that made the request, where the browser says (Chrome's documentId for the top frame,
   * parentDocumentId for its direct child frames); Firefox's documentUrl of a top-frame request otherwise.
   */
  document?: { id?: string; url?: string };
  /** Its response has started while it waited for its navigation's commit: no IP will follow, so it is not tracked. */
  answered?: boolean;
};

/**
 * A top-level navigation that has started (its main-frame request was seen) but not committed. Until it commits the
 * tab keeps showing its page, so the navigation's own requests wait here: a 204, a download or a stopped load never
 * commit, and then they are the old page's requests, which is where they came from.
 */
interface PendingNavigation {
  url: string;
  time: number;
  requestId?: string;
  /** The main-frame request and its redirects. */
  main: Observed[];
  /** Requests of a document that is not the tab's page yet: the navigation's, heard before its commit. */
  early: Observed[];
}

export class TabTracker {
  private readonly states = new Map<number, TabState>();
  /** Private-window tabs: their states and rows live only here, never in IndexedDB. */
  private readonly privateTabs = new Set<number>();
  private readonly privateRows = new Map<number, LogRow[]>();
  private readonly history = new Map<number, TabState[]>();
  private readonly pending = new Map<number, PendingNavigation>();
  /**
   * The rows of the page each tab shows, as they are logged, so opening the popup costs no IndexedDB read of
   * thousands of rows. Only pages whose every row went through this worker are here, least recently navigated
   * first; a tab that is missing (the worker restarted, a page came back from the back/forward cache, rows were
   * deleted) is read from IndexedDB instead.
   */
  private readonly cached = new Map<number, { page: number; rows: LogRow[] }>();
  private cachedRows = 0;
  private readonly inFlight = new Map<string, LogRow>();
  private queue: LogRow[] = [];
  private queued = new Set<LogRow>();
  private ips: IpUpdate[] = [];
  private readonly dirty = new Set<number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the batch waiting now began, and when it last grew (performance.now()): the flush timer reads them. */
  private batchStart = 0;
  private lastActivity = 0;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: TrackerDeps) {}

  /** After a worker restart: the states written before it stopped. */
  async restore(openTabIds: ReadonlySet<number>): Promise<TabState[]> {
    const restored: TabState[] = [];
    for (const state of await allTabStates(this.deps.db)) {
      if (openTabIds.has(state.tabId)) {
        this.states.set(state.tabId, state);
        restored.push(state);
      } else {
        await forgetTab(this.deps.db, state.tabId);
      }
    }
    return restored;
  }

  /** Requests awaiting their server IP (for tests: a request answered or failed leaves none behind). */
  get awaitingIp(): number {
    return this.inFlight.size;
  }

  get(tabId: number): TabState | undefined {
    return this.states.get(tabId);
  }

  isPrivate(tabId: number): boolean {
    return this.privateTabs.has(tabId);
  }

  /** Marks a tab of a private window before its first request, so nothing of it reaches the disk. */
  setPrivate(tabId: number): void {
    this.privateTabs.add(tabId);
  }

  /** The rows of the page a tab shows: from memory when this worker saw them all, else from IndexedDB. */
  async pageRows(tabId: number): Promise<readonly LogRow[]> {
    const state = this.states.get(tabId);
    if (!state) return [];
    if (this.privateTabs.has(tabId)) return (this.privateRows.get(tabId) ?? []).filter((r) => r.page === state.pageStart);
    const cached = this.cached.get(tabId);
    if (cached?.page === state.pageStart) return cached.rows;
    await this.flush();
    return rowsForPage(this.deps.db, tabId, state.pageStart);
  }

  /** The rows of the page a tab shows if this worker holds them all in memory (as pageRows would answer them). */
  cachedPageRows(tabId: number): readonly LogRow[] | undefined {
    if (this.privateTabs.has(tabId)) return undefined;
    const cached = this.cached.get(tabId);
    return cached !== undefined && cached.page === this.states.get(tabId)?.pageStart ? cached.rows : undefined;
  }

  /** Whether pageRows answers from memory for this tab, without reading IndexedDB. */
  hasCachedRows(tabId: number): boolean {
    return this.cached.get(tabId)?.page === this.states.get(tabId)?.pageStart;
  }

  /**
   * After retention deleted rows: a tab's cache stays only while IndexedDB still holds as many rows of its page as
   * the cache does. A row logged meanwhile also makes them differ, which only costs that tab one read.
   */
  async pruneCachedRows(): Promise<void> {
    await this.flush();
    for (const [tabId, { page, rows }] of [...this.cached]) {
      const stored = await countPageRows(this.deps.db, tabId, page);
      if (stored !== rows.length) this.dropCachedRows(tabId);
    }
  }

  /** All rows of a private tab, for an export the user asked for from that tab. */
  privateRowsOf(tabId: number): LogRow[] {
    return this.privateRows.get(tabId) ?? [];
  }

  siteLevel(state: TabState): Level {
    if (!state.siteCompany) return 'none';
    return this.deps.engine().risk.assess(state.siteCompany, this.deps.jurisdiction())?.level ?? 'none';
  }

  /** A top-level navigation starts a new page in the tab. */
  navigate(tabId: number, url: string, time: number, documentId?: string): TabState {
    // about:blank and the like have no host; the page still replaces the previous one.
    const host = hostOfUrl(url);
    const siteCompany = host ? (this.deps.engine().index.lookup(host)?.company.id ?? null) : null;
    const state: TabState = { tabId, url, site: host ? siteOf(host) : null, pageStart: time, siteCompany, level: 'none', companies: {}, requests: 0 };
    if (documentId) state.documentId = documentId;
    state.dataset = datasetStamp(this.deps.engine().info);
    state.level = this.siteLevel(state);
    this.show(state);
    this.dropCachedRows(tabId);
    if (!this.privateTabs.has(tabId)) this.cached.set(tabId, { page: time, rows: [] });
    return state;
  }

  /** A main-frame request: a navigation starts, but the tab's page changes only when (and if) it commits. */
  startNavigation(req: Observed): void {
    const open = this.pending.get(req.tabId);
    if (open && req.requestId !== undefined && open.requestId === req.requestId) {
      open.url = req.url; // a redirect: the same navigation goes on to another URL
      open.main.push(req);
      return;
    }
    if (open) this.abandonNavigation(req.tabId);
    this.pending.set(req.tabId, { url: req.url, time: req.time, requestId: req.requestId, main: [req], early: [] });
  }

  /**
   * The browser committed a top-level document: from now on it is the tab's page. A navigation seen starting becomes
   * the new page, with its main-frame request and whatever its document asked for before the commit was heard.
   */
  commitNavigation(tabId: number, url: string, time: number, documentId?: string): TabState | undefined {
    const open = this.pending.get(tabId);
    const shown = this.states.get(tabId);
    // webRequest and webNavigation events reach the worker by separate routes, so a commit could be heard late: a new
    // tab's initial about:blank after its first page's main-frame request, or even after that page's commit (a guard:
    // traced under load, the lost first requests had another cause, see observed-request.ts). A commit
    // older than the navigation under way or than the page the tab shows is neither's, and changes nothing: taken
    // for the navigation's, it filed that page's first requests under about:blank; taken for a new page, it replaced
    // the page the tab shows.
    if ((open && time < open.time) || (shown && time < shown.pageStart)) return shown;
    // The same late commit, where its time stamp does not give it away: the navigation's document has already asked
    // for something, under another document id than the one committing.
    if (open && documentId && open.early.some((r) => r.document?.id !== undefined && r.document.id !== documentId)) return this.commit(tabId, url, time, documentId);
    this.pending.delete(tabId);
    if (!open) return this.commit(tabId, url, time, documentId);
    const state = this.navigate(tabId, url, open.time, documentId);
    for (const req of [...open.main, ...open.early]) this.observe(req);
    return state;
  }

  /**
   * A navigation ended without committing (a 204, a download, window.stop(), a network error): the tab still shows
   * the page that started it, and the navigation's requests are that page's. Only the navigation to `url`, if given.
   */
  abandonNavigation(tabId: number, url?: string): void {
    const open = this.pending.get(tabId);
    if (!open || (url !== undefined && !open.main.some((r) => r.url === url))) return;
    this.pending.delete(tabId);
    for (const req of open.main) this.observe({ ...req, uncommitted: true });
    for (const req of open.early) this.observe(req);
  }

  /** Whether a request comes from a document other than the tab's page, while a navigation is under way. */
  private fromOtherDocument(req: Observed, state: TabState | undefined): boolean {
    const open = this.pending.get(req.tabId);
    if (!open || !req.document || open.early.length >= MAX_EARLY) return false;
    // A tab without a page yet (a new tab: its first document is the empty one, which asks for nothing): a document's
    // request heard before the commit can only be the new page's. Logged at once, it would belong to no page.
    if (!state) return true;
    const { id, url } = req.document;
    if (id !== undefined) return state.documentId !== undefined && id !== state.documentId;
    // Firefox names no document id: a top-frame request whose document is the navigation's URL is the new page's.
    return url !== undefined && url === open.url && url !== state.url;
  }

  /**
   * A committed navigation that produced no main-frame request: a page restored from the back/forward cache (its
   * requests are not made again, so its earlier state and rows come back) or a prerendered page being shown.
   */
  commit(tabId: number, url: string, time: number, documentId?: string): TabState {
    const state = this.states.get(tabId);
    if (state && state.url === url && (!documentId || !state.documentId || state.documentId === documentId)) {
      if (documentId) state.documentId = documentId;
      this.deps.onChange(state);
      return state;
    }
    const pages = this.history.get(tabId) ?? [];
    let earlier = documentId ? pages.findLastIndex((p) => p.documentId === documentId) : -1;
    if (earlier < 0) earlier = pages.findLastIndex((p) => p.url === url);
    if (earlier >= 0) {
      const [page] = pages.splice(earlier, 1);
      if (documentId) page!.documentId = documentId;
      this.dropCachedRows(tabId); // the restored page's rows are in IndexedDB, not in the cache
      this.show(page!);
      return page!;
    }
    return this.navigate(tabId, url, time, documentId);
  }

  observe(req: Observed, persist = true): LogRow | undefined {
    const state = this.states.get(req.tabId);
    if (this.fromOtherDocument(req, state)) {
      this.pending.get(req.tabId)!.early.push(req);
      return undefined;
    }
    const { index, risk } = this.deps.engine();
    // The page is passed apart rather than spread into a copy of the request: this runs for every request.
    const row = logRowOf(req, state ? state.site : null, state?.pageStart, index, risk, this.deps.jurisdiction());
    if (!row) return undefined;
    if (state) {
      state.requests += 1;
      if (row.company && !row.uncommitted) state.companies[row.company] = (state.companies[row.company] ?? 0) + 1;
      const level = row.uncommitted ? state.level : maxLevel(state.level, row.level);
      if (level !== state.level) {
        state.level = level;
        this.deps.onChange(state);
      }
      this.markDirty(req.tabId);
    }
    if (req.requestId && !req.answered) this.track(req.requestId, row);
    if (!persist || this.privateTabs.has(req.tabId)) {
      this.privateTabs.add(req.tabId);
      const rows = this.privateRows.get(req.tabId) ?? [];
      rows.push(row);
      if (rows.length > MAX_PRIVATE_ROWS) rows.splice(0, rows.length - MAX_PRIVATE_ROWS);
      this.privateRows.set(req.tabId, rows);
    } else {
      this.cache(row);
      this.queue.push(row);
      this.queued.add(row);
      if (this.queue.length >= FLUSH_MAX_ROWS) void this.flush();
      else this.schedule();
    }
    return row;
  }

  /**
   * The server's IP, reported when the response starts. The row was logged when the request began, so a request
   * that never answers is still in the log; this only fills the IP in, in memory if the row is not written yet.
   */
  recordIp(tabId: number, requestId: string, ip: string | undefined): void {
    // A navigation's response starts before it commits: its row is not logged yet, so the IP waits with it.
    const open = this.pending.get(tabId);
    const waiting = open && ([...open.main, ...open.early].findLast((r) => r.requestId === requestId));
    if (waiting) {
      if (ip) waiting.ip = ip;
      // Every hop of a redirected navigation shares the request id: none of them is to be tracked at the commit.
      for (const r of open.main) if (r.requestId === requestId) r.answered = true;
      waiting.answered = true;
      return;
    }
    const row = this.inFlight.get(requestId);
    this.inFlight.delete(requestId);
    if (!ip) return;
    if (row) row.ip = ip;
    if (this.privateTabs.has(tabId) || (row && this.queued.has(row))) return;
    this.ips.push({ tabId, requestId, ip });
    this.schedule();
  }

  /** A request that failed or was cancelled: no IP will come. */
  settle(requestId: string): void {
    this.inFlight.delete(requestId);
  }

  async remove(tabId: number): Promise<void> {
    this.states.delete(tabId);
    this.pending.delete(tabId);
    this.dirty.delete(tabId);
    this.history.delete(tabId);
    this.privateRows.delete(tabId);
    this.privateTabs.delete(tabId);
    this.dropCachedRows(tabId);
    await this.flush();
    await forgetTab(this.deps.db, tabId);
  }

  /** Moves a prerendered tab's state to the tab it replaced. */
  replace(addedTabId: number, removedTabId: number): void {
    const state = this.states.get(addedTabId);
    if (state) this.deps.onChange(state);
    this.states.delete(removedTabId);
    this.pending.delete(removedTabId);
    this.history.delete(removedTabId);
    this.privateRows.delete(removedTabId);
    this.privateTabs.delete(removedTabId);
    this.dropCachedRows(removedTabId);
    void forgetTab(this.deps.db, removedTabId);
  }

  /**
   * After part of the log was deleted: tabs whose rows went start counting again from their site alone, so the
   * badge and the popup agree with what is left. A site's rows can sit on any tab's page, so every cache goes.
   */
  forgetCounts(which: (state: TabState) => boolean): void {
    for (const tabId of [...this.cached.keys()]) this.dropCachedRows(tabId);
    for (const state of this.states.values()) {
      if (!which(state)) continue;
      state.companies = {};
      state.requests = 0;
      state.level = this.siteLevel(state);
      this.history.delete(state.tabId);
      if (this.privateTabs.has(state.tabId)) this.privateRows.delete(state.tabId);
      else this.markDirty(state.tabId);
      this.deps.onChange(state);
    }
  }

  /** Resolves when everything observed so far is in IndexedDB. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.queue;
    const ips = this.ips;
    const tabs = [...this.dirty]
      .filter((id) => !this.privateTabs.has(id))
      .map((id) => this.states.get(id))
      .filter((s): s is TabState => s !== undefined);
    this.queue = [];
    this.queued = new Set();
    this.ips = [];
    this.dirty.clear();
    if (rows.length === 0 && tabs.length === 0 && ips.length === 0) return this.flushing;
    if (tabs.length) this.deps.onFlush?.(tabs);
    // Chained so batches commit in order even when a flush starts before the previous one finished.
    this.flushing = this.flushing
      .then(() => this.write(rows, tabs.map((t) => structuredClone(t)), ips))
      .catch((e) => {
        console.error('Borderline: could not write the request log', e);
      });
    return this.flushing;
  }

  /**
   * One batch into IndexedDB. A refused write (quota exceeded, or a request failing part-way, after which the
   * transaction has stored none of it) makes room by deleting the oldest rows and is tried once more; if that fails
   * too, the batch's rows are lost but the tab states are still written. Memory (badge, counts, page cache) keeps
   * everything either way, and onLoss tells the worker that the log is incomplete.
   */
  private async write(rows: LogRow[], tabs: TabState[], ips: IpUpdate[]): Promise<void> {
    const { db } = this.deps;
    try {
      await writeBatch(db, rows, tabs, ips);
    } catch (refused) {
      console.warn('Borderline: the browser refused a write to the request log; the oldest rows make room', refused);
      const evicted = await deleteOldestRows(db, Math.max(MIN_EVICTED_ROWS, 2 * rows.length)).catch(() => 0);
      let dropped = 0;
      try {
        await writeBatch(db, rows, tabs, ips);
      } catch (again) {
        dropped = rows.length;
        console.error(`Borderline: ${rows.length} rows of the request log could not be stored`, again);
        await writeBatch(db, [], tabs).catch(() => undefined);
      }
      this.deps.onLoss?.({ evicted, dropped });
      if (dropped > 0) return;
    }
    this.deps.onWritten?.(rows.length);
  }

  private show(state: TabState) {
    const previous = this.states.get(state.tabId);
    if (previous && previous !== state) {
      const pages = this.history.get(state.tabId) ?? [];
      pages.push(previous);
      if (pages.length > MAX_HISTORY) pages.shift();
      this.history.set(state.tabId, pages);
    }
    this.states.set(state.tabId, state);
    this.markDirty(state.tabId);
    this.deps.onChange(state);
  }

  private cache(row: LogRow) {
    const entry = this.cached.get(row.tabId);
    if (!entry || entry.page !== row.page) return;
    entry.rows.push(row);
    this.cachedRows += 1;
    while (this.cachedRows > (this.deps.maxCachedRows ?? MAX_CACHED_ROWS)) this.dropCachedRows(this.cached.keys().next().value!);
  }

  private dropCachedRows(tabId: number) {
    const entry = this.cached.get(tabId);
    if (!entry) return;
    this.cachedRows -= entry.rows.length;
    this.cached.delete(tabId);
  }

  private track(requestId: string, row: LogRow) {
    this.inFlight.delete(requestId); // a redirect: the newest row of the request gets the IP
    this.inFlight.set(requestId, row);
    if (this.inFlight.size > MAX_IN_FLIGHT) this.inFlight.delete(this.inFlight.keys().next().value!);
  }

  private markDirty(tabId: number) {
    this.dirty.add(tabId);
    this.schedule();
  }

  /**
   * Notes activity and makes sure a flush is due. One timer per batch rather than one per request: when it fires
   * while requests still come, it sets itself again for the rest of the quiet time (or of the longest wait).
   */
  private schedule() {
    const now = performance.now();
    this.lastActivity = now;
    if (this.timer !== undefined) return;
    this.batchStart = now;
    this.timer = setTimeout(() => this.flushWhenQuiet(), FLUSH_QUIET_MS);
  }

  private flushWhenQuiet() {
    const now = performance.now();
    const quietAt = this.lastActivity + FLUSH_QUIET_MS;
    const deadline = this.batchStart + FLUSH_MAX_WAIT_MS;
    if (now >= quietAt || now >= deadline) {
      this.timer = undefined;
      void this.flush();
      return;
    }
    this.timer = setTimeout(() => this.flushWhenQuiet(), Math.min(quietAt, deadline) - now);
  }
}
