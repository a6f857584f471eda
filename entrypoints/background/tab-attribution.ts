// Which companies a tab's page talked to, and the level that gives it, computed again when the rules change: a new
// dataset may own hosts differently (re-attribution), a new jurisdiction rates the same companies differently.
import type { Jurisdiction } from '@/data/assess/risk';
import { maxLevel } from '@/data/assess/risk';
import type { LogRow } from '@/data/log/log-row';
import type { TabState } from '@/data/log/tab-state';
import type { HostIndex } from '@/data/match/host-index';
import type { Engine } from './engine';
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

/** The page's own company and its requests' companies, from the rows, under `index`. */
export function attribute(state: TabState, rows: readonly LogRow[], index: HostIndex): void {
  let host = '';
  try {
    host = new URL(state.url).hostname;
  } catch {
    // a page without a host keeps no site company
  }
  state.siteCompany = host ? (index.lookup(host)?.company.id ?? null) : null;
  state.companies = {};
  for (const row of rows) {
    const id = index.lookup(row.host)?.company.id;
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
    if (!state) continue;
    attribute(state, await tabs.tracker.pageRows(state.tabId), tabs.engine().index);
    rerate(tabs, state);
    if (!tabs.tracker.isPrivate(state.tabId)) await writeBatch(tabs.db, [], [structuredClone(state)]);
  }
}
