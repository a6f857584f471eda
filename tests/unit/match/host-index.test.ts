import { describe, expect, it } from 'vitest';
import cases from '../../fixtures/lookup-cases.json';
import { HostIndex, suffixHash } from '@/data/match/host-index';
import { normalizeHost, siteOf } from '@/data/match/hostname';
import { loadBundled } from '../bundled-dataset';

const index = new HostIndex(loadBundled());

describe('host normalisation and lookup (tests/fixtures/lookup-cases.json)', () => {
  it.each(cases.cases)('$input → $host → $company', ({ input, host, company }) => {
    const normalised = normalizeHost(input);
    expect(normalised).toBe(host);
    expect(normalised === null ? null : (index.lookup(normalised)?.company.id ?? null)).toBe(company);
  });
});

describe('HostIndex', () => {
  const entry = (host: string, company: string) => ({ host, company, role: 'cdn' as const, sources: ['https://a.example/'], asOf: '2025-01-01', confidence: 'confirmed' as const });
  const company = (id: string) => ({ id, name: id, parent: null, hq: null, legalEntities: [], sources: ['https://a.example/'], asOf: '2025-01-01', confidence: 'confirmed' as const });

  it('prefers the most specific entry', () => {
    const idx = new HostIndex({
      companies: [company('akamai-customer'), company('other')],
      domains: [entry('tiktokcdn.com.edgesuite.net', 'akamai-customer'), entry('x.y.example.com', 'other')],
    });
    expect(idx.lookup('a1.tiktokcdn.com.edgesuite.net')?.company.id).toBe('akamai-customer');
    expect(idx.lookup('other.edgesuite.net')).toBeUndefined();
    expect(idx.lookup('edgesuite.net')).toBeUndefined();
    expect(idx.lookup('z.x.y.example.com')?.company.id).toBe('other');
    expect(idx.lookup('y.example.com')).toBeUndefined();
    expect(idx.size).toBe(2);
  });

  describe('compares characters exactly', () => {
    const idx = new HostIndex({
      companies: [company('a'), company('b'), company('c')],
      domains: [
        entry('example.com', 'a'),
        entry('cdn.example.com', 'b'),
        entry('an-exceptionally-long-label.example.com', 'c'), // too long for the index's 24-character cells
        entry('bücher.example', 'c'), // no valid dataset has it (punycode), but the index takes any string
      ],
    });
    const companyOf = (host: string) => idx.lookup(host)?.company.id ?? null;

    it.each([
      ['example.com', 'a'],
      ['cdn.example.com', 'b'],
      ['x.cdn.example.com', 'b'],
      ['an-exceptionally-long-label.example.com', 'c'],
      ['bücher.example', 'c'],
      // Upper case is another string: people's input goes through normalizeHost first, and URL.hostname is lower case.
      ['EXAMPLE.COM', null],
      ['Example.com', null],
      ['CDN.example.com', 'a'],
      ['an-exceptionally-long-Label.example.com', 'a'],
      ['BÜCHER.example', null],
      ['bucher.example', null],
      // Above U+00FF with the entry's letter in the low byte: š is U+0161 (a is 0x61), Ǽ is U+01FC (ü is 0xFC).
      ['ex\u0161mple.com', null],
      ['cdn.ex\u0161mple.com', null],
      ['\u0163dn.example.com', 'a'],
      ['an-exceptionally-long-l\u0161bel.example.com', 'a'],
      ['b\u01fccher.example', null],
    ])('%s → %s', (host, expected) => expect(companyOf(host)).toBe(expected));

    it.each([...'cdn.example.com'].map((_, i) => i))('cdn.example.com with U+0100 added to character %i', (i) => {
      const host = 'cdn.example.com';
      const altered = host.slice(0, i) + String.fromCharCode(host.charCodeAt(i) + 0x100) + host.slice(i + 1);
      expect(companyOf(altered)).toBe(i < 3 ? 'a' : null);
    });
  });

  describe('never trusts a hash alone', () => {
    // Pairs with equal suffixHash, found by search (a birthday search for the ASCII ones; for the last, a
    // meet-in-the-middle search, since FNV-1a's steps can be inverted). The last differs from the first only above
    // the low byte of four characters, each the fourth of a group of four, so it packs into the same ints.
    const PAIRS = [
      ['sccnea.com', 'aabgbb.com'],
      ['hwgtja.qq.com', 'aaeeab.qq.com'],
      ['aaaaaaaaaaaaaaaa.com', 'aaa\u1261aaa\u3a61aaa\u2161aaa\u0b61.com'],
    ] as const;
    const companies = [company('a'), company('b')];
    const companyIn = (idx: HostIndex, host: string) => idx.lookup(host)?.company.id ?? null;

    it.each(PAIRS)('%s and %s collide', (x, y) => {
      expect(x).not.toBe(y);
      expect(suffixHash(x)).toBe(suffixHash(y));
    });

    it.each(PAIRS)('does not give %s’s entry to %s, nor the other way round', (x, y) => {
      for (const [key, other] of [[x, y], [y, x]] as const) {
        const idx = new HostIndex({ companies, domains: [entry(key, 'a')] });
        expect(companyIn(idx, key)).toBe('a');
        expect(companyIn(idx, other)).toBeNull();
        expect(companyIn(idx, `www.${other}`)).toBeNull();
        expect(idx.lookupEntry(other)).toBeUndefined();
      }
    });

    it.each(PAIRS)('tells %s and %s apart when both are entries', (x, y) => {
      const idx = new HostIndex({ companies, domains: [entry(x, 'a'), entry(y, 'b')] });
      expect(companyIn(idx, x)).toBe('a');
      expect(companyIn(idx, `m.${x}`)).toBe('a');
      expect(companyIn(idx, y)).toBe('b');
      expect(companyIn(idx, `m.${y}`)).toBe('b');
    });

    it('finds an entry whose hash a key before it in the table shares, though that key has no entry', () => {
      // hwgtja.qq.com is filed first, as the way to z.hwgtja.qq.com; a walk that took it for aaeeab.qq.com would stop
      // there and settle on qq.com, which the comparison would pass.
      const idx = new HostIndex({
        companies: [...companies, company('c')],
        domains: [entry('qq.com', 'a'), entry('z.hwgtja.qq.com', 'c'), entry('aaeeab.qq.com', 'b')],
      });
      expect(companyIn(idx, 'aaeeab.qq.com')).toBe('b');
      expect(companyIn(idx, 'm.aaeeab.qq.com')).toBe('b');
      expect(companyIn(idx, 'hwgtja.qq.com')).toBe('a');
      expect(companyIn(idx, 'z.hwgtja.qq.com')).toBe('c');
    });

    it('falls back to the parent when a deeper suffix only collides with an entry', () => {
      const idx = new HostIndex({ companies, domains: [entry('qq.com', 'a'), entry('hwgtja.qq.com', 'b')] });
      expect(companyIn(idx, 'hwgtja.qq.com')).toBe('b');
      expect(companyIn(idx, 'aaeeab.qq.com')).toBe('a');
      expect(companyIn(idx, 'x.aaeeab.qq.com')).toBe('a');
    });

    it('falls back to the parent when the walk went on under a colliding suffix', () => {
      // FNV-1a's state is all there is, so z.aaeeab.qq.com collides with z.hwgtja.qq.com too: the walk takes both
      // steps on hashes and lands on b's entry, which the comparison must then refuse.
      const idx = new HostIndex({ companies, domains: [entry('qq.com', 'a'), entry('z.hwgtja.qq.com', 'b')] });
      expect(suffixHash('z.aaeeab.qq.com')).toBe(suffixHash('z.hwgtja.qq.com'));
      expect(companyIn(idx, 'z.hwgtja.qq.com')).toBe('b');
      expect(companyIn(idx, 'z.aaeeab.qq.com')).toBe('a');
      expect(companyIn(idx, 'y.z.aaeeab.qq.com')).toBe('a');
    });
  });

  it('gives the registrable domain from the Public Suffix List', () => {
    expect(siteOf('img.kwcdn.com')).toBe('kwcdn.com');
    expect(siteOf('m.shein.co.uk')).toBe('shein.co.uk');
    expect(siteOf('127.0.0.1')).toBeNull();
    expect(siteOf('localhost')).toBeNull();
  });
});
