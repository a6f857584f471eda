// The HAR builder against the HAR 1.2 JSON Schema (npm har-validator over har-schema, not a schema of our own):
// one entry per logged row, query strings cut unless kept, Borderline's attribution in _borderline.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RiskModel, type CompanyAssessment } from '@/data/assess/risk';
import { buildHar, evidenceFileNames, harText, redactUrl, sha256Hex, type EvidenceRow, type HarInput } from '@/data/log/har';
import { loadBundled } from '../bundled-dataset';

const require = createRequire(import.meta.url);
const harValidator = require('har-validator') as { har: (data: unknown) => Promise<unknown> };

const dataset = loadBundled();
const risk = new RiskModel(dataset);
const T0 = Date.UTC(2026, 11, 1, 23, 50, 7, 120);

const row = (url: string, company: string | null, extra: Partial<EvidenceRow> = {}): EvidenceRow => ({
  time: T0 + 10,
  url,
  host: new URL(url).hostname,
  type: 'script',
  company,
  level: company ? risk.assess(company, 'EEA')!.level : 'none',
  thirdParty: true,
  ...extra,
});

const ROWS: EvidenceRow[] = [
  row('http://www.spiegel.de/', null, { type: 'main_frame', thirdParty: false, time: T0, method: 'GET', status: 200, ip: '127.0.0.1', serverCountry: 'local' }),
  row('https://mc.yandex.ru/metrika/tag.js', 'yandex', { query: '?id=123&ut=noindex', ip: '127.0.0.1' }),
  row('https://mc.yandex.ru/watch/123', 'yandex', { query: '?page-url=http%3A%2F%2Fwww.spiegel.de%2F#frag', method: 'POST', status: 204 }),
  row('https://analytics.tiktok.com/i18n/pixel/events.js', 'tiktok', { query: '?sdkid=ABC', ip: '::1' }),
  row('https://unknown.example/x', null),
];

function input(keepQuery: boolean, rows: readonly EvidenceRow[] = ROWS): HarInput {
  const assessments = new Map<string, CompanyAssessment>();
  for (const r of rows) if (r.company) assessments.set(r.company, risk.assess(r.company, 'EEA')!);
  return {
    pageUrl: 'http://www.spiegel.de/?utm=x',
    site: 'spiegel.de',
    rows,
    assessments,
    jurisdiction: 'EEA',
    dataset: { version: dataset.version, date: dataset.date },
    creator: { name: 'Borderline', version: '0.1.0' },
    browser: { name: 'Chromium', version: '156.0' },
    keepQuery,
    savedAt: T0 + 60_000,
  };
}

