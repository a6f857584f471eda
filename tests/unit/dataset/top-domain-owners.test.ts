// Our expected-owner table for the web's most common third-party domains (tests/fixtures/top-domain-owners.json,
// read by `npm run coverage`): every owner is a company of the bundled dataset, every ownership link has an https
// source, and the bundled dataset attributes each listed domain to that owner. The ranked list itself is not in the
// repository (its owner columns are CC BY-NC-SA), so this is the part of the coverage check CI can run.
import { describe, expect, it } from 'vitest';
import table from '../../fixtures/top-domain-owners.json';
import { HostIndex } from '@/data/match/host-index';
import { loadBundled } from '../bundled-dataset';

interface Link {
  company: string;
  parent: string;
  sources: string[];
  note?: string;
}
interface Expected {
  owner: string | null;
  company?: string;
  sources?: string[];
  ownership?: Link[];
  note?: string;
}

const d = loadBundled();
const index = new HostIndex(d);
const byId = new Map(d.companies.map((c) => [c.id, c]));
const top = (id: string) => {
  let c = byId.get(id)!;
  while (c.parent) c = byId.get(c.parent)!;
  return c.id;
};
const rows = Object.entries(table.domains as Record<string, Expected>);

describe('tests/fixtures/top-domain-owners.json', () => {
  it('lists the 160 ranked domains, each with an owner or a note saying why not', () => {
    expect(rows).toHaveLength(160);
    for (const [domain, e] of rows) if (e.owner === null) expect(e.note ?? '', domain).toMatch(/.{20,}/);
  });

  it.each(rows.filter(([, e]) => e.owner !== null))('%s: the dataset names the expected owner, through sourced links', (domain, e) => {
    const match = index.lookup(domain);
    expect(match?.company.id).toBe(e.company);
    expect(top(match!.company.id)).toBe(e.owner);
    for (const link of e.ownership ?? []) {
      expect(byId.get(link.company)?.parent, `${domain}: ${link.company}`).toBe(link.parent);
      expect(link.sources.length).toBeGreaterThan(0);
      for (const s of link.sources) expect(s).toMatch(/^https:\/\//);
    }
  });

  it('leaves unattributed what no source places', () => {
    for (const [domain] of rows.filter(([, x]) => x.owner === null)) expect(index.lookup(domain), domain).toBeUndefined();
  });
});
