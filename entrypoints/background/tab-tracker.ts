// Per-tab page state and the request log. Rows are queued and written in batches (one transaction per flush)
// so a page that fires thousands of requests costs a handful of IndexedDB commits, not thousands.
import { siteOf } from '@/data/hostname';
import { toLogRow, type LogRow, type ObservedRequest } from '@/data/log-row';
import { maxLevel, type Jurisdiction, type Level } from '@/data/risk';
import type { Engine } from './engine';
import { allTabStates, forgetTab, writeBatch, type LogDB, type TabState } from './log-db';

const FLUSH_DELAY_MS = 50;
const FLUSH_MAX_ROWS = 500;

export interface TrackerDeps {
  db: LogDB;
  engine: () => Engine;
  jurisdiction: () => Jurisdiction;
  /** Called whenever a tab's level or page changes, to repaint its badge. */
  onChange: (state: TabState) => void;
}

export class TabTracker {
  private readonly states = new Map<number, TabState>();
  private queue: LogRow[] = [];
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
    this.states.set(tabId, state);
    this.markDirty(tabId);
    this.deps.onChange(state);
    return state;
  }

  /** A committed navigation that produced no main-frame request (back/forward cache, prerender activation). */
  commit(tabId: number, url: string, time: number): TabState {
    const state = this.states.get(tabId);
    if (state && state.url === url) {
      this.deps.onChange(state);
      return state;
    }
    return this.navigate(tabId, url, time);
  }

  observe(req: Omit<ObservedRequest, 'pageSite'>, persist = true): LogRow | undefined {
    const state = this.states.get(req.tabId);
    const { index, risk } = this.deps.engine();
    const row = toLogRow({ ...req, pageSite: state?.site ?? null }, index, risk, this.deps.jurisdiction());
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
    if (persist) {
      this.queue.push(row);
      if (this.queue.length >= FLUSH_MAX_ROWS) void this.flush();
      else this.schedule();
    }
    return row;
  }

  async remove(tabId: number): Promise<void> {
    this.states.delete(tabId);
    this.dirty.delete(tabId);
    await this.flush();
    await forgetTab(this.deps.db, tabId);
  }

  /** Moves a prerendered tab's state to the tab it replaced. */
  replace(addedTabId: number, removedTabId: number): void {
    const state = this.states.get(addedTabId);
    if (state) this.deps.onChange(state);
    this.states.delete(removedTabId);
    void forgetTab(this.deps.db, removedTabId);
  }

  /** Resolves when everything observed so far is in IndexedDB. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.queue;
    const tabs = [...this.dirty].map((id) => this.states.get(id)).filter((s): s is TabState => s !== undefined);
    this.queue = [];
    this.dirty.clear();
    if (rows.length === 0 && tabs.length === 0) return this.flushing;
    // Chained so batches commit in order even when a flush starts before the previous one finished.
    this.flushing = this.flushing.then(() => writeBatch(this.deps.db, rows, tabs.map((t) => structuredClone(t)))).catch((e) => {
      console.error('Borderline: could not write the request log', e);
    });
    return this.flushing;
  }

  private markDirty(tabId: number) {
    this.dirty.add(tabId);
    this.schedule();
  }

  private schedule() {
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
  }
}
