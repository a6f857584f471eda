// IndexedDB for the background's log store in Node; fake-indexeddb resets per test file.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
// Node's URL, not the DOM's: under happy-dom the global URL is the DOM's, which readFileSync refuses.
import { URL as NodeURL } from 'node:url';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUNDLED_DATASET_FILE } from '@/data/dataset/bundled-file';
import { translator } from '@/data/i18n/translator';
import { bundledDatasetOf } from '@/scripts/compact-dataset-plugin';

// fakeBrowser has no i18n: English messages through the same substitution rules Chrome applies.
const en = JSON.parse(readFileSync(new NodeURL('../public/_locales/en/messages.json', import.meta.url), 'utf8'));
Object.assign(fakeBrowser.i18n, { getMessage: translator(en), getUILanguage: () => 'en-US' });

// The package's files the worker reads with fetch: the bundled dataset, made by the build step itself
// (scripts/compact-dataset-plugin.ts), so the worker's tests read what the extension ships. Other URLs go to Node.
const nodeFetch = globalThis.fetch;
globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = input instanceof Request ? input.url : String(input);
  if (url === fakeBrowser.runtime.getURL(`/${BUNDLED_DATASET_FILE}`)) return new Response(bundledDatasetOf().text, { headers: { 'content-type': 'application/json' } });
  return nodeFetch(input, init);
}) as typeof fetch;
