// One observed request → one log row (data/log/log-row.ts): case by case, and on arbitrary requests against a
// reference that reads the URL with the URL parser and asks tldts every time, as toLogRow did before its fast path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RiskModel, type Jurisdiction } from '@/data/assess/risk';
import { logRowOf, toLogRow, type LogRow, type ObservedRequest } from '@/data/log/log-row';
import { HostIndex } from '@/data/match/host-index';
import { canonicalHost, forgetSites, siteOf } from '@/data/match/hostname';
import { loadBundled } from '../bundled-dataset';

const dataset = loadBundled();
const index = new HostIndex(dataset);
const risk = new RiskModel(dataset);

/** The row as the URL parser and tldts make it, field by field, optional fields only when present. */
function reference(req: ObservedRequest, jurisdiction: Jurisdiction): LogRow | undefined {
  let parsed: URL;
  try {
    parsed = new URL(req.url);
  } catch {
    return undefined;
  }
  const host = canonicalHost(parsed.hostname);
  const site = siteOf(host);
  const match = index.lookup(host);
  const assessment = match && risk.assess(match.company.id, jurisdiction);
  const url = `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  return {
    tabId: req.tabId,
    time: req.time,
    url: url.slice(0, 512),
    host,
    site,
    type: req.type,
    frameId: req.frameId,
    ...(req.initiator ? { initiator: req.initiator } : {}),
    ...(req.ip ? { ip: req.ip } : {}),
    ...(req.requestId ? { requestId: req.requestId } : {}),
    ...(req.method ? { method: req.method } : {}),
    ...(parsed.search || parsed.hash ? { query: (parsed.search + parsed.hash).slice(0, 2048) } : {}),
    page: req.page ?? req.time,
    pageSite: req.pageSite,
    ...(req.uncommitted ? { uncommitted: true as const } : {}),
    thirdParty: site !== null ? site !== req.pageSite : host !== (req.pageSite ?? ''),
    company: match?.company.id ?? null,
    owner: assessment?.owner.id ?? null,
    role: match?.entry.role ?? null,
    level: assessment?.level ?? 'none',
  };
}

const base: ObservedRequest = { tabId: 3, url: '', type: 'script', time: 1_700_000_000_000, frameId: 0, pageSite: 'spiegel.de' };

describe('toLogRow', () => {
  it.each<[string, Partial<ObservedRequest>, Partial<LogRow> | undefined]>([
    ['a known tracker, third party', { url: 'https://www.google-analytics.com/collect?v=1&tid=x' }, { host: 'www.google-analytics.com', site: 'google-analytics.com', url: 'https://www.google-analytics.com/collect', query: '?v=1&tid=x', company: 'google', thirdParty: true }],
    ['the page’s own site', { url: 'https://cdn.spiegel.de/a.js' }, { host: 'cdn.spiegel.de', site: 'spiegel.de', thirdParty: false, company: null, owner: null, role: null, level: 'none' }],
    ['a port stays in the URL, not in the host', { url: 'https://img.kwcdn.com:8443/p.png' }, { host: 'img.kwcdn.com', url: 'https://img.kwcdn.com:8443/p.png', company: 'temu' }],
    ['upper case and a trailing dot', { url: 'HTTPS://IMG.KWCDN.COM./p.png' }, { host: 'img.kwcdn.com', url: 'https://img.kwcdn.com./p.png', company: 'temu' }],
    ['an IP address has no site', { url: 'http://127.0.0.1:8080/x', pageSite: null }, { host: '127.0.0.1', site: null, thirdParty: true }],
    ['a host without a site is first party on its own page', { url: 'http://localhost/x', pageSite: 'localhost' }, { host: 'localhost', site: null, thirdParty: false }],
    ['a fragment alone is kept as the query', { url: 'https://x.example.com/#frag' }, { url: 'https://x.example.com/', query: '#frag' }],
    ['the page time falls back to the request time', { url: 'https://x.example.com/' }, { page: 1_700_000_000_000 }],
    ['an uncommitted navigation says so', { url: 'https://x.example.com/', uncommitted: true, type: 'main_frame' }, { uncommitted: true, type: 'main_frame' }],
    ['a long URL is cut at 512 characters', { url: `https://x.example.com/${'a'.repeat(600)}` }, { url: `https://x.example.com/${'a'.repeat(600)}`.slice(0, 512) }],
    ['text that is no URL gives no row', { url: 'not a url' }, undefined],
  ])('%s', (_why, over, expected) => {
    const req = { ...base, ...over };
    const row = toLogRow(req, index, risk, 'EEA');
    if (expected === undefined) expect(row).toBeUndefined();
    else expect(row).toMatchObject(expected);
    expect(row).toStrictEqual(reference(req, 'EEA'));
  });

  it('has no optional field the request lacks, and copies those it has', () => {
    const bare = toLogRow({ ...base, url: 'https://x.example.com/a' }, index, risk, 'EEA')!;
    for (const key of ['initiator', 'ip', 'requestId', 'method', 'query', 'uncommitted']) expect(bare).not.toHaveProperty(key);
    const full = toLogRow({ ...base, url: 'https://x.example.com/a?q', initiator: 'https://spiegel.de', ip: '1.2.3.4', requestId: '77', method: 'POST', page: 5 }, index, risk, 'EEA')!;
    expect(full).toMatchObject({ initiator: 'https://spiegel.de', ip: '1.2.3.4', requestId: '77', method: 'POST', query: '?q', page: 5 });
  });
});

