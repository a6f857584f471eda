// The index is tuned for speed (hashing suffixes in place, its own hash table), so its matching is pinned here
// against the obvious implementation: try the host, then strip one label at a time; the first hit is the most specific.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HostIndex } from '@/data/match/host-index';
import type { Company, DomainEntry } from '@/data/dataset/schema';
import { loadBundled } from '../bundled-dataset';

const provenance = { sources: ['https://a.example/'], asOf: '2025-01-01', confidence: 'confirmed' as const };
const entry = (host: string, company: string): DomainEntry => ({ host, company, role: 'cdn', ...provenance });
const company = (id: string): Company => ({ id, name: id, parent: null, hq: null, legalEntities: [], ...provenance });

/** A key needs a dot after its first character: single labels (com, localhost) are never entries. */
const indexable = (s: string) => s.lastIndexOf('.') > 0;

const byHostOf = (domains: readonly DomainEntry[]) => {
  const byHost = new Map<string, DomainEntry>();
  for (const e of domains) if (indexable(e.host)) byHost.set(e.host, e);
  return byHost;
};

/** Most specific suffix first, one Map lookup per suffix; pass `byHost` to look up many hosts in one dataset. */
function naiveEntry(domains: readonly DomainEntry[], host: string, byHost = byHostOf(domains)): DomainEntry | undefined {
  for (let candidate = host, dot = 0; dot !== -1; dot = candidate.indexOf('.'), candidate = candidate.slice(dot + 1)) {
    if (indexable(candidate) && byHost.has(candidate)) return byHost.get(candidate);
  }
  return undefined;
}

function naive(dataset: { domains: DomainEntry[]; companies: Company[] }, host: string, byHost = byHostOf(dataset.domains)) {
  const e = naiveEntry(dataset.domains, host, byHost);
  const c = e && dataset.companies.find((x) => x.id === e.company);
  return c && { entry: e, company: c };
}

// Few short labels, so random hosts often share suffixes with random entries: the interesting case.
const label = fc.constantFrom('a', 'b', 'ab', 'com', 'co', 'uk', 'x-1');
const host = fc.array(label, { minLength: 1, maxLength: 5 }).map((ls) => ls.join('.'));
/** Empty labels, leading and trailing dots: inputs the browser never produces but the index must not mishandle. */
const oddHost = fc.string({ unit: fc.constantFrom('a', 'b', '.'), maxLength: 8 });
/**
 * What no valid dataset or URL.hostname holds, though the index takes any string and must stay exact: upper case,
 * Latin-1 (é), characters above U+00FF whose low byte is a letter that is there (š is U+0161, a is 0x61), and labels
 * long enough that a key no longer fits the index's 24-character cell.
 */
const strangeLabel = fc.constantFrom('a', 'A', 'š', 'é', 'com', 'x-1', 'sixteen-letters', 'twenty-two-letters-ab');
const strangeHost = fc.array(strangeLabel, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.'));

const datasetOf = (hosts: fc.Arbitrary<string>) =>
  fc.record({
    domains: fc.array(fc.tuple(hosts, fc.integer({ min: 0, max: 3 })), { maxLength: 40 }).map((xs) => xs.map(([h, c]) => entry(h, `c${c}`))),
    // c3 is never a company: an entry whose company is missing must not match.
    companies: fc.constant(['c0', 'c1', 'c2'].map(company)),
  });

function agrees(hosts: fc.Arbitrary<string>) {
  fc.assert(
    fc.property(datasetOf(hosts), fc.array(hosts, { minLength: 1, maxLength: 20 }), (dataset, queries) => {
      const index = new HostIndex(dataset);
      for (const q of [...queries, ...dataset.domains.map((d) => `z.${d.host}`), ...dataset.domains.map((d) => d.host)]) {
        expect(index.lookupEntry(q)).toBe(naiveEntry(dataset.domains, q));
        expect(index.lookup(q)).toEqual(naive(dataset, q));
      }
      expect(index.size).toBe(new Set(dataset.domains.map((d) => d.host).filter(indexable)).size);
    }),
    { numRuns: 500 },
  );
}

describe('HostIndex agrees with the naive most-specific-suffix matcher', () => {
  it('on host names', () => agrees(host));
  it('on odd strings', () => agrees(oddHost));
  it('on characters and lengths no valid host has', () => agrees(strangeHost));

  it('on a large dataset, where hash collisions and long probe chains happen', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(host, host), { minLength: 500, maxLength: 2000 }), fc.array(host, { maxLength: 200 }), (pairs, queries) => {
        const domains = pairs.map(([a, b], i) => entry(`${a}.${b}`, `c${i % 3}`));
        const index = new HostIndex({ domains, companies: ['c0', 'c1', 'c2'].map(company) });
        for (const q of [...queries, ...domains.slice(0, 200).map((d) => `www.${d.host}`)]) {
          expect(index.lookupEntry(q)).toBe(naiveEntry(domains, q));
        }
      }),
      { numRuns: 20 },
    );
  });
});

describe('HostIndex on the bundled dataset', () => {
  const dataset = loadBundled();
  const index = new HostIndex(dataset);

  it('never matches a bare public suffix', () => {
    for (const s of ['com', 'uk', 'co.uk', 'net', 'cn', 'com.cn']) expect(index.lookup(s)).toBeUndefined();
  });

  it('does not match lookalikes', () => {
    for (const h of ['nottemu.com', 'temu.com.example.org', 'temu.co', 'xtiktok.com', 'qq.com.evil.net', 'notshein.co.uk', 'other.co.uk']) {
      expect(index.lookup(h)).toBeUndefined();
    }
  });

  it('matches every dataset host and its subdomains as the naive matcher does', () => {
    const byHost = byHostOf(dataset.domains);
    for (const d of dataset.domains) {
      for (const h of [d.host, `www.${d.host}`, `a.b.c.${d.host}`]) expect(index.lookup(h)).toEqual(naive(dataset, h, byHost));
    }
    expect(index.lookup('bugly.qq.com')?.entry.host).toBe('bugly.qq.com');
    expect(index.lookup('x.bugly.qq.com')?.entry.host).toBe('bugly.qq.com');
    expect(index.lookup('x.qq.com')?.entry.host).toBe('qq.com');
    expect(index.lookup('m.shein.co.uk')?.entry.host).toBe('shein.co.uk');
  });
});
