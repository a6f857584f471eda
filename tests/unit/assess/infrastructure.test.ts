// Who decides what a request carries: for a cloud or CDN provider's customer host (d1234.cloudfront.net), the
// customer; for a company's own CDN (pinimg.com), the company. The report marks only the first kind.
import { describe, expect, it } from 'vitest';
import { servesCustomers } from '@/data/assess/infrastructure';
import { buildTabReport } from '@/data/assess/tab-report';
import { RiskModel } from '@/data/assess/risk';
import { HostIndex } from '@/data/match/host-index';
import { toLogRow } from '@/data/log/log-row';
import type { Dataset } from '@/data/dataset/schema';
import { loadBundled } from '../bundled-dataset';

describe('servesCustomers', () => {
  it.each([
    [{ host: 'amazonaws.com', role: 'cloud-provider' }, true],
    [{ host: 'cloudfront.net', role: 'cdn' }, true],
    [{ host: 'cloudfront.net', role: 'cloud-provider' }, true],
    [{ host: 'pinimg.com', role: 'cdn' }, false],
    [{ host: 'tiktokcdn.com', role: 'cdn' }, false],
    [{ host: 'cloudfront.net', role: 'analytics' }, false],
  ] as const)('%j → %s', (entry, expected) => {
    expect(servesCustomers(entry)).toBe(expected);
  });
});

describe('buildTabReport', () => {
  const base = loadBundled();
  const provenance = { sources: ['https://example.org/x'], asOf: base.date, confidence: 'confirmed' as const };
  const dataset: Dataset = {
    ...base,
    companies: [
      ...base.companies,
      { id: 'test-cloud', name: 'Test Cloud, Inc.', parent: null, hq: 'US', legalEntities: [], ...provenance },
      { id: 'test-social', name: 'Test Social, Inc.', parent: null, hq: 'US', legalEntities: [], ...provenance },
    ],
    domains: [
      ...base.domains,
      { host: 'cloudfront.net', company: 'test-cloud', role: 'cdn', ...provenance },
      { host: 'testcloud-api.example', company: 'test-cloud', role: 'cloud-provider', ...provenance },
      { host: 'socialcdn.example', company: 'test-social', role: 'cdn', ...provenance },
    ],
  };
  const index = new HostIndex(dataset);
  const risk = new RiskModel(dataset);
  const engine = { index, risk, info: { version: '1', date: dataset.date, source: 'bundled' as const, counts: {}, license: '' } };
  const rows = ['https://d1234.cloudfront.net/a.js', 'https://d1234.cloudfront.net/b.js', 'https://x.testcloud-api.example/', 'https://img.socialcdn.example/p.png']
    .map((url, i) => toLogRow({ tabId: 1, url, type: 'script', time: i, frameId: 0, pageSite: 'news.example' }, index, risk, 'EEA')!);

  it('lists a provider’s customer hosts once, and never a company’s own CDN', () => {
    const report = buildTabReport(rows, engine, 'EEA', 1, undefined, 'https://news.example/');
    const byId = new Map(report.thirdParties.map((tp) => [tp.assessment.company.id, tp]));
    expect(byId.get('test-cloud')!.providerHosts).toEqual(['d1234.cloudfront.net', 'x.testcloud-api.example']);
    expect(byId.get('test-cloud')!.requests).toBe(3);
    expect(byId.get('test-social')).toBeDefined();
    expect(byId.get('test-social')!.providerHosts).toBeUndefined();
  });
});
