// Wires browser events to the tracker. Every listener is registered synchronously on start, because an MV3 worker
// woken by an event only delivers it to listeners that exist by the end of the first turn; the handlers then wait
// for `ready` (database open, tab states restored), in the order the events arrived.
import { browser, type Browser } from 'wxt/browser';
import type { SenderLike } from '@/data/protocol';
import { maxLevel } from '@/data/assess/risk';
import { showBadge } from './badge';
import { datasetControl, loadStoredEngine, scheduleAutoUpdate, UPDATE_ALARM, type DatasetControlDeps } from './dataset-control';
import { DATASET_DB_NAME, openDatasetStore } from './dataset-store';
import { buildEngine, bundledDataset, type Engine } from './engine';
import { openLogDB, writeBatch, type LogDB } from './log-db';
import type { TabState } from '@/data/log/tab-state';
import { buildLogExport, clearLogScope } from './log-export';
import { listen } from './messages';
import { buildTabReport } from '@/data/assess/tab-report';
import { preloadIpTable, serverCountries } from './server-location';
import { enforceRetention, RETENTION_ALARM, RETENTION_PERIOD_MINUTES, RetentionScheduler } from './retention';
import { defaultSettings, type Settings } from '@/data/settings';
import { loadSettings, saveSettings } from './settings-store';
import { dismissSite, siteWarningFor } from './site-warning';
import { TabTracker } from './tab-tracker';
import { reasonText } from '@/data/assess/localized-text';

export interface Background {
  ready: Promise<{ db: LogDB; tracker: TabTracker }>;
}

/** Test seams for the updater: a fake server and a test key pair. */
export type UpdaterOptions = Pick<DatasetControlDeps, 'fetch' | 'timeoutMs' | 'trusted'>;

function senderTab(sender: SenderLike): number {
  const id = (sender.tab as { id?: number } | undefined)?.id;
  if (typeof id !== 'number') throw new Error('This message must come from a tab.');
  return id;
}

