// Downloads a dataset and its detached signature (`<url>.sig`) with every limit applied while reading: https only
// (also after redirects), a 10 MB cap enforced on the stream rather than trusted from headers, a timeout covering the
// whole transfer, and the ETag of the data in force so an unchanged file costs a 304. No browser API beyond fetch,
// which is injected so tests can play a hostile server.
import { LocalizedError, text, type LocalizedText } from '../i18n/localized-error';
import { MAX_DATASET_BYTES } from './parse';

export const FETCH_TIMEOUT_MS = 30_000;
const MAX_SIGNATURE_BYTES = 4096;

export interface FetchDeps {
  fetch: typeof fetch;
  timeoutMs: number;
}

export type Fetched =
  | { status: 'not-modified' }
  | { status: 'ok'; bytes: Uint8Array; signature: string | undefined; etag: string | undefined };

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

function checkUpdateUrl(url: string): LocalizedText | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return text('dlBadUrl', url);
  }
  if (parsed.protocol !== 'https:') return text('dlNotHttps', parsed.protocol.replace(':', ''));
  if (parsed.username || parsed.password) return text('dlCredentials');
  return undefined;
}

const failure = (key: Parameters<typeof text>[0], ...subs: (string | number)[]) => new LocalizedError(text(key, ...subs));

async function get(url: string, what: string, deps: FetchDeps, headers: Record<string, string>, cap: number) {
  const abort = new AbortController();
  const seconds = Math.round(deps.timeoutMs / 1000);
  const timer = setTimeout(() => abort.abort(), deps.timeoutMs);
  const timedOut = () => failure(what === 'dataset' ? 'dlTimeout' : 'dlSigTimeout', seconds);
  try {
    let res: Response;
    try {
      res = await deps.fetch(url, { signal: abort.signal, headers, redirect: 'follow', credentials: 'omit', cache: 'no-cache' });
    } catch (e) {
      if (abort.signal.aborted) throw timedOut();
      throw failure('dlUnreachable', e instanceof Error ? e.message : String(e));
    }
    // fetch follows redirects itself; the final address tells whether one of them left https.
    if (res.url && !res.url.startsWith('https://')) {
      throw failure('dlRedirect', res.url);
    }
    if (res.status === 304 || res.status === 404 || !res.ok) return { res, bytes: new Uint8Array() };
    const declared = res.headers.get('content-length');
    const expected = declared !== null && /^\d+$/.test(declared) ? Number(declared) : undefined;
    if (expected !== undefined && expected > cap) {
      throw failure(what === 'dataset' ? 'dlTooLarge' : 'dlSigTooLarge', mb(cap));
    }
    const chunks: Uint8Array[] = [];
    let received = 0;
    const reader = res.body?.getReader();
    // Not every body stream is tied to the signal, so a stalled read is raced against it rather than trusted to end.
    const aborted = new Promise<never>((_, reject) => abort.signal.addEventListener('abort', () => reject(new Error('aborted'))));
    aborted.catch(() => undefined);
    try {
      for (;;) {
        const chunk = reader ? await Promise.race([reader.read(), aborted]) : { done: true as const, value: undefined };
        if (chunk.done) break;
        received += chunk.value.length;
        if (received > cap) {
          void reader?.cancel();
          throw failure(what === 'dataset' ? 'dlTooLarge' : 'dlSigTooLarge', mb(cap));
        }
        chunks.push(chunk.value);
      }
    } catch (e) {
      if (abort.signal.aborted) {
        void reader?.cancel().catch(() => undefined);
        throw timedOut();
      }
      if (e instanceof LocalizedError) throw e;
      throw failure('dlBrokeOff', received, e instanceof Error ? e.message : String(e));
    }
    if (expected !== undefined && received !== expected) {
      throw failure('dlTruncated', received, expected);
    }
    const bytes = new Uint8Array(received);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    return { res, bytes };
  } finally {
    clearTimeout(timer);
  }
}

export async function fetchDataset(url: string, etag: string | undefined, deps: FetchDeps): Promise<Fetched> {
  const bad = checkUpdateUrl(url);
  if (bad) throw new LocalizedError(bad);
  const data = await get(url, 'dataset', deps, etag ? { 'If-None-Match': etag } : {}, MAX_DATASET_BYTES);
  if (data.res.status === 304) return { status: 'not-modified' };
  if (!data.res.ok) throw failure('dlStatus', `${data.res.status} ${data.res.statusText}`.trim(), url);
  const sig = await get(`${url}.sig`, 'signature', deps, {}, MAX_SIGNATURE_BYTES);
  let signature: string | undefined;
  if (sig.res.ok) signature = new TextDecoder().decode(sig.bytes);
  else if (sig.res.status !== 404) {
    throw failure('dlSigStatus', sig.res.status, `${url}.sig`);
  }
  return { status: 'ok', bytes: data.bytes, signature, etag: data.res.headers.get('etag') ?? undefined };
}
