// `npm run bench` compares one request's path with two baselines (scripts/bench/request-path.ts). The comparison only
// means something if all three make the same rows from the same requests: checked here on the bench's own mix and on
// hosts the Map walk and the index could tell apart (deeper entries, lookalikes, a company missing from the dataset).
import { describe, expect, it } from 'vitest';
import { RiskModel } from '@/data/assess/risk';
import type { Company, DomainEntry } from '@/data/dataset/schema';
import { HostIndex } from '@/data/match/host-index';
import { forgetSites } from '@/data/match/hostname';
import { hostMix, requestUrls } from '@/scripts/bench/hosts';
import { mapWalk, mapWalkRow, requestRow, urlParserRow, type PathContext, type RequestMeta } from '@/scripts/bench/request-path';
import { seeded } from '@/scripts/bench/rng';
import { loadBundled } from '../bundled-dataset';

const dataset = loadBundled();
const context: PathContext = { index: new HostIndex(dataset), risk: new RiskModel(dataset), jurisdiction: 'EEA' };
const meta = (i: number): RequestMeta => ({ tabId: 1 + (i % 3), type: 'script', time: 1_700_000_000_000 + i, requestId: String(i), initiator: 'https://example.com', pageSite: i % 2 ? 'example.com' : 'temu.com' });

describe('the bench’s request paths', () => {
  it('make the same row from every request of the bench’s mix', () => {
    const rng = seeded(0x5eed);
    const hosts = hostMix(rng, dataset.domains.map((d) => d.host), { count: 3000, matchShare: 0.2, lookalikeShare: 0.05, popularity: 'zipf' });
    const urls = requestUrls(rng, hosts);
    const walk = mapWalk(dataset);
    let companies = 0;
    urls.forEach((url, i) => {
      if (i % 500 === 0) forgetSites();
      const row = requestRow(url, meta(i), context);
      expect(row, url).toBeDefined();
      expect(mapWalkRow(url, meta(i), context, walk), url).toStrictEqual(row);
      expect(urlParserRow(url, meta(i), context), url).toStrictEqual(row);
      if (row?.company) companies++;
    });
    expect(companies).toBeGreaterThan(300); // the mix does reach the dataset
  });

  it.each([
    ['a deeper entry wins', 'https://a.deep.example.org/x', 'deep'],
    ['its parent domain', 'https://b.example.org/x', 'top'],
    ['a lookalike', 'https://notexample.org/x', null],
    ['the longest entry has no company: no match, not the shorter one', 'https://x.orphan.example.org/', null],
    ['a single label', 'http://localhost/', null],
  ])('Map walk and index agree: %s', (_why, url, company) => {
    const provenance = { sources: ['https://a.example/'], asOf: '2026-01-01', confidence: 'confirmed' as const };
    const entry = (host: string, c: string): DomainEntry => ({ host, company: c, role: 'cdn', ...provenance });
    const co = (id: string): Company => ({ id, name: id, parent: null, hq: 'US', legalEntities: [], ...provenance });
    const small = { ...dataset, companies: [co('top'), co('deep')], domains: [entry('example.org', 'top'), entry('deep.example.org', 'deep'), entry('orphan.example.org', 'nobody')] };
    const c: PathContext = { index: new HostIndex(small), risk: new RiskModel(small), jurisdiction: 'EEA' };
    const row = requestRow(url, meta(0), c);
    expect(row?.company ?? null).toBe(company);
    expect(mapWalkRow(url, meta(0), c, mapWalk(small))).toStrictEqual(row);
  });
});