export function startBackground(dbName?: string, updater: UpdaterOptions = {}): Background {
  // Replaced when an update, rollback or reset applies; until the stored dataset loads, the bundled one answers.
  let engine: Engine = buildEngine(bundledDataset, 'bundled');
  const datasetStore = openDatasetStore(dbName ? `${dbName}-datasets` : DATASET_DB_NAME);
  let settings: Settings = defaultSettings();
  /** Tabs whose main-frame request has been seen but whose navigation has not committed yet. */
  const pendingNavigation = new Set<number>();
  /**
   * Tab id → in a private window. Chrome's webRequest details do not say (Firefox's do), so tabs are looked up once
   * and remembered; a tab that cannot be looked up counts as private, so doubt never writes to disk.
   */
  const incognito = new Map<number, boolean>();
  const isIncognito = async (tabId: number): Promise<boolean> => {
    const known = incognito.get(tabId);
    if (known !== undefined) return known;
    const value = await browser.tabs.get(tabId).then((t) => t?.incognito ?? true, () => true);
    incognito.set(tabId, value);
    return value;
  };

  const why = (state: TabState): string | undefined => {
    const site = state.siteCompany ? engine.risk.assess(state.siteCompany, settings.jurisdiction) : undefined;
    const reason = site?.reasons[0];
    return reason && reasonText(reason, (key, subs) => browser.i18n.getMessage(key, subs), browser.i18n.getUILanguage());
  };
  const paint = (state: TabState) => void showBadge(state.tabId, state.level, why(state), settings.badgeThreshold);

  const ready = (async () => {
    const db = await openLogDB(dbName);
    settings = await loadSettings();
    engine = await loadStoredEngine(await datasetStore);
    void scheduleAutoUpdate(settings.autoUpdate).catch((e) => console.error('Borderline: could not schedule dataset checks', e));
    const tracker = new TabTracker({
      db,
      engine: () => engine,
      jurisdiction: () => settings.jurisdiction,
      onChange: paint,
      onWritten: (rows) => retention.noteWritten(rows),
    });
    const open = await browser.tabs.query({});
    for (const tab of open) if (tab.id !== undefined) incognito.set(tab.id, tab.incognito);
    if (!(await browser.alarms.get(RETENTION_ALARM))) {
      await browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: RETENTION_PERIOD_MINUTES });
    }
    const restored = await tracker.restore(new Set(open.map((t) => t.id).filter((id): id is number => id !== undefined)));
    restored.forEach(paint);
    // One mark per worker life: `npm run measure` reads it to time a cold start (worker time origin → ready).
    performance.mark('borderline-ready');
    return { db, tracker };
  })();

  const retention = new RetentionScheduler(async () => {
    const { db, tracker } = await ready;
    const { byAge, byCount } = await enforceRetention(db, settings);
    if (byAge + byCount > 0) await tracker.pruneCachedRows();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void retention.runNow();
  });

  /**
   * Browser events are handled in the order they arrived, even when one has to wait (for the database at start, or
   * for a tab's private flag), so a page's requests never overtake its navigation. When nothing waits, an event is
   * handled at once: a burst of requests costs no promise hops.
   */
  type Ready = Awaited<typeof ready>;
  let started: Ready | undefined;
  let waiting = 0;
  let events: Promise<unknown> = ready.then((r) => {
    started = r;
  });
  const failed = (e: unknown) => console.error('Borderline: could not handle a browser event', e);
  const wait = (work: Promise<unknown>) => {
    waiting += 1;
    events = work.catch(failed).finally(() => {
      waiting -= 1;
    });
  };
  const inOrder = (handle: (r: Ready) => unknown) => {
    if (!started || waiting > 0) return wait(events.then(() => handle(started!)));
    try {
      const result = handle(started);
      if (result instanceof Promise) wait(result);
    } catch (e) {
      failed(e);
    }
  };

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
      // pageRows covers private tabs too, whose rows never reach IndexedDB.
      for (const row of await tracker.pageRows(state.tabId)) {
        const id = engine.index.lookup(row.host)?.company.id;
        if (id) state.companies[id] = (state.companies[id] ?? 0) + 1;
      }
      relevel(tracker, state);
      if (!tracker.isPrivate(state.tabId)) await writeBatch(db, [], [structuredClone(state)]);
    }
  };

  const datasets = datasetControl({ store: ready.then(() => datasetStore), engine: () => engine, install, settings: () => settings, ...updater });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== UPDATE_ALARM) return;
    void ready.then(() => datasets.automatic()).catch((e) => console.error('Borderline: scheduled dataset check failed', e));
  });

  const ownOrigin = browser.runtime.getURL('/');
  browser.webRequest.onBeforeRequest.addListener(
    (d: Browser.webRequest.OnBeforeRequestDetails) => {
      if (d.tabId < 0) return undefined; // the browser's own and other extensions' requests
      if (d.url.startsWith(ownOrigin)) return undefined; // our content script's own files are not the page's traffic
      const firefoxIncognito = (d as { incognito?: boolean }).incognito;
      const observe = (tracker: TabTracker, isPrivate: boolean) => {
        if (isPrivate) tracker.setPrivate(d.tabId);
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
          requestId: d.requestId,
          initiator: (d as { initiator?: string }).initiator ?? (d as { originUrl?: string }).originUrl,
        });
      };
      inOrder(({ tracker }) => {
        const known = firefoxIncognito ?? incognito.get(d.tabId);
        return known === undefined ? isIncognito(d.tabId).then((p) => observe(tracker, p)) : observe(tracker, known);
      });
      return undefined;
    },
    { urls: ['<all_urls>'] },
  );
  // The server IP comes with the response; the row was logged when the request began, so none waits for it.
  browser.webRequest.onResponseStarted.addListener(
    (d: Browser.webRequest.OnResponseStartedDetails) => {
      if (d.tabId < 0) return;
      inOrder(({ tracker }) => tracker.recordIp(d.tabId, d.requestId, d.ip));
    },
    { urls: ['<all_urls>'] },
  );
  browser.webRequest.onErrorOccurred.addListener(
    (d: Browser.webRequest.OnErrorOccurredDetails) => {
      if (d.tabId < 0) return;
      inOrder(({ tracker }) => tracker.settle(d.requestId));
    },
    { urls: ['<all_urls>'] },
  );

  browser.webNavigation.onCommitted.addListener((d) => {
    if (d.frameId !== 0) return;
    inOrder(({ tracker }) => {
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
    inOrder(({ tracker }) => {
      const state = tracker.get(tabId);
      if (state) paint(state);
    });
  });
  browser.tabs.onCreated.addListener((tab) => {
    if (tab.id !== undefined) incognito.set(tab.id, tab.incognito);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    pendingNavigation.delete(tabId);
    inOrder(({ tracker }) => {
      incognito.delete(tabId);
      return tracker.remove(tabId);
    });
  });
  browser.tabs.onReplaced.addListener((added, removed) => {
    inOrder(({ tracker }) => {
      incognito.delete(removed);
      tracker.replace(added, removed);
    });
  });

  listen({
    async getTabReport({ tabId }) {
      const start = performance.now();
      const { tracker } = await ready;
      await events;
      if (!tracker.hasCachedRows(tabId)) preloadIpTable(); // a fresh worker: decode it while IndexedDB reads the rows
      const [tab, rows] = await Promise.all([browser.tabs.get(tabId).catch(() => undefined), tracker.pageRows(tabId)]);
      const report = buildTabReport(rows, engine, settings.jurisdiction, tabId, tracker.get(tabId), tab?.url, await serverCountries(rows));
      // `npm run measure` reads the worker's share of the popup's wait (the rest is copying the answer across).
      performance.clearMeasures('borderline-tab-report');
      performance.measure('borderline-tab-report', { start });
      return report;
    },
    async getDatasetInfo() {
      await ready; // a message that wakes the worker must not see the bundled data while the stored one loads
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
      if ('retentionDays' in change || 'retentionRows' in change) void retention.runNow();
      for (const tab of await browser.tabs.query({})) {
        const state = tab.id === undefined ? undefined : tracker.get(tab.id);
        if (state) relevel(tracker, state);
      }
      return settings;
    },
    async exportLog({ scope, format }) {
      const { db, tracker } = await ready;
      await events;
      return buildLogExport(db, tracker, engine, scope, format);
    },
    async clearLog({ scope }) {
      const { db, tracker } = await ready;
      await events;
      return { deleted: await clearLogScope(db, tracker, scope) };
    },
    // Content-script messages: the tab is the sender's own, never one named in the message.
    async getSiteWarning(_msg, sender) {
      const { tracker } = await ready;
      await events;
      return siteWarningFor(tracker.get(senderTab(sender)), engine, settings);
    },
    async dismissSiteWarning({ site }, sender) {
      const { tracker } = await ready;
      if (tracker.get(senderTab(sender))?.site !== site) throw new Error('A page may only dismiss its own site.');
      await dismissSite(site);
      return null;
    },
    async openDetails({ view }, sender) {
      const tabId = senderTab(sender);
      await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tabId=${tabId}${view === 'ask' ? '&view=ask' : ''}`) });
      return null;
    },
    ...datasets.handlers,
  });

  return { ready };
}
