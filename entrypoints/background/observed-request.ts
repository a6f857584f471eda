// What a webRequest event says about a request, as the tracker reads it: one object per request, built once (this
// runs for every request of every page). Kept apart from the listener so the browsers' quirks are tested as data.
import type { Browser } from 'wxt/browser';
import type { Observed } from './tab-tracker';

export type BeforeRequest = Browser.webRequest.OnBeforeRequestDetails & {
  incognito?: boolean;
  initiator?: string;
  originUrl?: string;
  documentUrl?: string;
  documentId?: string;
  parentDocumentId?: string;
  parentFrameId?: number;
};

/**
 * Whether the request's document is the tab's top-level one. Chrome numbers a top-level document 0 only once it is
 * the tab's primary page: a new page whose commit the browser has not finished (under load its parser can ask for
 * its first scripts before that) carries its frame tree node's id, with no parent (-1), no parent document and no
 * lifecycle. Taken for a child frame, its first requests were logged on the page the tab showed before it. A
 * prerendered page looks the same but says so; it is not the tab's page until it is shown, and stays as it was.
 */
function isOutermost(d: BeforeRequest): boolean {
  if (d.frameId === 0) return true;
  return d.parentFrameId === -1 && d.documentId !== undefined && d.parentDocumentId === undefined && d.documentLifecycle !== 'prerender';
}

/** The top-level document that made a request, as far as the browser tells (see Observed.document). */
function topDocument(d: BeforeRequest, outermost: boolean): { id?: string; url?: string } | undefined {
  if (outermost) return d.documentId || d.documentUrl ? { id: d.documentId, url: d.documentUrl } : undefined;
  if (d.parentFrameId === 0 && d.parentDocumentId) return { id: d.parentDocumentId };
  return undefined;
}

export function observedRequest(d: BeforeRequest): Observed {
  const main = d.type === 'main_frame';
  const outermost = isOutermost(d);
  return {
    tabId: d.tabId,
    url: d.url,
    type: d.type,
    time: d.timeStamp,
    // The top frame is frame 0 in the log whatever Chrome called it before the commit.
    frameId: outermost ? 0 : d.frameId,
    requestId: d.requestId,
    method: d.method,
    // Chrome names the initiator, Firefox the origin URL.
    initiator: d.initiator ?? d.originUrl,
    document: main ? undefined : topDocument(d, outermost),
  };
}
