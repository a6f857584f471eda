import { describe, expect, it } from 'vitest';
import { LocalizedError } from '@/data/i18n/localized-error';
import { english, rejection } from '../english';
import { diffDatasets, isEmptyDiff } from '@/data/dataset/diff';
import { DATASET_KEY_ID, DATASET_PUBLIC_KEY } from '@/data/dataset/public-key';
import { fromBase64, keyIdOf, verifyDatasetSignature } from '@/data/dataset/signature';
import { checkCandidate } from '@/data/dataset/update-candidate';
import { fetchDataset, type FetchDeps } from '@/data/dataset/download';
import { withTestShop } from '../../fixtures/hostile/cases';
import { loadBundled } from '../bundled-dataset';
import { brokenStream, bytesOf, response, sign, silentFetch, testKey } from './update-helpers';

const ours = testKey();
const theirs = testKey();
const text = JSON.stringify(withTestShop(loadBundled()), null, 2);

describe('bundled public key', () => {
  it('has the key id the signature files name', async () => {
    expect(fromBase64(DATASET_PUBLIC_KEY)).toHaveLength(32);
    expect(await keyIdOf(fromBase64(DATASET_PUBLIC_KEY))).toBe(DATASET_KEY_ID);
  });
});

describe('signature over the exact bytes', () => {
  it('accepts a file signed by the trusted key', async () => {
    expect(await verifyDatasetSignature(bytesOf(text), sign(text, ours.privateKey), ours.trusted)).toEqual({ ok: true, keyId: ours.trusted.keyId });
  });

  const cases: [string, () => [string, string | undefined], string, RegExp][] = [
    ['unsigned', () => [text, undefined], 'missing', /not signed/],
    ['signed by another key', () => [text, sign(text, theirs.privateKey)], 'other-key', /signed by another key \([0-9a-f]{16}\)/],
    ['altered after signing', () => [text.replace('Test Shop', 'Test Shap'), sign(text, ours.privateKey)], 'mismatch', /does not match the data/],
    ['truncated after signing', () => [text.slice(0, -10), sign(text, ours.privateKey)], 'mismatch', /does not match/],
    ['one byte of whitespace added', () => [`${text} `, sign(text, ours.privateKey)], 'mismatch', /does not match/],
    [
      'a forged signature with our key id',
      () => [text, JSON.stringify({ algorithm: 'Ed25519', keyId: ours.trusted.keyId, signature: btoa('x'.repeat(64)) })],
      'mismatch',
      /does not match/,
    ],
    ['a signature file that is not JSON', () => [text, 'c2lnbmF0dXJl'], 'malformed', /unusable.*the signature file is not valid JSON/],
    [
      'a signature with extra fields',
      () => [text, JSON.stringify({ ...JSON.parse(sign(text, ours.privateKey)), trust: 'me' })],
      'malformed',
      /unknown fields: trust/,
    ],
    ['a short signature', () => [text, JSON.stringify({ algorithm: 'Ed25519', keyId: ours.trusted.keyId, signature: 'AAAA' })], 'malformed', /not 64 bytes/],
    ['another algorithm', () => [text, JSON.stringify({ algorithm: 'RSA', keyId: ours.trusted.keyId, signature: 'AAAA' })], 'malformed', /Ed25519/],
  ];
  it.each(cases)('rejects data %s', async (_name, make, reason, message) => {
    const [data, sig] = make();
    const verdict = await verifyDatasetSignature(bytesOf(data), sig, ours.trusted);
    expect(verdict).toMatchObject({ ok: false, reason });
    if (!verdict.ok) expect(`${english(verdict.message)} ${verdict.detail ?? ''}`).toMatch(message);
  });
});

describe('checkCandidate', () => {
  const opts = { trusted: ours.trusted, allowUnsigned: false };

  it('passes signed valid data', async () => {
    const r = await checkCandidate(bytesOf(text), sign(text, ours.privateKey), opts);
    expect(r).toMatchObject({ ok: true, signed: 'maintainers' });
  });

  it('names validation problems before signature problems', async () => {
    const r = await checkCandidate(bytesOf('[]'), undefined, opts);
    expect(r).toMatchObject({ ok: false, needsAllow: false });
    if (!r.ok) expect(rejection(r)).toMatch(/rejected.*\(root\): expected a JSON object, got an array/);
  });

  it('asks before unsigned or other-key data, and accepts it once the source is allowed', async () => {
    for (const sig of [undefined, sign(text, theirs.privateKey)]) {
      const r = await checkCandidate(bytesOf(text), sig, opts);
      expect(r).toMatchObject({ ok: false, needsAllow: true });
      if (!r.ok) expect(english(r.error)).toMatch(/not signed|signed by another key/);
      expect(await checkCandidate(bytesOf(text), sig, { ...opts, allowUnsigned: true })).toMatchObject({ ok: true, signed: 'allowed-unsigned' });
    }
  });

  it('never lets an allowed source through with a signature that does not match', async () => {
    const r = await checkCandidate(bytesOf(text.replace('Test Shop', 'Evil Shop')), sign(text, ours.privateKey), { ...opts, allowUnsigned: true });
    expect(r).toMatchObject({ ok: false, needsAllow: false });
    if (!r.ok) expect(english(r.error)).toMatch(/does not match the data/);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const r = await checkCandidate(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), undefined, opts);
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(english(r.error)).toMatch(/not UTF-8/);
  });
});

