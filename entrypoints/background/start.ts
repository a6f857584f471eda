// Wires browser events to the modules that handle them. Every listener is registered synchronously on start, because
// an MV3 worker woken by an event only delivers it to listeners that exist by the end of the first turn; the handlers
// then wait for `ready` (database open, tab states restored), in the order the events arrived (event-queue.ts).
// What the worker keeps, and where, is listed in worker-state.ts.
import { browser } from 'wxt/browser';
import { onAlarm } from './alarm-events';
import { onInstalled } from './install-events';
import { messageHandlers } from './message-handlers';
import { listen } from './messages';
import { requestEvents } from './request-events';
import { tabEvents } from './tab-events';
import { WorkerState, type Started, type UpdaterOptions } from './worker-state';

export type { UpdaterOptions };

export interface Background {
  ready: Promise<Started>;
}

const ALL_URLS = { urls: ['<all_urls>'] };

export function startBackground(dbName?: string, updater: UpdaterOptions = {}): Background {
  // Every module, the bundled dataset among them, has been evaluated by now (npm run measure prints the mark).
  performance.mark('borderline-modules');
  const worker = new WorkerState(dbName, updater);
  const requests = requestEvents(worker);
  const tabs = tabEvents(worker);

  browser.runtime.onInstalled.addListener((details) => onInstalled(details));
  browser.alarms.onAlarm.addListener((alarm) => onAlarm(worker, alarm));
  browser.webRequest.onBeforeRequest.addListener((d) => requests.beforeRequest(d), ALL_URLS);
  browser.webRequest.onResponseStarted.addListener((d) => requests.responseStarted(d), ALL_URLS);
  browser.webRequest.onErrorOccurred.addListener((d) => requests.errorOccurred(d), ALL_URLS);
  browser.webNavigation.onCommitted.addListener((d) => tabs.committed(d));
  browser.webNavigation.onErrorOccurred.addListener((d) => tabs.failed(d));
  browser.tabs.onUpdated.addListener((tabId, change) => tabs.updated(tabId, change));
  browser.tabs.onCreated.addListener((tab) => tabs.created(tab));
  browser.tabs.onRemoved.addListener((tabId) => tabs.removed(tabId));
  browser.tabs.onReplaced.addListener((added, removed) => tabs.replaced(added, removed));
  listen(messageHandlers(worker));

  return { ready: worker.ready };
}
