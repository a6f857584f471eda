// The answers to the pages' and the content script's messages (the dataset's are in dataset-control.ts). Each waits
// for the settings and which dataset is in force (`configured`), so a message that wakes the worker never sees the
// bundled data while the stored one loads; those that read the dataset wait for its engine (`inForce`), those that
// need the log or the tabs for `ready`, and those that read the log for the events before them.
import { browser } from 'wxt/browser';
import { buildTabReport } from '@/data/assess/tab-report';
import { fail } from '@/data/i18n/localized-error';
import type { TabState } from '@/data/log/tab-state';
import { hostOfUrl, siteOf } from '@/data/match/hostname';
import type { LogRow } from '@/data/log/log-row';
import type { Evidence, PackedTabReport, SenderLike } from '@/data/protocol';
import { buildLogExport, clearLogScope } from './log-export';
import type { Handlers } from './messages';
import { preloadIpTable, serverCountries } from './server-location';
import { scheduleAutoUpdate } from './dataset-control';
import { residenceOf, saveSettings } from './settings-store';
import { dismissSite, siteWarningFor } from './site-warning';
import { rerateOpenTabs } from './tab-attribution';
import type { WorkerState } from './worker-state';


/** Content-script messages name no tab: the tab is the sender's own. */
function senderTab(sender: SenderLike): number {
  const id = (sender.tab as { id?: number } | undefined)?.id;
  if (typeof id !== 'number') fail('errorNotFromTab');
  return id;
}

/** Whether the sending document is on `site`: a request about a site must come from a page of that site. */
function senderIsOnSite(sender: SenderLike, site: string): boolean {
  const host = hostOfUrl(sender.url ?? '');
  return host !== '' && siteOf(host) === site;
}

/** The sender's document is the tab's committed page, where Chrome names both. */
function senderIsTabPage(sender: SenderLike, state: TabState | undefined): boolean {
  return !sender.documentId || !state?.documentId || sender.documentId === state.documentId;
}

async function tabReport(w: WorkerState, tabId: number, withRows?: (rows: readonly LogRow[]) => void): Promise<PackedTabReport> {
  const start = performance.now();
  const { tracker } = await w.ready;
  await w.events.settled();
  if (!tracker.hasCachedRows(tabId)) preloadIpTable(); // a fresh worker: decode it while IndexedDB reads the rows
  const [tab, rows] = await Promise.all([browser.tabs.get(tabId).catch(() => undefined), tracker.pageRows(tabId)]);
  withRows?.(rows);
  const report = {
    ...buildTabReport(rows, w.engine, w.settings.jurisdiction, tabId, tracker.get(tabId), tab?.url, await serverCountries(rows)),
    ...residenceOf(w.settings),
  };
  // `npm run measure` reads the worker's share of the popup's wait (the rest is copying the answer across).
  performance.clearMeasures('borderline-tab-report');
  performance.measure('borderline-tab-report', { start });
  return w.logIncomplete ? { ...report, logIncomplete: true } : report;
}

export function messageHandlers(w: WorkerState): Handlers {
  return {
    getTabReport: ({ tabId }) => tabReport(w, tabId),
    // The same report the popup shows, so the evidence has exactly the log's rows, plus what the report leaves out.
    async getEvidence({ tabId, keepQuery }) {
      let details: Evidence['details'] = [];
      const report = await tabReport(w, tabId, (rows) => {
        details = rows.map((r) => ({ ...(r.method ? { method: r.method } : {}), ...(keepQuery && r.query ? { query: r.query } : {}) }));
      });
      return { report, details };
    },
    async getAuthorities() {
      await w.inForce;
      const { reference } = w.engine.dataset;
      return { authorities: reference.authorities ?? [], eea: reference.eea.countries };
    },
    async getDatasetInfo() {
      await w.configured;
      return w.datasetInfo;
    },
    async getSettings() {
      await w.configured;
      return w.settings;
    },
    async setSettings({ settings: change }) {
      await w.ready;
      const before = w.settings.autoUpdate;
      w.settings = await saveSettings(w.settings, change);
      if (w.settings.autoUpdate !== before) await scheduleAutoUpdate(w.settings.autoUpdate);
      if ('retentionDays' in change || 'retentionRows' in change) void w.retention.runNow();
      await rerateOpenTabs(await w.openTabs());
      await w.resetSummaries();
      return w.settings;
    },
    async exportLog({ scope, format }) {
      const { db, tracker } = await w.ready;
      await w.events.settled();
      return buildLogExport(db, tracker, w.engine, scope, format);
    },
    async clearLog({ scope }) {
      const { db, tracker } = await w.ready;
      await w.events.settled();
      const deleted = await clearLogScope(db, tracker, scope);
      if ('all' in scope) await w.logComplete();
      return { deleted };
    },
    async getSiteWarning(_msg, sender) {
      const { tracker } = await w.ready;
      await w.events.settled();
      const state = tracker.get(senderTab(sender));
      // Only the tab's committed page, and only about its own site: a navigation it started is not its page.
      if (!state?.site || !senderIsOnSite(sender, state.site) || !senderIsTabPage(sender, state)) return null;
      return siteWarningFor(state, w.engine, w.settings);
    },
    async dismissSiteWarning({ site }, sender) {
      const { tracker } = await w.ready;
      const state = tracker.get(senderTab(sender));
      if (state?.site !== site || !senderIsOnSite(sender, site) || !senderIsTabPage(sender, state)) fail('errorDismissOwnSite');
      await dismissSite(site);
      return null;
    },
    async openDetails({ view }, sender) {
      const tabId = senderTab(sender);
      await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tabId=${tabId}${view === 'ask' ? '&view=ask' : ''}`) });
      return null;
    },
    ...w.datasets.handlers,
  };
}
