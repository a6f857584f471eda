// The answers to the pages' and the content script's messages (the dataset's are in dataset-control.ts). Each waits
// for `ready`, so a message that wakes the worker never sees the bundled data while the stored one loads, and those
// that read the log wait for the events before them.
import { browser } from 'wxt/browser';
import { buildTabReport } from '@/data/assess/tab-report';
import type { PackedTabReport, SenderLike } from '@/data/protocol';
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
  if (typeof id !== 'number') throw new Error('This message must come from a tab.');
  return id;
}

async function tabReport(w: WorkerState, tabId: number): Promise<PackedTabReport> {
  const start = performance.now();
  const { tracker } = await w.ready;
  await w.events.settled();
  if (!tracker.hasCachedRows(tabId)) preloadIpTable(); // a fresh worker: decode it while IndexedDB reads the rows
  const [tab, rows] = await Promise.all([browser.tabs.get(tabId).catch(() => undefined), tracker.pageRows(tabId)]);
  const report = {
    ...buildTabReport(rows, w.engine, w.settings.jurisdiction, tabId, tracker.get(tabId), tab?.url, await serverCountries(rows)),
    ...residenceOf(w.settings),
  };
  // `npm run measure` reads the worker's share of the popup's wait (the rest is copying the answer across).
  performance.clearMeasures('borderline-tab-report');
  performance.measure('borderline-tab-report', { start });
  return report;
}

export function messageHandlers(w: WorkerState): Handlers {
  return {
    getTabReport: ({ tabId }) => tabReport(w, tabId),
    async getDatasetInfo() {
      await w.ready;
      return w.engine.info;
    },
    async getSettings() {
      await w.ready;
      return w.settings;
    },
    async setSettings({ settings: change }) {
      await w.ready;
      const before = w.settings.autoUpdate;
      w.settings = await saveSettings(w.settings, change);
      if (w.settings.autoUpdate !== before) await scheduleAutoUpdate(w.settings.autoUpdate);
      if ('retentionDays' in change || 'retentionRows' in change) void w.retention.runNow();
      await rerateOpenTabs(await w.openTabs());
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
      return { deleted: await clearLogScope(db, tracker, scope) };
    },
    async getSiteWarning(_msg, sender) {
      const { tracker } = await w.ready;
      await w.events.settled();
      return siteWarningFor(tracker.get(senderTab(sender)), w.engine, w.settings);
    },
    async dismissSiteWarning({ site }, sender) {
      const { tracker } = await w.ready;
      if (tracker.get(senderTab(sender))?.site !== site) throw new Error('A page may only dismiss its own site.');
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
