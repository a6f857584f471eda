// Navigation and tab events → the tracker and the private-window cache.
import type { Browser } from 'wxt/browser';
import type { WorkerState } from './worker-state';

export function tabEvents(w: WorkerState) {
  return {
    /**
     * The tab's page changes here, when a top-level document commits, not when its request starts: a navigation
     * that never commits (a 204, a download, window.stop()) leaves the page as it was. Back/forward cache and
     * prerendered pages commit without a main-frame request.
     */
    committed(d: Browser.webNavigation.WebNavigationTransitionCallbackDetails & { documentId?: string }): void {
      if (d.frameId !== 0) return;
      w.events.handle(({ tracker }) => {
        tracker.commitNavigation(d.tabId, d.url, d.timeStamp, d.documentId);
      });
    },
    /** A top-level navigation that ended without committing: its requests stay with the page that started it. */
    failed(d: Browser.webNavigation.WebNavigationFramedErrorCallbackDetails): void {
      if (d.frameId !== 0) return;
      w.events.handle(({ tracker }) => tracker.abandonNavigation(d.tabId, d.url));
    },
    /** Chrome clears a tab's badge on commit, so it is painted again when the page completes. */
    updated(tabId: number, change: Browser.tabs.OnUpdatedInfo): void {
      if (change.status !== 'complete') return;
      w.events.handle(({ tracker }) => {
        const state = tracker.get(tabId);
        if (state) w.paint(state);
      });
    },
    created(tab: Browser.tabs.Tab): void {
      if (tab.id !== undefined) w.incognito.remember(tab.id, tab.incognito);
    },
    removed(tabId: number): void {
      w.events.handle(({ tracker }) => {
        w.incognito.forget(tabId);
        w.summaries.forget(tabId);
        return tracker.remove(tabId);
      });
    },
    replaced(added: number, removed: number): void {
      w.events.handle(({ tracker }) => {
        w.incognito.forget(removed);
        w.summaries.forget(removed);
        tracker.replace(added, removed);
      });
    },
  };
}