describe('HAR 1.2', () => {
  it('validates against the HAR 1.2 schema, with and without query strings', async () => {
    await expect(harValidator.har(JSON.parse(harText(buildHar(input(false)))))).resolves.toBeTruthy();
    await expect(harValidator.har(JSON.parse(harText(buildHar(input(true)))))).resolves.toBeTruthy();
  });

  it('the validator rejects a broken HAR, so the check above can fail', async () => {
    const har = JSON.parse(harText(buildHar(input(false))));
    delete har.log.entries[0].request.method;
    await expect(harValidator.har(har)).rejects.toThrow();
    const noCreator = JSON.parse(harText(buildHar(input(false))));
    delete noCreator.log.creator;
    await expect(harValidator.har(noCreator)).rejects.toThrow();
  });

  it('has one entry per logged row, oldest first, with creator, browser and page', () => {
    const har = buildHar(input(false));
    expect(har.log.entries.map((e) => e.request.url)).toEqual(ROWS.map((r) => r.url));
    expect(har.log.creator).toEqual({ name: 'Borderline', version: '0.1.0' });
    expect(har.log.browser).toEqual({ name: 'Chromium', version: '156.0' });
    expect(har.log.pages[0]!.title).toBe('http://www.spiegel.de/');
    expect(har.log.entries[0]!.startedDateTime).toBe('2026-12-01T23:50:07.120Z');
  });

  it('cuts query strings and fragments by default, and keeps them when asked', () => {
    const redacted = buildHar(input(false));
    expect(redacted.log.entries.every((e) => !/[?#]/.test(e.request.url) && e.request.queryString.length === 0)).toBe(true);
    expect(redacted.log._borderline).toMatchObject({ queryStrings: 'redacted', pageUrl: 'http://www.spiegel.de/' });
    const kept = buildHar(input(true));
    expect(kept.log.entries[1]!.request.url).toBe('https://mc.yandex.ru/metrika/tag.js?id=123&ut=noindex');
    expect(kept.log.entries[1]!.request.queryString).toEqual([{ name: 'id', value: '123' }, { name: 'ut', value: 'noindex' }]);
    expect(kept.log.entries[2]!.request.url).toBe('https://mc.yandex.ru/watch/123?page-url=http%3A%2F%2Fwww.spiegel.de%2F#frag');
    expect(kept.log._borderline.queryStrings).toBe('kept');
  });

  it('never lets a query or fragment through by default, whatever the URL (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string(), (url, q) => {
        const har = buildHar(input(false, [row(url, null, { query: `?${q}` })]));
        return !/[?#]/.test(har.log.entries[0]!.request.url) && har.log.entries[0]!.request.url === redactUrl(url);
      }),
    );
  });

  it('records method, status and server address where known, and says what it did not record', () => {
    const [page, script, beacon] = buildHar(input(false)).log.entries;
    expect(page!.response.status).toBe(200);
    expect(page!.serverIPAddress).toBe('127.0.0.1');
    expect(beacon!.request.method).toBe('POST');
    expect(beacon!.response.status).toBe(204);
    expect(script!.response.status).toBe(0);
    expect(script!.response.comment).toMatch(/not recorded/);
    expect(script!.request.comment).toMatch(/Method not recorded/);
    expect(script!._resourceType).toBe('script');
  });

  it('attributes Yandex and TikTok entries in _borderline: company, owner, HQ, disclosed destinations, status, dataset version', () => {
    const entries = buildHar(input(false)).log.entries;
    const yandex = entries[1]!._borderline;
    expect(yandex.company).toMatchObject({ id: 'yandex', name: 'Yandex', hq: 'RU' });
    expect(yandex.owner?.id).toBe(risk.assess('yandex', 'EEA')!.owner.id);
    expect(yandex.status).toBe(risk.assess('yandex', 'EEA')!.level);
    expect(yandex.datasetVersion).toBe(dataset.version);
    expect(yandex.jurisdiction).toBe('EEA');
    const tiktok = entries[3]!._borderline;
    expect(tiktok.company?.id).toBe('tiktok');
    expect(tiktok.owner).toMatchObject({ id: 'bytedance', hq: 'CN' });
    expect(tiktok.disclosedDestinations.some((d) => d.country === 'CN' && d.status === 'no-adequacy' && d.sources.length > 0)).toBe(true);
    expect(entries[4]!._borderline).toMatchObject({ company: null, owner: null, status: 'none', disclosedDestinations: [] });
  });

  it('hashes the exact file text with SHA-256', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const text = harText(buildHar(input(false)));
    expect(await sha256Hex(text)).toMatch(/^[0-9a-f]{64}$/);
    expect(await sha256Hex(text)).not.toBe(await sha256Hex(`${text} `));
  });

  it('names the files after the site and the moment, safe in any file system', () => {
    expect(evidenceFileNames('www.spiegel.de', T0)).toEqual({
      har: 'borderline-evidence-www.spiegel.de-2026-12-01T23-50-07Z.har',
      report: 'borderline-evidence-www.spiegel.de-2026-12-01T23-50-07Z.html',
    });
    expect(evidenceFileNames(null, T0).har).toMatch(/^borderline-evidence-page-/);
    expect(evidenceFileNames('a/b:c', T0).har).toMatch(/^borderline-evidence-a_b_c-/);
  });
});
