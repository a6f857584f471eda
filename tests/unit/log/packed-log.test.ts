import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogRow } from '@/data/log/log-row';
import { packLog, unpackLog, unpackReport, type ReportRow } from '@/data/log/packed-log';
import { LEVELS } from '@/data/assess/risk';
import { logRow as oneRow } from '../../fixtures/log-rows';

const ROLES = [null, 'first-party', 'cdn', 'sdk'] as const;
const BASE: LogRow = oneRow({ tabId: 3, time: 5, type: 'script' });

const logRow: fc.Arbitrary<LogRow> = fc.record({
  tabId: fc.nat(),
  time: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  url: fc.oneof(fc.webUrl({ withQueryParameters: false, withFragments: false }), fc.string(), fc.constant('about:blank'), fc.constant('https://a.example')),
  host: fc.oneof(fc.domain(), fc.constant('')),
  site: fc.option(fc.domain()),
  type: fc.constantFrom('main_frame', 'image', 'script', 'xmlhttprequest', 'other'),
  frameId: fc.nat(),
  thirdParty: fc.boolean(),
  company: fc.option(fc.constantFrom('temu', 'tencent', 'bytedance', '')),
  owner: fc.option(fc.constantFrom('pdd-holdings', 'tencent')),
  role: fc.constantFrom(...ROLES),
  level: fc.constantFrom(...LEVELS),
  ip: fc.option(fc.oneof(fc.ipV4(), fc.ipV6()), { nil: undefined }),
});

/** What the report promises to carry of a row; the rest (ids, page bookkeeping) stays in the worker. */
const shown = (r: LogRow, serverCountry?: string): ReportRow => ({
  time: r.time,
  url: r.url,
  host: r.host,
  type: r.type,
  company: r.company,
  level: r.level,
  thirdParty: r.thirdParty,
  ...(r.ip !== undefined ? { ip: r.ip } : {}),
  ...(serverCountry !== undefined ? { serverCountry } : {}),
});

describe('packed request log', () => {
  it('gives back every row as the report shows it, in order', () => {
    fc.assert(
      fc.property(fc.array(logRow, { maxLength: 60 }), (rows) => {
        const country = (ip: string) => (ip.includes(':') ? undefined : ip.startsWith('1') ? 'DE' : 'local');
        // Through JSON, as extension messages are copied.
        const packed = JSON.parse(JSON.stringify(packLog(rows, country)));
        expect(unpackLog(packed)).toEqual(rows.map((r) => shown(r, r.ip === undefined ? undefined : country(r.ip))));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['https://img.kwcdn.com/p1.png', 'https://img.kwcdn.com', '/p1.png'],
    ['https://a.example:8443/x/y', 'https://a.example:8443', '/x/y'],
    ['https://a.example', 'https://a.example', ''],
    ['about:blank', 'about:blank', ''],
  ])('shares the origin of %s', (url, origin, path) => {
    const packed = packLog([{ ...BASE, url }]);
    expect([packed.strings[packed.origins[0]!], packed.strings[packed.paths[0]!]]).toEqual([origin, path]);
  });

  it('sends a busy page in a fraction of the bytes of the rows themselves', () => {
    const hosts = ['img.kwcdn.com', 'bugly.qq.com', 'analytics.tiktok.com', 'cdn.unlisted-example.net', 'sc.ltwebstatic.com'];
    const rows: LogRow[] = Array.from({ length: 5_000 }, (_, i) => ({
      tabId: 12, time: 1_790_000_000_000 + i * 3, url: `http://${hosts[i % 5]}/p${i}.png`, host: hosts[i % 5]!, site: 'kwcdn.com', type: 'image',
      frameId: 0, requestId: String(40_000 + i), page: 1_790_000_000_000, pageSite: 'example.net', thirdParty: true,
      company: i % 5 === 3 ? null : 'temu', owner: i % 5 === 3 ? null : 'pdd-holdings', role: 'cdn', level: 'high', ip: '127.0.0.1',
    }));
    const raw = JSON.stringify(rows).length;
    const packed = JSON.stringify(packLog(rows, () => 'local')).length;
    expect(packed / raw).toBeLessThan(0.2);
  });

  it('restores a whole report', () => {
    const report = unpackReport({ tabId: 3, url: null, site: null, restricted: false, jurisdiction: 'EEA', residence: 'EEA', residenceGuessed: false, level: 'none', siteAssessment: null,
      thirdParties: [], unknownThirdParties: [], dataset: { version: '1', date: '2026-01-01', source: 'bundled', counts: {}, license: 'x' },
      log: packLog([BASE]) });
    expect(report).not.toHaveProperty('log');
    expect(report.requests).toEqual([{ time: 5, url: 'https://x.example/', host: 'x.example', type: 'script', company: null, level: 'none', thirdParty: true }]);
  });
});
