// The floor any request-observing extension pays: an empty listener on each event Borderline's worker listens to
// (entrypoints/background/start.ts and messages.ts; tests/unit/scripts/minimal-observer.test.ts keeps the two lists
// equal), webRequest with the same <all_urls> filter and no extra info. `npm run measure:page-load -- --listeners`
// copies this file with SKIP naming one event to leave out, to measure each listener's share.
/* global chrome */
const SKIP = [];

const EVENTS = [
  'runtime.onInstalled',
  'alarms.onAlarm',
  'webRequest.onBeforeRequest',
  'webRequest.onResponseStarted',
  'webRequest.onErrorOccurred',
  'webNavigation.onCommitted',
  'webNavigation.onErrorOccurred',
  'tabs.onUpdated',
  'tabs.onCreated',
  'tabs.onRemoved',
  'tabs.onReplaced',
  'runtime.onMessage',
];

const ALL_URLS = { urls: ['<all_urls>'] };

for (const name of EVENTS) {
  if (SKIP.includes(name)) continue;
  const [api, event] = name.split('.');
  if (api === 'webRequest') chrome[api][event].addListener(() => undefined, ALL_URLS);
  else chrome[api][event].addListener(() => undefined);
}
