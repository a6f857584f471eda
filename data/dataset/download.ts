// Downloads a dataset and its detached signature (`<url>.sig`) with every limit applied while reading: https only
// (also after redirects), a 10 MB cap enforced on the stream rather than trusted from headers, a timeout covering the
// whole transfer, and the ETag of the data in force so an unchanged file costs a 304. No browser API beyond fetch,
// which is injected so tests can play a hostile server.
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

function checkUpdateUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `The update URL "${url}" is not a valid URL.`;
  }
  if (parsed.protocol !== 'https:') return `The update URL must use https, not ${parsed.protocol.replace(':', '')}.`;
  if (parsed.username || parsed.password) return 'The update URL must not contain a user name or password.';
  return undefined;
}

async function get(url: string, what: string, deps: FetchDeps, headers: Record<string, string>, cap: number) {
  const abort = new AbortController();
  const seconds = Math.round(deps.timeoutMs / 1000);
  const timer = setTimeout(() => abort.abort(), deps.timeoutMs);
  const timedOut = () => new Error(`The update server did not answer within ${seconds} s while sending the ${what}. Nothing was changed.`);
  try {
    let res: Response;
    try {
      res = await deps.fetch(url, { signal: abort.signal, headers, redirect: 'follow', credentials: 'omit', cache: 'no-cache' });
    } catch (e) {
      if (abort.signal.aborted) throw timedOut();
      throw new Error(`Could not reach the update server for the ${what} (${e instanceof Error ? e.message : String(e)}). Nothing was changed.`, { cause: e });
    }
    // fetch follows redirects itself; the final address tells whether one of them left https.
    if (res.url && !res.url.startsWith('https://')) {
      throw new Error(`The update server redirected the ${what} to a non-https address (${res.url}); refused. Nothing was changed.`);
    }
    if (res.status === 304 || res.status === 404 || !res.ok) return { res, bytes: new Uint8Array() };
    const declared = res.headers.get('content-length');
    const expected = declared !== null && /^\d+$/.test(declared) ? Number(declared) : undefined;
    if (expected !== undefined && expected > cap) {
      throw new Error(`The ${what} is ${mb(expected)}, larger than the ${mb(cap)} limit. Nothing was changed.`);
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
          throw new Error(`The ${what} is larger than the ${mb(cap)} limit; the download was stopped. Nothing was changed.`);
        }
        chunks.push(chunk.value);
      }
    } catch (e) {
      if (abort.signal.aborted) {
        void reader?.cancel().catch(() => undefined);
        throw timedOut();
      }
      if (e instanceof Error && e.message.startsWith('The ')) throw e;
      throw new Error(`The download of the ${what} broke off after ${received} bytes (${e instanceof Error ? e.message : String(e)}). Nothing was changed.`, {
        cause: e,
      });
    }
    if (expected !== undefined && received !== expected) {
      throw new Error(`The download of the ${what} was truncated: ${received} of ${expected} bytes arrived. Nothing was changed.`);
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
  if (bad) throw new Error(bad);
  const data = await get(url, 'dataset', deps, etag ? { 'If-None-Match': etag } : {}, MAX_DATASET_BYTES);
  if (data.res.status === 304) return { status: 'not-modified' };
  if (!data.res.ok) throw new Error(`The update server answered ${data.res.status} ${data.res.statusText} for ${url}. Nothing was changed.`);
  const sig = await get(`${url}.sig`, 'signature', deps, {}, MAX_SIGNATURE_BYTES);
  let signature: string | undefined;
  if (sig.res.ok) signature = new TextDecoder().decode(sig.bytes);
  else if (sig.res.status !== 404) {
    throw new Error(`The update server answered ${sig.res.status} for the signature ${url}.sig. Nothing was changed.`);
  }
  return { status: 'ok', bytes: data.bytes, signature, etag: data.res.headers.get('etag') ?? undefined };
}
