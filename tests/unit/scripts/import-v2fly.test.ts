// The v2fly importer on a small list directory: which lines become entries, which are skipped and why, the pinned
// source URLs, and that a second run changes nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDataset, type Dataset } from '@/data/dataset/schema';
import { IMPORT_NOTE, importV2fly } from '../../../scripts/import-v2fly';
import type { ListMapping } from '../../../scripts/v2fly-lists';

const COMMIT = 'c975ccef9c19f005a3bfa7a33255d1b406deea64';
const src = { sources: ['https://example.org/policy'], asOf: '2026-12-01', confidence: 'confirmed' as const };
let dir: string;

const LISTS: Record<string, string> = {
  acme: [
    '# Acme Corp.',
    'include:acme-video',
    'include:acme-games # a studio whose ownership is not sourced',
    'acme',                          // bare TLD rule
    'acme.com',                      // already in the dataset from the company's own policy
    'domain:acme-cdn.net',
    'acme.co.uk @cn',
    'cdn.acme-cdn.net',              // covered by acme-cdn.net
    'ads.acme-ads.com @ads',
    'acme-typo.com',                 // excluded by the research
    'full:tracker.acme.com',
    'keyword:acme',
    'regexp:^acme[0-9]+\\.com$',
    'co.uk',                         // a public suffix
    'acme.cloudfront.net',           // the customer's host on the provider's private suffix: more specific, kept
    'Bad_Host!.com',
  ].join('\n'),
  'acme-video': 'acmevideo.com\n',
  'acme-games': 'acmegames.com\n',
  other: 'other.example.net\nacmevideo.com\n',
};

const MAPPINGS: ListMapping[] = [
  { list: 'acme', company: 'acme', role: 'first-party', skip: ['acme-games'], exclude: ['acme-typo.com'] },
  { list: 'other', company: 'other', role: 'cdn' },
  { list: 'acme', company: 'nobody', role: 'ads' },
];

function dataset(): Dataset {
  return {
    format: 1,
    version: '1.0.0',
    date: '2026-12-01',
    license: 'CC BY 4.0',
    companies: [
      { id: 'acme', name: 'Acme', parent: null, hq: null, legalEntities: [], ...src },
      { id: 'other', name: 'Other', parent: null, hq: null, legalEntities: [], ...src },
      { id: 'aws', name: 'AWS', parent: null, hq: null, legalEntities: [], ...src },
    ],
    domains: [
      { host: 'acme.com', company: 'acme', role: 'first-party', ...src },
      { host: 'cloudfront.net', company: 'aws', role: 'cdn', ...src },
    ],
    destinations: [],
    actions: [],
    reference: {
      eea: { countries: ['FR'], ...src },
      euAdequacy: [],
      usCountriesOfConcern: { instrument: '28 CFR 202', countries: ['CN'], ...src },
    },
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'borderline-v2fly-'));
  for (const [name, text] of Object.entries(LISTS)) writeFileSync(join(dir, name), text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('importV2fly', () => {
  it('adds domain rules of the mapped lists, with the role and the pinned list as source', () => {
    const r = importV2fly(dataset(), dir, COMMIT, MAPPINGS);
    const added = Object.fromEntries(r.dataset.domains.filter((e) => e.note?.startsWith(IMPORT_NOTE)).map((e) => [e.host, e]));
    expect(Object.keys(added).sort()).toEqual(['acme-cdn.net', 'acme.cloudfront.net', 'acme.co.uk', 'acmevideo.com', 'ads.acme-ads.com', 'other.example.net']);
    expect(added['acme-cdn.net']).toMatchObject({ company: 'acme', role: 'first-party', confidence: 'confirmed', sources: [`https://github.com/v2fly/domain-list-community/blob/${COMMIT}/data/acme`] });
    expect(added['ads.acme-ads.com']!.role).toBe('ads');
    // A line from an included list cites that list and the company list that includes it.
    expect(added['acmevideo.com']!.sources).toEqual([
      `https://github.com/v2fly/domain-list-community/blob/${COMMIT}/data/acme-video`,
      `https://github.com/v2fly/domain-list-community/blob/${COMMIT}/data/acme`,
    ]);
    expect(validateDataset(r.dataset)).toMatchObject({ ok: true });
  });

  it('skips bare TLDs, full/keyword/regexp rules, public suffixes, exclusions, skipped includes, known hosts and covered subdomains', () => {
    const r = importV2fly(dataset(), dir, COMMIT, MAPPINGS);
    const hosts = r.dataset.domains.map((e) => e.host);
    for (const h of ['acme', 'tracker.acme.com', 'co.uk', 'acme-typo.com', 'acmegames.com', 'cdn.acme-cdn.net', 'bad_host!.com']) expect(hosts).not.toContain(h);
    expect(r.dataset.domains.filter((e) => e.host === 'acme.com')).toEqual([dataset().domains[0]]);
    expect(r.skipped).toMatchObject({ 'bare TLD or not a host name': 2, 'excluded by the research': 1, 'public suffix': 1, 'covered by its parent entry': 1 });
  });

  it('keeps the first mapping for a host two lists claim, and names a company missing from the dataset', () => {
    const r = importV2fly(dataset(), dir, COMMIT, MAPPINGS);
    expect(r.dataset.domains.find((e) => e.host === 'acmevideo.com')!.company).toBe('acme');
    expect(r.conflicts).toEqual(expect.arrayContaining([expect.stringMatching(/acmevideo\.com: v2fly other says other; the dataset keeps acme/), expect.stringMatching(/company "nobody" is not in the dataset/)]));
  });

  it('is idempotent: a second run replaces its own entries and writes the same dataset', () => {
    const once = importV2fly(dataset(), dir, COMMIT, MAPPINGS);
    const twice = importV2fly(once.dataset, dir, COMMIT, MAPPINGS);
    expect(twice.removed).toBe(once.added);
    expect(JSON.stringify(twice.dataset)).toBe(JSON.stringify(once.dataset));
  });
});
