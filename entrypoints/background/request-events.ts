// webRequest events → the tracker. A request is logged when it begins (a main-frame request when its navigation
// commits or ends without committing); its server IP arrives with the response, so no row waits for it. The browser's own requests, other extensions' (tab -1) and our own files are not the page's.
import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import { observedRequest, type BeforeRequest } from './observed-request';
import type { TabTracker } from './tab-tracker';
import type { WorkerState } from './worker-state';

export function requestEvents(w: WorkerState) {
  const ownOrigin = browser.runtime.getURL('/');

  const observe = (d: BeforeRequest, tracker: TabTracker, isPrivate: boolean) => {
    if (isPrivate) tracker.setPrivate(d.tabId);
    const req = observedRequest(d);
    // A main-frame request starts a navigation; the tab's page changes when it commits (tab-events.ts).
    if (d.type === 'main_frame') tracker.startNavigation(req);
    else tracker.observe(req);
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
