// The popup's first paint without the worker: for each tab, the report's header (level, companies, where the data
// goes, rules) in storage.session, which the popup reads itself while the full report follows. Chrome stops an idle
// worker after 30 s, so a popup opened on a page read for a while would otherwise wait for the worker to start, read
// thousands of rows from IndexedDB and build the report before it could say anything.
//
// Built by the report's own code (ReportBuilder), fed each batch of rows as it leaves for IndexedDB, and written only
// when what the header shows changes (a new company, a new unknown host, another order or level), not per request.
// storage.session is memory only, like the worker's own caches, and private tabs never get one. A summary the worker
// cannot keep exact (its rows are not all in memory: the worker restarted while the page went on loading) is removed,
// and the popup then waits for the report as before.
import type { Browser } from 'wxt/browser';
import { summaryHead } from '@/data/assess/summary-head';
import { ReportBuilder } from '@/data/assess/tab-report';
import { summaryKey, SUMMARY_PREFIX, type TabSummary } from '@/data/log/tab-summary';
import type { LogRow } from '@/data/log/log-row';
import type { TabState } from '@/data/log/tab-state';
import type { Settings } from '@/data/settings';
import { datasetStamp, type Engine } from './engine';
import { residenceOf } from './settings-store';

export interface SummaryDeps {
  engine: () => Engine;
  settings: () => Settings;
  /** The rows of the tab's page when all are in memory, else undefined. */
  rowsOf: (tabId: number) => readonly LogRow[] | undefined;
  storage: Pick<Browser.storage.StorageArea, 'get' | 'set' | 'remove'>;
}

interface Building {
  state: TabState;
  rows: readonly LogRow[];
  engine: Engine;
  jurisdiction: Settings['jurisdiction'];
  builder: ReportBuilder;
  /** What the summary last written says, so an unchanged header is not written again. */
  written?: string;
}

/**
 * How long the worker gathers batches before it brings their summaries up to date. A busy page changes its header
 * with nearly every batch (each new company or unknown host); writing each time cost the worker more per page load
 * (storage.session serialises the whole header at every set) than the rest of its work, as `npm run measure` showed.
 * A popup opened within this time paints a header a few batches old, and the full report follows at once anyway.
 */
export const SUMMARY_DELAY_MS = 400;

export class TabSummaries {
  private readonly building = new Map<number, Building>();
  /** Tabs whose summary this worker removed, so it is removed once, not at every batch. */
  private readonly removed = new Set<number>();
  /** The newest state of each tab with batches since the last update, and the timer that will update them. */
  private readonly due = new Map<number, TabState>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: SummaryDeps) {}

  /** After a batch: the summaries of these tabs are brought up to date within SUMMARY_DELAY_MS, together. */
  schedule(states: readonly TabState[]): void {
    for (const state of states) this.due.set(state.tabId, state);
    this.timer ??= setTimeout(() => this.flushDue(), SUMMARY_DELAY_MS);
  }

  /** Updates what `schedule` gathered now (also for tests and before a report is built). */
  flushDue(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const states = [...this.due.values()];
    this.due.clear();
    try {
      if (states.length) this.update(states);
    } catch (e) {
      console.error('Borderline: could not summarise a tab for the popup', e);
    }
  }

  /** After a batch: brings the summaries of these tabs up to date. */
  update(states: readonly TabState[]): void {
    const writes: Record<string, TabSummary> = {};
    const stale: string[] = [];
    const engine = this.deps.engine();
    const settings = this.deps.settings();
    for (const state of states) {
      const rows = this.deps.rowsOf(state.tabId);
      if (!rows) {
        this.building.delete(state.tabId);
        if (!this.removed.has(state.tabId)) stale.push(summaryKey(state.tabId));
        this.removed.add(state.tabId);
        continue;
      }
      this.removed.delete(state.tabId);
      let b = this.building.get(state.tabId);
      if (!b || b.state !== state || b.rows !== rows || b.engine !== engine || b.jurisdiction !== settings.jurisdiction || b.builder.rows > rows.length) {
        b = { state, rows, engine, jurisdiction: settings.jurisdiction, builder: new ReportBuilder(engine, settings.jurisdiction, state.tabId, state, undefined) };
        this.building.set(state.tabId, b);
      }
      for (let i = b.builder.rows; i < rows.length; i++) b.builder.add(rows[i]!);
      const shows = [state.pageStart, state.url, state.siteCompany ?? '', datasetStamp(engine.info), b.builder.headKey()].join('\n');
      if (shows === b.written) continue;
      b.written = shows;
      writes[summaryKey(state.tabId)] = { page: state.pageStart, head: { ...summaryHead(b.builder.head(false)), ...residenceOf(settings) } };
    }
    if (stale.length) void this.deps.storage.remove(stale).catch(() => undefined);
    if (Object.keys(writes).length) {
      void this.deps.storage.set(writes).catch((e: unknown) => console.warn('Borderline: could not keep the popup summary', e));
    }
  }

  /** A tab closed. */
  forget(tabId: number): void {
    this.due.delete(tabId);
    this.building.delete(tabId);
    this.removed.delete(tabId);
    void this.deps.storage.remove(summaryKey(tabId)).catch(() => undefined);
  }

  /** Settings or the dataset changed: every summary may say something else now; those of `states` are rewritten. */
  async reset(states: readonly TabState[]): Promise<void> {
    this.building.clear();
    this.removed.clear();
    this.due.clear();
    const all = await this.deps.storage.get(null);
    const keys = Object.keys(all).filter((k) => k.startsWith(SUMMARY_PREFIX));
    if (keys.length) await this.deps.storage.remove(keys);
    this.update(states);
  }
}
