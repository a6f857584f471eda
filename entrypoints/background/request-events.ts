// webRequest events → the tracker. A request is logged when it begins; its server IP arrives with the response, so
// no row waits for it. The browser's own requests, other extensions' (tab -1) and our own files are not the page's.
import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import type { TabTracker } from './tab-tracker';
import type { WorkerState } from './worker-state';

type BeforeRequest = Browser.webRequest.OnBeforeRequestDetails & { incognito?: boolean; initiator?: string; originUrl?: string };

export function requestEvents(w: WorkerState) {
  const ownOrigin = browser.runtime.getURL('/');

  const observe = (d: BeforeRequest, tracker: TabTracker, isPrivate: boolean) => {
    if (isPrivate) tracker.setPrivate(d.tabId);
    if (d.type === 'main_frame') {
      w.pendingNavigation.add(d.tabId);
      tracker.navigate(d.tabId, d.url, d.timeStamp);
    }
    tracker.observe({
      tabId: d.tabId,
      url: d.url,
      type: d.type,
      time: d.timeStamp,
      frameId: d.frameId,
      requestId: d.requestId,
      // Chrome names the initiator, Firefox the origin URL.
      initiator: d.initiator ?? d.originUrl,
    });
  };

  return {
    beforeRequest(d: BeforeRequest): undefined {
      if (d.tabId < 0 || d.url.startsWith(ownOrigin)) return undefined;
      // Firefox says whether the tab is private; for Chrome the cache knows or asks.
      const firefoxIncognito = d.incognito;
      w.events.handle(({ tracker }) => {
        const known = firefoxIncognito ?? w.incognito.get(d.tabId);
        return known === undefined ? w.incognito.resolve(d.tabId).then((p) => observe(d, tracker, p)) : observe(d, tracker, known);
      });
      return undefined;
    },
    responseStarted(d: Browser.webRequest.OnResponseStartedDetails): void {
      if (d.tabId < 0) return;
      w.events.handle(({ tracker }) => tracker.recordIp(d.tabId, d.requestId, d.ip));
    },
    errorOccurred(d: Browser.webRequest.OnErrorOccurredDetails): void {
      if (d.tabId < 0) return;
      w.events.handle(({ tracker }) => tracker.settle(d.requestId));
    },
  };
}
