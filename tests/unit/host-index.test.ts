import { describe, expect, it } from 'vitest';
import cases from '../fixtures/lookup-cases.json';
import { HostIndex } from '@/data/host-index';
import { normalizeHost, siteOf } from '@/data/hostname';
import { loadBundled } from './bundled-dataset';

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

  it('gives the registrable domain from the Public Suffix List', () => {
    expect(siteOf('img.kwcdn.com')).toBe('kwcdn.com');
    expect(siteOf('m.shein.co.uk')).toBe('shein.co.uk');
    expect(siteOf('127.0.0.1')).toBeNull();
    expect(siteOf('localhost')).toBeNull();
  });
});
