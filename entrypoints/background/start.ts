// Wires browser events to the tracker. Every listener is registered synchronously on start, because an MV3 worker
// woken by an event only delivers it to listeners that exist by the end of the first turn; the handlers then wait
// for `ready` (database open, tab states restored), in the order the events arrived.
import { browser, type Browser } from 'wxt/browser';
import type { Settings } from '@/data/protocol';
import { maxLevel } from '@/data/risk';
import { showBadge } from './badge';
import { datasetControl, loadStoredEngine, scheduleAutoUpdate, UPDATE_ALARM, type DatasetControlDeps } from './dataset-control';
import { DATASET_DB_NAME, openDatasetStore } from './dataset-store';
import { buildEngine, bundledDataset, type Engine } from './engine';
import { openLogDB, rowsForPage, writeBatch, type LogDB, type TabState } from './log-db';
import { listen } from './messages';
import { buildTabReport } from './report';
import { defaultSettings, loadSettings, saveSettings } from './settings';
import { TabTracker } from './tab-tracker';

export interface Background {
  ready: Promise<{ db: LogDB; tracker: TabTracker }>;
}

/** Test seams for the updater: a fake server and a test key pair. */
export type UpdaterOptions = Pick<DatasetControlDeps, 'fetch' | 'timeoutMs' | 'trusted'>;

export function startBackground(dbName?: string, updater: UpdaterOptions = {}): Background {
  // Replaced when an update, rollback or reset applies; until the stored dataset loads, the bundled one answers.
  let engine: Engine = buildEngine(bundledDataset, 'bundled');
  const datasetStore = openDatasetStore(dbName ? `${dbName}-datasets` : DATASET_DB_NAME);
  let settings: Settings = defaultSettings();
  /** Tabs whose main-frame request has been seen but whose navigation has not committed yet. */
  const pendingNavigation = new Set<number>();

  const why = (state: TabState): string | undefined => {
    const site = state.siteCompany ? engine.risk.assess(state.siteCompany, settings.jurisdiction) : undefined;
    return site?.reasons[0]?.text;
  };
  const paint = (state: TabState) => void showBadge(state.tabId, state.level, why(state), settings.badgeThreshold);

  const ready = (async () => {
    const db = await openLogDB(dbName);
    settings = await loadSettings();
    engine = await loadStoredEngine(await datasetStore);
    void scheduleAutoUpdate(settings.autoUpdate).catch((e) => console.error('Borderline: could not schedule dataset checks', e));
    const tracker = new TabTracker({ db, engine: () => engine, jurisdiction: () => settings.jurisdiction, onChange: paint });
    const open = await browser.tabs.query({});
    const restored = await tracker.restore(new Set(open.map((t) => t.id).filter((id): id is number => id !== undefined)));
    restored.forEach(paint);
    return { db, tracker };
  })();

  const relevel = (tracker: TabTracker, state: TabState) => {
    let level = tracker.siteLevel(state);
    for (const id of Object.keys(state.companies)) {
      level = maxLevel(level, engine.risk.assess(id, settings.jurisdiction)?.level ?? 'none');
    }
    state.level = level;
    paint(state);
  };

  /** A new dataset may own hosts differently: attribute each open tab's page and logged requests again. */
  const install = async (next: Engine) => {
    const { db, tracker } = await ready;
    engine = next;
    await tracker.flush();
    for (const tab of await browser.tabs.query({})) {
      const state = tab.id === undefined ? undefined : tracker.get(tab.id);
      if (!state) continue;
      let host = '';
      try {
        host = new URL(state.url).hostname;
      } catch {
        // a page without a host keeps no site company
      }
      state.siteCompany = host ? (engine.index.lookup(host)?.company.id ?? null) : null;
      state.companies = {};
      for (const row of await rowsForPage(db, state.tabId, state.pageStart)) {
        const id = engine.index.lookup(row.host)?.company.id;
        if (id) state.companies[id] = (state.companies[id] ?? 0) + 1;
      }
      relevel(tracker, state);
      await writeBatch(db, [], [structuredClone(state)]);
    }
  };

  const datasets = datasetControl({ store: datasetStore, engine: () => engine, install, settings: () => settings, ...updater });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== UPDATE_ALARM) return;
    void ready.then(() => datasets.automatic()).catch((e) => console.error('Borderline: scheduled dataset check failed', e));
  });

  browser.webRequest.onBeforeRequest.addListener(
    (d: Browser.webRequest.OnBeforeRequestDetails) => {
      if (d.tabId < 0) return undefined; // the browser's own and other extensions' requests
      void ready.then(({ tracker }) => {
        if (d.type === 'main_frame') {
          pendingNavigation.add(d.tabId);
          tracker.navigate(d.tabId, d.url, d.timeStamp);
        }
        tracker.observe({
          tabId: d.tabId,
          url: d.url,
          type: d.type,
          time: d.timeStamp,
          frameId: d.frameId,
          initiator: (d as { initiator?: string }).initiator ?? (d as { originUrl?: string }).originUrl,
        }, !(d as { incognito?: boolean }).incognito);
      });
      return undefined;
    },
    { urls: ['<all_urls>'] },
  );

  browser.webNavigation.onCommitted.addListener((d) => {
    if (d.frameId !== 0) return;
    void ready.then(({ tracker }) => {
      const state = tracker.get(d.tabId);
      if (pendingNavigation.delete(d.tabId) && state) {
        state.url = d.url; // the committed URL after any redirects
        paint(state);
      } else {
        tracker.commit(d.tabId, d.url, d.timeStamp);
      }
    });
  });

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'complete') return;
    void ready.then(({ tracker }) => {
      const state = tracker.get(tabId);
      if (state) paint(state);
    });
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    pendingNavigation.delete(tabId);
    void ready.then(({ tracker }) => tracker.remove(tabId));
  });
  browser.tabs.onReplaced.addListener((added, removed) => {
    void ready.then(({ tracker }) => tracker.replace(added, removed));
  });

  listen({
    async getTabReport({ tabId }) {
      const { db, tracker } = await ready;
      await tracker.flush();
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      return buildTabReport(db, engine, settings.jurisdiction, tabId, tracker.get(tabId), tab?.url);
    },
    async getDatasetInfo() {
      return engine.info;
    },
    async getSettings() {
      await ready;
      return settings;
    },
    async setSettings({ settings: change }) {
      const { tracker } = await ready;
      const before = settings.autoUpdate;
      settings = await saveSettings(settings, change);
      if (settings.autoUpdate !== before) await scheduleAutoUpdate(settings.autoUpdate);
      for (const tab of await browser.tabs.query({})) {
        const state = tab.id === undefined ? undefined : tracker.get(tab.id);
        if (state) relevel(tracker, state);
      }
      return settings;
    },
    async exportLog() {
      throw new Error('Export is not available yet.');
    },
    async clearLog() {
      throw new Error('Clearing the log is not available yet.');
    },
    ...datasets.handlers,
  });

  return { ready };
}
