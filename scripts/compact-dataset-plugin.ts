// Build step for the bundled dataset (wxt.config.ts): data/dataset.json ships as a file of its own in the package,
// `bundled-dataset.json`, in the compact form of data/compact.ts, which the worker reads once it knows the bundled
// dataset is the one in force (entrypoints/background/bundled-dataset.ts); and `virtual:bundled-dataset-info` gives
// the worker's code what that dataset is (version, date, counts, licence) without reading it. Before anything is
// emitted the one validator (data/dataset/parse.ts) checks the file, and the compact form is expanded again and
// compared with the file: a dataset that fails either never ships.
//
// A file, not a literal inside background.js: there, every worker start loaded and compiled its 1.2 MB before the
// first listener existed, parsed or not. `npm run measure -- --only cold`, 2026-12-03, 20 wakes each: a build with the
// literal cut to three companies answered its first message in 24.4 ms against 34.7 for the full one; with the full
// literal kept but parsed only when needed, 30.9 against 35.2 ms: the literal's mere presence cost some 8 ms of every
// start, its parse and expansion about 4.7 more.
//
// The text is kept to ASCII, every other character written as a JSON \u escape (JSON.parse decodes them). With one
// character beyond Latin-1 in it (a Chinese or Greek name) V8 holds the whole 1.2 MB text as a two-byte string, twice
// the bytes: `npm run measure -- --only cold` put the ASCII text 0.90x the raw one when it was still a literal (50.2
// against 56.0 ms, 25 wakes each, 2026-12-03).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compactDataset, expandDataset } from '../data/dataset/compact';
import { parseDatasetText } from '../data/dataset/parse';
import { datasetCounts, type Dataset } from '../data/dataset/schema';
import type { DatasetInfo } from '../data/protocol';

/** The module that says what the bundled dataset is, for the worker to answer before it has read the file. */
export const BUNDLED_INFO_MODULE = 'virtual:bundled-dataset-info';
const RESOLVED = `\0${BUNDLED_INFO_MODULE}`;

export interface CompactedDataset {
  /** The file's text: the compact form, ASCII only. */
  text: string;
  /** What the worker says about the dataset before it has read it. */
  info: DatasetInfo;
  /** Sizes of the JSON text in full and compacted, in bytes. */
  fullBytes: number;
  compactBytes: number;
}

/** Validates and compacts the dataset file; throws, naming the problems, on a file that must not ship. */
export function compactDatasetFile(text: string): CompactedDataset {
  const result = parseDatasetText(text);
  if (!result.ok) throw new Error(`data/dataset.json is invalid:\n${result.problems.join('\n')}`);
  // The file as written (key order included) is what the extension has always loaded, not the validator's output.
  const full = JSON.parse(text) as { domains: { host: string }[] };
  const compactText = asciiJson(JSON.stringify(compactDataset(full)));
  const fullText = JSON.stringify(full);
  if (JSON.stringify(expandDataset(JSON.parse(compactText))) !== fullText) {
    throw new Error('data/dataset.json: the compact form does not expand to the file; nothing was emitted');
  }
  const d = full as unknown as Dataset;
  const info: DatasetInfo = { version: d.version, date: d.date, source: 'bundled', counts: datasetCounts(d), license: d.license };
  return { text: compactText, info, fullBytes: Buffer.byteLength(fullText), compactBytes: Buffer.byteLength(compactText) };
}

const compacted = new Map<string, CompactedDataset>();

/** data/dataset.json of this checkout, validated and compacted once per process and text. */
export function bundledDatasetOf(root = process.cwd()): CompactedDataset {
  const text = readFileSync(resolve(root, 'data/dataset.json'), 'utf8');
  let file = compacted.get(text);
  if (!file) compacted.set(text, (file = compactDatasetFile(text)));
  return file;
}

/** JSON text with every character beyond ASCII as a \u escape: the same value to JSON.parse, one byte a character. */
export function asciiJson(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Serves BUNDLED_INFO_MODULE, to the build (wxt.config.ts) and to the unit tests (vitest.config.ts) alike. */
export function compactDatasetPlugin(root = process.cwd()): Plugin {
  return {
    name: 'borderline-bundled-dataset-info',
    resolveId: (source) => (source === BUNDLED_INFO_MODULE ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      this.addWatchFile(resolve(root, 'data/dataset.json'));
      // ASCII too: one character beyond Latin-1 anywhere makes V8 hold the whole script two bytes a character.
      return `export default ${asciiJson(JSON.stringify(bundledDatasetOf(root).info))};\n`;
    },
  };
}