describe('fetchDataset against a hostile server', () => {
  const URL_ = 'https://updates.borderline-test.example/dataset.json';
  const deps = (fetch: (url: string, init?: RequestInit) => Promise<Response>, timeoutMs = 200): FetchDeps => ({ fetch: fetch as typeof globalThis.fetch, timeoutMs });
  const serve = (data: () => Response, sig: () => Response = () => response(null, { status: 404 })) =>
    deps(async (url) => (url.endsWith('.sig') ? sig() : data()));

  it('downloads the dataset, its signature and ETag', async () => {
    const seen: [string, HeadersInit | undefined][] = [];
    const r = await fetchDataset(URL_, '"v1"', deps(async (url, init) => {
      seen.push([url, init?.headers]);
      return url.endsWith('.sig') ? response('SIG') : response(text, { headers: { etag: '"v2"' } });
    }));
    expect(r).toMatchObject({ status: 'ok', signature: 'SIG', etag: '"v2"' });
    // One buffer comparison: a deep equality walks the megabytes of the bundled dataset element by element.
    expect(r.status === 'ok' && Buffer.from(r.bytes).equals(bytesOf(text))).toBe(true);
    expect(seen).toEqual([[URL_, { 'If-None-Match': '"v1"' }], [`${URL_}.sig`, {}]]);
  });

  it('reports 304 as not modified', async () => {
    expect(await fetchDataset(URL_, '"v1"', serve(() => response(null, { status: 304 })))).toEqual({ status: 'not-modified' });
  });

  it('treats a missing .sig as unsigned', async () => {
    expect(await fetchDataset(URL_, undefined, serve(() => response(text)))).toMatchObject({ status: 'ok', signature: undefined });
  });

  const failures: [string, string, FetchDeps, RegExp][] = [
    ['an http update URL', 'http://updates.example/d.json', serve(() => response(text)), /must use https, not http/],
    ['a URL with a password', 'https://u:p@updates.example/d.json', serve(() => response(text)), /user name or password/],
    ['not a URL', 'updates', serve(() => response(text)), /not a valid URL/],
    ['a redirect to http', URL_, serve(() => response(text, { url: 'http://evil.example/d.json' })), /redirected to an address without https \(http:\/\/evil\.example\/d\.json\); refused/],
    ['a signature redirected to http', URL_, serve(() => response(text), () => response('SIG', { url: 'http://evil.example/d.json.sig' })), /redirected to an address without https/],
    ['a server that never answers', URL_, deps(silentFetch), /did not send the dataset within 0 s/],
    ['a body that stalls', URL_, serve(() => response(brokenStream('{"format":', 'stall'))), /did not send the dataset within 0 s/],
    ['a connection that breaks', URL_, serve(() => response(brokenStream('{"format":', 'error'))), /broke off after 10 bytes \(network connection lost\)/],
    [
      'a truncated download',
      URL_,
      serve(() => response(bytesOf(text).slice(0, 1000), { headers: { 'content-length': String(bytesOf(text).length) } })),
      new RegExp(`truncated: 1000 of ${bytesOf(text).length} bytes`),
    ],
    ['an announced 60 MB', URL_, serve(() => response('{}', { headers: { 'content-length': String(60 * 1048576) } })), /dataset is larger than the 10\.0 MB limit/],
    ['an unannounced 60 MB', URL_, serve(() => response(new Blob([new Uint8Array(60 * 1048576)]).stream())), /larger than the 10\.0 MB limit; the download was stopped/],
    ['a server error', URL_, serve(() => response('oops', { status: 500, statusText: 'Internal Server Error' })), /answered 500 Internal Server Error/],
    ['a DNS failure', URL_, deps(async () => { throw new TypeError('getaddrinfo ENOTFOUND'); }), /Could not reach the update server \(getaddrinfo ENOTFOUND\)/],
    ['a failing signature request', URL_, serve(() => response(text), () => response('no', { status: 503 })), /answered 503 for the signature/],
  ];
  it.each(failures)('rejects %s with a clear message', async (_name, url, d, message) => {
    const err = await fetchDataset(url, undefined, d).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(LocalizedError);
    expect(english((err as LocalizedError).text)).toMatch(message);
  });
});

describe('diffDatasets', () => {
  it('lists added companies, domains and actions, and a newer version', () => {
    const before = loadBundled();
    const diff = diffDatasets(before, withTestShop(before));
    expect(diff.version).toBe('newer');
    expect(diff.companies.added).toEqual([{ key: 'borderline-test-shop', label: 'Borderline Test Shop Ltd' }]);
    expect(diff.domains.added.map((d) => d.key)).toEqual(['borderline-test.example']);
    expect(diff.actions.added.map((d) => d.key)).toEqual(['borderline-test-2025-01']);
    expect(diff.destinations).toEqual({ before: before.destinations.length, after: before.destinations.length + 1 });
    expect(diff.companies.removed).toEqual([]);
    expect(diff.companies.changed).toEqual([]);
  });

  it('lists removed and changed records, and an older version', () => {
    const after = withTestShop(loadBundled());
    const before = structuredClone(after);
    after.version = '0.0.1';
    after.companies[0]!.hq = 'IE';
    const gone = after.domains.pop()!;
    const diff = diffDatasets(before, after);
    expect(diff.version).toBe('older');
    expect(diff.companies.changed.map((c) => c.key)).toEqual([before.companies[0]!.id]);
    expect(diff.domains.removed.map((d) => d.key)).toEqual([gone.host]);
    expect(isEmptyDiff(diff)).toBe(false);
    expect(isEmptyDiff(diffDatasets(before, before))).toBe(true);
  });
});
