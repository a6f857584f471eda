// The compact form the build ships (scripts/compact-dataset-plugin.ts) must give back exactly the dataset it was made
// from, key order included: the export and the "identical update" check stringify it.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactDataset, expandDataset } from '@/data/dataset/compact';
import type { Dataset } from '@/data/dataset/schema';
import { engineInfo } from '@/entrypoints/background/engine';
import { asciiJson, BUNDLED_INFO_MODULE, compactDatasetFile, compactDatasetPlugin } from '@/scripts/compact-dataset-plugin';

const roundTrip = <D extends { domains: { host: string }[] }>(d: D) => expandDataset(JSON.parse(JSON.stringify(compactDataset(d))));
const text = readFileSync(new URL('../../../data/dataset.json', import.meta.url), 'utf8');

describe('compact dataset', () => {
  const base = { sources: ['https://a.example/'], asOf: '2025-01-01', confidence: 'confirmed' };
  it.each([
    ['no domains', { version: '1', domains: [] }, 0],
    ['one entry', { version: '1', domains: [{ host: 'a.example', company: 'a', role: 'cdn', ...base }] }, 1],
    [
      'two hosts sharing everything else: one shape',
      { version: '1', domains: [{ host: 'a.example', company: 'a', ...base }, { host: 'b.example', company: 'a', ...base }] },
      1,
    ],
    [
      'same fields in another key order: two shapes, each order kept',
      { version: '1', domains: [{ host: 'a.example', company: 'a', ...base }, { company: 'a', host: 'b.example', ...base }] },
      2,
    ],
    [
      'a note on one of them: two shapes',
      { version: '1', domains: [{ host: 'a.example', company: 'a', ...base }, { host: 'b.example', company: 'a', ...base, note: 'n' }] },
      2,
    ],
  ])('%s', (_name, dataset, shapes) => {
    expect(compactDataset(dataset).domains.shapes).toHaveLength(shapes);
    expect(JSON.stringify(roundTrip(dataset))).toBe(JSON.stringify(dataset));
  });

  it('gives back any list of entries exactly, key order included', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }));
    const entry = fc
      .tuple(fc.domain(), fc.dictionary(fc.constantFrom('company', 'role', 'sources', 'note', 'conflict', 'asOf'), value), fc.nat(6))
      .map(([host, rest, at]) => {
        const pairs = Object.entries(rest);
        pairs.splice(Math.min(at, pairs.length), 0, ['host', host]);
        return Object.fromEntries(pairs) as { host: string };
      });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), fc.string(), (domains, version) => {
        const dataset = { version, domains, after: { x: 1 } };
        expect(JSON.stringify(roundTrip(dataset))).toBe(JSON.stringify(dataset));
      }),
    );
  });

  it('the bundled dataset: much smaller, and the same after the round trip', () => {
    const full = JSON.parse(text);
    const compact = JSON.stringify(compactDataset(full));
    expect(compact.length).toBeLessThan(text.length / 2);
    expect(JSON.stringify(expandDataset(JSON.parse(compact)))).toBe(JSON.stringify(full));
  });
});

describe('the build step', () => {
  it('writes the bundled dataset as a file of its own, compact, and says what it is without it', () => {
    const out = compactDatasetFile(text);
    expect(JSON.stringify(expandDataset(JSON.parse(out.text)))).toBe(JSON.stringify(JSON.parse(text)));
    expect(out.compactBytes).toBe(out.text.length);
    expect(out.compactBytes).toBeLessThan(out.fullBytes / 2);
    // What getDatasetInfo answers before the worker has read the file is what it answers after.
    expect(out.info).toEqual(engineInfo(JSON.parse(text) as Dataset, 'bundled'));
  });

  it('keeps the text to ASCII, so V8 holds it one byte a character (the dataset has Chinese and Greek names)', () => {
    expect(text).toMatch(/[\u0100-\uffff]/);
    const out = compactDatasetFile(text);
    expect(out.text).not.toMatch(/[^ -~\t\n\r]/);
    expect(JSON.parse(out.text)).toEqual(compactDataset(JSON.parse(text)));
  });

  it('serves the worker what the dataset is, in ASCII (its licence has a curly apostrophe)', async () => {
    const plugin = compactDatasetPlugin();
    const id = (plugin.resolveId as (s: string) => string | null)(BUNDLED_INFO_MODULE)!;
    const code = (plugin.load as (this: { addWatchFile(f: string): void }, id: string) => string).call({ addWatchFile: () => undefined }, id);
    expect(code).not.toMatch(/[^ -~\t\n\r]/);
    expect(JSON.parse(code.replace(/^export default /, '').replace(/;\n$/, ''))).toEqual(engineInfo(JSON.parse(text) as Dataset, 'bundled'));
    expect((plugin.resolveId as (s: string) => string | null)('./other')).toBeNull();
  });

  it('ASCII JSON is the same value to JSON.parse, surrogate pairs and control characters included', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, s) => {
        for (const v of [value, s, { [s]: [s, value] }]) {
          const ascii = asciiJson(JSON.stringify(v));
          expect(ascii).not.toMatch(/[^ -~\t\n\r]/);
          expect(JSON.parse(ascii)).toEqual(JSON.parse(JSON.stringify(v)));
        }
      }),
    );
  });

  it.each([
    ['not JSON', '{', /not valid JSON/],
    ['an entry the validator refuses', JSON.stringify({ ...JSON.parse(text), domains: [{ host: 'Not A Host', company: 'x' }] }), /invalid/],
  ])('refuses %s, naming the problem', (_name, input, message) => {
    expect(() => compactDatasetFile(input)).toThrow(message);
  });
});
