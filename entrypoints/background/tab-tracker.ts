// Per-tab page state and the request log. Rows are queued and written in batches (one transaction per flush)
// so a page that fires thousands of requests costs a handful of IndexedDB commits, not thousands.
import { siteOf } from '@/data/match/hostname';
import { toLogRow, type LogRow, type ObservedRequest } from '@/data/log/log-row';
import { maxLevel, type Jurisdiction, type Level } from '@/data/assess/risk';
import type { Engine } from './engine';
import { allTabStates, countPageRows, forgetTab, rowsForPage, writeBatch, type IpUpdate, type LogDB } from './log-db';
import type { TabState } from '@/data/log/tab-state';

const FLUSH_DELAY_MS = 50;
const FLUSH_MAX_ROWS = 500;
/** Requests still waiting for a response; a request that never answers must not hold memory for ever. */
const MAX_IN_FLIGHT = 10_000;
/** Pages a tab may go back or forward to from the back/forward cache. */
const MAX_HISTORY = 5;
/** A private tab's rows are only in memory, which a never-closed tab must not fill. */
const MAX_PRIVATE_ROWS = 20_000;
/**
 * Rows kept in memory for the pages tabs show, over all tabs: at about 600 bytes a row, 18 MB at most, past which
 * the least recently navigated tab is read from IndexedDB again.
 */
const MAX_CACHED_ROWS = 30_000;

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
}

export type Observed = Omit<ObservedRequest, 'pageSite' | 'page'>;

export class TabTracker {
  private readonly states = new Map<number, TabState>();
  /** Private-window tabs: their states and rows live only here, never in IndexedDB. */
  private readonly privateTabs = new Set<number>();
  private readonly privateRows = new Map<number, LogRow[]>();
  private readonly history = new Map<number, TabState[]>();
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
  navigate(tabId: number, url: string, time: number): TabState {
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {
      // about:blank and the like have no host; the page still replaces the previous one.
    }
    const siteCompany = host ? (this.deps.engine().index.lookup(host)?.company.id ?? null) : null;
    const state: TabState = { tabId, url, site: host ? siteOf(host) : null, pageStart: time, siteCompany, level: 'none', companies: {}, requests: 0 };
    state.level = this.siteLevel(state);
    this.show(state);
    this.dropCachedRows(tabId);
    if (!this.privateTabs.has(tabId)) this.cached.set(tabId, { page: time, rows: [] });
    return state;
  }

  /**
   * A committed navigation that produced no main-frame request: a page restored from the back/forward cache (its
   * requests are not made again, so its earlier state and rows come back) or a prerendered page being shown.
   */
  commit(tabId: number, url: string, time: number): TabState {
    const state = this.states.get(tabId);
    if (state && state.url === url) {
      this.deps.onChange(state);
      return state;
    }
    const pages = this.history.get(tabId) ?? [];
    const earlier = pages.findLastIndex((p) => p.url === url);
    if (earlier >= 0) {
      const [page] = pages.splice(earlier, 1);
      this.dropCachedRows(tabId); // the restored page's rows are in IndexedDB, not in the cache
      this.show(page!);
      return page!;
    }
    return this.navigate(tabId, url, time);
  }

  observe(req: Observed, persist = true): LogRow | undefined {
    const state = this.states.get(req.tabId);
    const { index, risk } = this.deps.engine();
    const row = toLogRow({ ...req, pageSite: state?.site ?? null, page: state?.pageStart }, index, risk, this.deps.jurisdiction());
    if (!row) return undefined;
    if (state) {
      state.requests += 1;
      if (row.company) state.companies[row.company] = (state.companies[row.company] ?? 0) + 1;
      const level = maxLevel(state.level, row.level);
      if (level !== state.level) {
        state.level = level;
        this.deps.onChange(state);
      }
      this.markDirty(req.tabId);
    }
    if (req.requestId) this.track(req.requestId, row);
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
    // Chained so batches commit in order even when a flush starts before the previous one finished.
    this.flushing = this.flushing
      .then(() => writeBatch(this.deps.db, rows, tabs.map((t) => structuredClone(t)), ips))
      .then(() => this.deps.onWritten?.(rows.length))
      .catch((e) => {
        console.error('Borderline: could not write the request log', e);
      });
    return this.flushing;
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

  private schedule() {
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
  }
}
