// The one fake browser the worker's tests share: the events fakeBrowser lacks (webRequest, tabs.onReplaced), a worker
// stop as Chrome does it (every listener gone), this extension's pages as senders, and helpers to fire a request and
// to send a message. Importing this file installs the missing events on fakeBrowser.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Reply } from '@/data/protocol';

type Listener = (...args: never[]) => unknown;

/** A minimal event with a trigger, like fakeBrowser's own events. */
export function fakeEvent<T extends Listener = (...args: never[]) => unknown>() {
  const listeners: T[] = [];
  return {
    addListener: (l: T) => void listeners.push(l),
    removeListener: (l: T) => void listeners.splice(listeners.indexOf(l), 1),
    hasListener: (l: T) => listeners.includes(l),
    removeAllListeners: () => void (listeners.length = 0),
    trigger: (...args: Parameters<T>) => listeners.map((l) => l(...args)),
  };
}

// The details the worker reads are loose objects here: a test passes only the fields it needs.
type Details = Record<string, unknown>;
export const webRequest = {
  onBeforeRequest: fakeEvent<(d: Details) => unknown>(),
  onResponseStarted: fakeEvent<(d: Details) => unknown>(),
  onErrorOccurred: fakeEvent<(d: Details) => unknown>(),
};
export const onReplaced = fakeEvent<(added: number, removed: number) => unknown>();
Object.assign(fakeBrowser, { webRequest });
Object.assign(fakeBrowser.tabs, { onReplaced });

const EXTENSION = 'chrome-extension://test-extension-id';
export const POPUP = { id: 'test-extension-id', url: `${EXTENSION}/popup.html` };
export const SETTINGS_PAGE = { id: 'test-extension-id', url: `${EXTENSION}/options.html` };

/** What the worker loses when Chrome stops it: every listener and every in-memory cache. */
export function stopWorker(): void {
  Object.values(webRequest).forEach((e) => e.removeAllListeners());
  onReplaced.removeAllListeners();
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.tabs.onUpdated.removeAllListeners();
  fakeBrowser.tabs.onRemoved.removeAllListeners();
  fakeBrowser.tabs.onCreated.removeAllListeners();
  fakeBrowser.webNavigation.onCommitted.removeAllListeners();
  fakeBrowser.webNavigation.onErrorOccurred.removeAllListeners();
  fakeBrowser.alarms.onAlarm.removeAllListeners();
}

/** A fresh browser for each test, in German (Austria), with no worker running. */
export function resetBrowser(): void {
  fakeBrowser.reset();
  Object.assign(fakeBrowser.i18n, { getUILanguage: () => 'de-AT' });
  stopWorker();
}

let requestSeq = 0;

/** A request as webRequest reports it when it begins; returns its request id. */
export function request(tabId: number, url: string, type: string, time: number, extra: Details = {}): string {
  const requestId = String(++requestSeq);
  webRequest.onBeforeRequest.trigger({ tabId, url, type, timeStamp: time, frameId: 0, requestId, ...extra });
  // A tab's page changes when its navigation commits: the main-frame requests fired here all do.
  if (type === 'main_frame') void fakeBrowser.webNavigation.onCommitted.trigger({ tabId, url, frameId: 0, timeStamp: time } as never);
  return requestId;
}

/** Sends a message as `sender` and returns the worker's reply as it is, refusals included. */
export async function send<T = unknown>(msg: unknown, sender: object = POPUP): Promise<Reply<never> | { ok: true; value: T }> {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger(msg, sender as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1], () => undefined);
  return reply as unknown as Reply<never> | { ok: true; value: T };
}

/** Sends a message and returns the value of its answer; a refusal or an error throws with the worker's message. */
export async function ask<T = unknown>(msg: unknown, sender: object = POPUP): Promise<T> {
  const reply = await send<T>(msg, sender);
  // The worker answers a message key; the English text (tests/setup.ts) is what an English user reads.
  if (!reply.ok) throw new Error(fakeBrowser.i18n.getMessage(reply.error.key as never, reply.error.subs));
  return reply.value;
}
