// Which companies a tab's page talked to, and the level that gives it, computed again when the rules change: a new
// dataset may own hosts differently (re-attribution), a new jurisdiction rates the same companies differently.
import type { Jurisdiction } from '@/data/assess/risk';
import { maxLevel } from '@/data/assess/risk';
import type { LogRow } from '@/data/log/log-row';
import type { TabState } from '@/data/log/tab-state';
import type { HostIndex } from '@/data/match/host-index';
import { canonicalHost, hostOfUrl } from '@/data/match/hostname';
import { datasetStamp, type Engine } from './engine';
import { writeBatch, type LogDB } from './log-db';
import type { TabTracker } from './tab-tracker';

export interface OpenTabs {
  db: LogDB;
  tracker: TabTracker;
  /** The tabs open now, as browser.tabs.query({}) lists them. */
  tabIds: () => Promise<(number | undefined)[]>;
  engine: () => Engine;
  jurisdiction: () => Jurisdiction;
  /** Shows a tab's new level on its badge. */
  paint: (state: TabState) => void;
}

/** The page's own company and its requests' companies, from the rows, under `index` (of the dataset `stamp`). */
export function attribute(state: TabState, rows: readonly LogRow[], index: HostIndex, stamp?: string): void {
  if (stamp) state.dataset = stamp;
  const host = hostOfUrl(state.url); // '' for a page without a host: it keeps no site company
  state.siteCompany = host ? (index.lookup(host)?.company.id ?? null) : null;
  state.companies = {};
  for (const row of rows) {
    if (row.uncommitted) continue; // a navigation that never committed: logged, not loaded
    const id = index.lookup(canonicalHost(row.host))?.company.id; // rows logged before the dot was dropped
    if (id) state.companies[id] = (state.companies[id] ?? 0) + 1;
  }
}

/** The tab's level: its site's, raised by every company its page talked to. */
function rerate(tabs: OpenTabs, state: TabState): void {
  let level = tabs.tracker.siteLevel(state);
  for (const id of Object.keys(state.companies)) {
    level = maxLevel(level, tabs.engine().risk.assess(id, tabs.jurisdiction())?.level ?? 'none');
  }
  state.level = level;
  tabs.paint(state);
}

/** After the jurisdiction changed: every open tab's level again. */
export async function rerateOpenTabs(tabs: OpenTabs): Promise<void> {
  for (const tabId of await tabs.tabIds()) {
    const state = tabId === undefined ? undefined : tabs.tracker.get(tabId);
    if (state) rerate(tabs, state);
  }
}

/**
 * After a new dataset was put in force: each open tab's page and logged requests attributed again, rated again and
 * stored. pageRows covers private tabs too, whose rows (and state) never reach IndexedDB.
 */
export async function reattributeOpenTabs(tabs: OpenTabs): Promise<void> {
  await tabs.tracker.flush();
  for (const tabId of await tabs.tabIds()) {
    const state = tabId === undefined ? undefined : tabs.tracker.get(tabId);
    if (state) await reattribute(tabs, state);
  }
}

async function reattribute(tabs: OpenTabs, state: TabState): Promise<void> {
  const engine = tabs.engine();
  attribute(state, await tabs.tracker.pageRows(state.tabId), engine.index, datasetStamp(engine.info));
  rerate(tabs, state);
  if (!tabs.tracker.isPrivate(state.tabId)) await writeBatch(tabs.db, [], [structuredClone(state)]);
}

/**
 * At start: the states restored from IndexedDB that were attributed under another dataset than the one in force
 * (the worker stopped after an update was put in force but before the open tabs were attributed again) are
 * attributed again, so no tab ever shows a mix of the old dataset and the new.
 */
export async function reattributeStale(tabs: OpenTabs, states: readonly TabState[]): Promise<number> {
  const stamp = datasetStamp(tabs.engine().info);
  const stale = states.filter((s) => s.dataset !== stamp);
  for (const state of stale) await reattribute(tabs, state);
  return stale.length;
}