describe('logRowOf', () => {
  it('reads only the request’s own fields: the tracker’s document stays out of the row', () => {
    const req = { tabId: 1, url: 'https://img.kwcdn.com/a.png', type: 'image', time: 9, frameId: 0, document: { id: 'doc' } };
    const row = logRowOf(req, 'temu.com', 4, index, risk, 'EEA')!;
    expect(row).not.toHaveProperty('document');
    expect(row).toStrictEqual(reference({ ...req, pageSite: 'temu.com', page: 4, document: undefined } as ObservedRequest, 'EEA'));
  });
});

describe('toLogRow on arbitrary requests', () => {
  const known = [...new Set(dataset.domains.map((d) => d.host))];
  const host = fc.oneof(
    fc.constantFrom(...known),
    fc.tuple(fc.stringMatching(/^[a-z0-9-]{1,8}$/), fc.constantFrom(...known)).map(([sub, h]) => `${sub}.${h}`),
    fc.stringMatching(/^[a-z0-9.-]{1,20}$/),
    fc.constantFrom('127.0.0.1', '[::1]', 'localhost', 'xn--bcher-kva.de', 'bücher.de', 'WWW.Temu.COM.', 'a..b'),
  );
  const url = fc
    .tuple(fc.constantFrom('https://', 'http://', 'HTTP://', 'ws://'), host, fc.constantFrom('', ':8443', ':443'), fc.stringMatching(/^(\/[A-Za-z0-9._%~ -]{0,8}){0,3}$/), fc.constantFrom('', '?', '#', '?a=1', '?a=1#b', '#b?c', "?q='x'"))
    .map((xs) => xs.join(''));
  const request = fc.record({
    tabId: fc.integer({ min: 1, max: 9 }),
    url: fc.oneof({ weight: 9, arbitrary: url }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) }),
    type: fc.constantFrom('script', 'image', 'main_frame'),
    time: fc.nat(),
    frameId: fc.nat({ max: 3 }),
    initiator: fc.option(fc.constantFrom('https://spiegel.de', ''), { nil: undefined }),
    ip: fc.option(fc.constantFrom('1.2.3.4', ''), { nil: undefined }),
    requestId: fc.option(fc.constantFrom('1', '2'), { nil: undefined }),
    method: fc.option(fc.constantFrom('GET', 'POST'), { nil: undefined }),
    pageSite: fc.option(fc.constantFrom('spiegel.de', 'temu.com', 'localhost', 'google.com'), { nil: null }),
    page: fc.option(fc.nat(), { nil: undefined }),
    uncommitted: fc.option(fc.boolean(), { nil: undefined }),
  }, { requiredKeys: ['tabId', 'url', 'type', 'time', 'frameId', 'pageSite'] });

  it.each<Jurisdiction>(['EEA', 'UK', 'US'])('gives the reference row (%s), whether the site cache knows the host or not', (jurisdiction) => {
    fc.assert(
      fc.property(request, fc.boolean(), (req, forget) => {
        if (forget) forgetSites();
        expect(toLogRow(req, index, risk, jurisdiction), req.url).toStrictEqual(reference(req, jurisdiction));
      }),
      { numRuns: 3_000 },
    );
  });
});
