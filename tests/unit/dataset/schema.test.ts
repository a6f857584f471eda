import { describe, expect, it } from 'vitest';
import { parseDatasetText } from '@/data/dataset/parse';
import { validateDataset, type Dataset } from '@/data/dataset/schema';
import type { Untyped } from '../../fixtures/hostile/cases';
import { loadBundled } from '../bundled-dataset';

type Mutation = [name: string, mutate: (d: Untyped) => void, message: RegExp];

// Each row breaks one rule on a copy of the bundled dataset; the validator must name the field and the rule.
const INVALID: Mutation[] = [
  ['unknown key on a company', (d) => (d.companies[0].nmae = 'x'), /companies\[0\].*nmae|Invalid key/],
  ['unknown top-level key', (d) => (d.extra = 1), /extra|Invalid key/],
  ['unknown ISO country', (d) => (d.companies[0].hq = 'XX'), /unknown ISO 3166-1 country code "XX"/],
  ['lower-case country', (d) => (d.destinations[0].country = 'cn'), /ISO 3166-1 alpha-2/],
  ['impossible date', (d) => (d.actions[0].date = '2025-02-30'), /impossible date "2025-02-30"/],
  ['badly written date', (d) => (d.date = '16/01/2025'), /YYYY-MM-DD/],
  ['http source', (d) => (d.actions[0].sources[0] = 'http://example.org/a'), /https/],
  ['javascript: link', (d) => (d.companies[0].sources[0] = 'javascript:alert(1)'), /https|URL/],
  ['data: link', (d) => (d.companies[0].sources[0] = 'data:text/html,hi'), /https|URL/],
  ['no source', (d) => (d.domains[0].sources = []), /at least one source/],
  ['bad confidence', (d) => (d.domains[0].confidence = 'unverified'), /confirmed.*likely/],
  ['dangling company on a domain', (d) => (d.domains[0].company = 'nobody'), /domains\[0\]\.company: unknown company id "nobody"/],
  ['dangling parent', (d) => (d.companies[1].parent = 'nobody'), /parent: unknown company id "nobody"/],
  ['dangling company on an action', (d) => (d.actions[0].companies = ['nobody']), /actions\[0\]\.companies\[0\]: unknown company id/],
  ['duplicate domain', (d) => d.domains.push({ ...d.domains[0] }), /duplicate domain entry/],
  ['duplicate company id', (d) => d.companies.push({ ...d.companies[0] }), /duplicate company id/],
  ['wildcard host', (d) => (d.domains[0].host = '*.temu.com'), /not a normalised host name/],
  ['URL where a host belongs', (d) => (d.domains[0].host = 'https://temu.com/'), /not a normalised host name/],
  ['upper-case host', (d) => (d.domains[0].host = 'Temu.com'), /not a normalised host name/],
  ['IP literal as host', (d) => (d.domains[0].host = '10.0.0.1'), /not a normalised host name/],
  ['public suffix as host', (d) => (d.domains[0].host = 'co.uk'), /public suffix/],
  ['wrong type', (d) => (d.actions[0].companies = 'temu'), /companies/],
  ['parent cycle', (d) => (d.companies.find((c: Untyped) => c.id === 'bytedance').parent = 'tiktok'), /loops/],
];

describe('dataset schema', () => {
  it('accepts the bundled dataset', () => {
    expect(loadBundled().companies.length).toBeGreaterThan(5);
  });

  it.each(INVALID)('rejects %s', (_name, mutate, message) => {
    const copy = structuredClone(loadBundled()) as Dataset;
    mutate(copy);
    const result = validateDataset(copy);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(message);
  });
});

describe('dataset text parsing', () => {
  const cases: [string, string, RegExp][] = [
    ['empty file', '', /empty/],
    ['whitespace only', '  \n', /empty/],
    ['not JSON', 'hello', /not valid JSON/],
    ['truncated JSON', JSON.stringify(loadBundled()).slice(0, 500), /not valid JSON/],
    ['an array', '[]', /expected a JSON object, got an array/],
    ['null', 'null', /got null/],
    ['a number', '42', /got number/],
    ['deep nesting', '['.repeat(200_000) + ']'.repeat(200_000), /nesting deeper/],
    ['__proto__ key', JSON.stringify({ ...loadBundled() }).replace('{', '{"__proto__":{"polluted":1},'), /__proto__|Invalid key/],
  ];
  it.each(cases)('rejects %s', (_name, text, message) => {
    const result = parseDatasetText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects more than 10 MB before parsing', () => {
    const result = parseDatasetText(`{"pad":"${'x'.repeat(11 * 1024 * 1024)}"}`);
    expect(result).toEqual({ ok: false, problems: [expect.stringMatching(/larger than the 10 MB limit/)] });
  });

  it('round-trips the bundled dataset', () => {
    const text = JSON.stringify(loadBundled());
    expect(parseDatasetText(text).ok).toBe(true);
  });
});
