// Navigation and tab events → the tracker, the pending navigations and the private-window cache.
import type { Browser } from 'wxt/browser';
import type { WorkerState } from './worker-state';

export function tabEvents(w: WorkerState) {
  return {
    /** A main-frame request already started the page; otherwise (back/forward cache, prerender) the commit does. */
    committed(d: Browser.webNavigation.WebNavigationTransitionCallbackDetails): void {
      if (d.frameId !== 0) return;
      w.events.handle(({ tracker }) => {
        const state = tracker.get(d.tabId);
        if (w.pendingNavigation.delete(d.tabId) && state) {
          state.url = d.url; // the committed URL after any redirects
          w.paint(state);
        } else {
          tracker.commit(d.tabId, d.url, d.timeStamp);
        }
      });
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
      w.pendingNavigation.delete(tabId);
      w.events.handle(({ tracker }) => {
        w.incognito.forget(tabId);
        return tracker.remove(tabId);
      });
    },
    replaced(added: number, removed: number): void {
      w.events.handle(({ tracker }) => {
        w.incognito.forget(removed);
        tracker.replace(added, removed);
      });
    },
  };
}
