// IndexedDB for the background's log store in Node; fake-indexeddb resets per test file.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
// Node's URL, not the DOM's: under happy-dom the global URL is the DOM's, which readFileSync refuses.
import { URL as NodeURL } from 'node:url';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { translator } from '@/data/i18n/translator';

// fakeBrowser has no i18n: English messages through the same substitution rules Chrome applies.
const en = JSON.parse(readFileSync(new NodeURL('../public/_locales/en/messages.json', import.meta.url), 'utf8'));
Object.assign(fakeBrowser.i18n, { getMessage: translator(en), getUILanguage: () => 'en-US' });
