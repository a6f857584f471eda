// The order thirty companies are read in: grouped by the owner's HQ country, the most concerning group and company
// first, "not on record" after the known countries, and unknown hosts by request count.
import { describe, expect, it } from 'vitest';
import { displayNameOf, groupByHq, unknownSummary } from '@/components/third-party-groups';
import { company, contentsquare, hotjar, party, thirtyCompanies, yandex } from './third-party-fixture';

describe('groupByHq', () => {
  it('groups by the owner’s HQ, not the company’s own', () => {
    const groups = groupByHq([party({ company: hotjar, owner: contentsquare })]);
    expect(groups.map((g) => g.hq)).toEqual(['FR']);
  });

  it('puts the most concerning group first, then known countries before "not on record", then the larger group', () => {
    const groups = groupByHq(thirtyCompanies());
    expect(groups.map((g) => [g.hq, g.level, g.companies.length])).toEqual([
      ['RU', 'medium', 1],
      ['US', 'low', 20],
      ['FR', 'low', 5],
      ['IL', 'low', 2],
      ['DE', 'low', 1],
      [null, 'low', 1],
    ]);
    expect(groups.reduce((n, g) => n + g.companies.length, 0)).toBe(30);
    expect(groups.find((g) => g.hq === 'FR')!.requests).toBe(4 * 2 + 3);
  });

  it('orders a group by level, then requests, then name', () => {
    const a = party({ company: company('a', 'Alpha', 'US'), requests: 5 });
    const b = party({ company: company('b', 'Beta', 'US'), requests: 5 });
    const c = party({ company: company('c', 'Gamma', 'US'), requests: 50 });
    const d = party({ company: company('d', 'Delta', 'US'), requests: 1, level: 'high' });
    expect(groupByHq([b, c, a, d])[0]!.companies.map((tp) => tp.assessment.company.id)).toEqual(['d', 'c', 'a', 'b']);
  });

  it('gives a group the level of its most concerning company', () => {
    const groups = groupByHq([party({ company: company('x', 'X', 'RU') }), party({ company: yandex, level: 'high' })]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.level).toBe('high');
  });

  it('returns nothing for no third parties', () => {
    expect(groupByHq([])).toEqual([]);
  });
});

describe('displayNameOf', () => {
  it('prefers the short name users know and falls back to the legal name', () => {
    expect(displayNameOf({ name: 'Meta Platforms, Inc.', displayName: 'Meta' })).toBe('Meta');
    expect(displayNameOf({ name: 'Tencent Holdings Ltd.' })).toBe('Tencent Holdings Ltd.');
  });
});

describe('unknownSummary', () => {
  it('sums the requests and lists the hosts by request count, then by name', () => {
    const s = unknownSummary([
      { host: 'b.example', requests: 1 },
      { host: 'c.example', requests: 7 },
      { host: 'a.example', requests: 1 },
    ]);
    expect(s.requests).toBe(9);
    expect(s.hosts.map((h) => h.host)).toEqual(['c.example', 'a.example', 'b.example']);
  });
});
