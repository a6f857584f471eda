// Build step for the bundled dataset (wxt.config.ts): `import … from '@/data/dataset.json'` becomes the compact form
// of data/compact.ts, parsed with JSON.parse from one string (V8 parses a JSON string faster than the same object
// literal) and expanded at load. Before anything is emitted the one validator (data/dataset/parse.ts) checks the
// file, and the compact form is expanded again and compared with the file: a dataset that fails either never ships.
//
// The text is kept to ASCII, every other character written as a JSON \u escape (JSON.parse decodes them). With one
// character beyond Latin-1 in it (a Chinese or Greek name) V8 holds the whole 1.2 MB literal as a two-byte string,
// twice the bytes for the worker to load, compile and cache on every start: `npm run measure -- --only cold` put the
// ASCII text 0.90x the raw one (50.2 against 56.0 ms, 25 wakes each, 2026-12-03).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compactDataset, expandDataset } from '../data/dataset/compact';
import { parseDatasetText } from '../data/dataset/parse';

const VIRTUAL = '\0borderline-bundled-dataset';

export interface CompactedDataset {
  /** The module's code. */
  code: string;
  /** Sizes of the JSON text in full and compacted, in bytes. */
  fullBytes: number;
  compactBytes: number;
}

/** Validates and compacts the dataset file; throws, naming the problems, on a file that must not ship. */
export function compactDatasetModule(text: string, expandFrom: string): CompactedDataset {
  const result = parseDatasetText(text);
  if (!result.ok) throw new Error(`data/dataset.json is invalid:\n${result.problems.join('\n')}`);
  // The file as written (key order included) is what the extension has always loaded, not the validator's output.
  const full = JSON.parse(text) as { domains: { host: string }[] };
  const compact = compactDataset(full);
  const compactText = asciiJson(JSON.stringify(compact));
  const fullText = JSON.stringify(full);
  if (JSON.stringify(expandDataset(JSON.parse(compactText))) !== fullText) {
    throw new Error('data/dataset.json: the compact form does not expand to the file; nothing was emitted');
  }
  return {
    code: `import { expandDataset } from ${JSON.stringify(expandFrom)};\nexport default expandDataset(JSON.parse(${JSON.stringify(compactText)}));\n`,
    fullBytes: Buffer.byteLength(fullText),
    compactBytes: Buffer.byteLength(compactText),
  };
}

/** JSON text with every character beyond ASCII as a \u escape: the same value to JSON.parse, one byte a character. */
export function asciiJson(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function compactDatasetPlugin(root = process.cwd()): Plugin {
  const file = resolve(root, 'data/dataset.json');
  const expandFrom = resolve(root, 'data/dataset/compact.ts');
  return {
    name: 'borderline-compact-dataset',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith('dataset.json')) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved?.id === file ? VIRTUAL : null;
    },
    load(id) {
      if (id !== VIRTUAL) return null;
      this.addWatchFile(file);
      const { code, fullBytes, compactBytes } = compactDatasetModule(readFileSync(file, 'utf8'), expandFrom);
      this.info(`data/dataset.json validated and compacted: ${(fullBytes / 1e6).toFixed(2)} MB → ${(compactBytes / 1e6).toFixed(2)} MB`);
      return code;
    },
  };
}
