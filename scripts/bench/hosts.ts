// A request mix shaped like real browsing: most requests go to hosts the dataset does not know, some hit it, and
// hosts carry 0–3 subdomain labels under a spread of TLDs, including multi-label suffixes (co.uk) that share a bucket
// with deeper dataset entries and lookalikes that must not match.
import { int, pick, word, type Rng } from './rng';

export const TLDS = ['com', 'com', 'com', 'net', 'org', 'io', 'de', 'fr', 'co.uk', 'org.uk', 'com.au', 'co.jp', 'jp', 'cn', 'ru', 'app', 'dev', 'com.br'];
const SUBS = ['www', 'api', 'cdn', 'static', 'img', 'assets', 'm', 'ads', 'log', 'sdk', 'edge-2', 'eu-west-1', 'v16'];

function subdomains(rng: Rng, host: string): string {
  for (let n = int(rng, 0, 3); n > 0; n--) host = `${rng() < 0.7 ? pick(rng, SUBS) : word(rng, 2, 10)}.${host}`;
  return host;
}

/** Fresh flat strings, as URL.hostname hands them over, so no lookup meets a rope or a pre-hashed literal. */
const flat = (xs: string[]): string[] => JSON.parse(JSON.stringify(xs)) as string[];

export interface HostMixOptions {
  count: number;
  /** Share of hosts at or under a dataset host. */
  matchShare: number;
  /** Share of lookalikes (nottemu.com, temu.com.example.org) among the rest. */
  lookalikeShare: number;
  /**
   * Which dataset host a matching request goes to. Tracker traffic is heavy-tailed (a few hundred domains carry most
   * third-party requests), so 'zipf' (weight 1/rank, ranks shuffled) is the realistic mix; 'uniform' makes every hit
   * on a large dataset a cache miss, the worst case.
   */
  popularity: 'zipf' | 'uniform';
}

/** Draws indexes 0..n-1 with weight 1/rank over a seeded random ranking. */
function zipf(rng: Rng, n: number): () => number {
  const rank = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [rank[i], rank[j]] = [rank[j]!, rank[i]!];
  }
  const cdf = new Float64Array(n);
  for (let i = 0, sum = 0; i < n; i++) cdf[i] = sum += 1 / (i + 1);
  const total = cdf[n - 1]!;
  return () => {
    const x = rng() * total;
    let lo = 0;
    for (let hi = n - 1; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return rank[lo]!;
  };
}

export function hostMix(rng: Rng, datasetHosts: readonly string[], o: HostMixOptions): string[] {
  const out: string[] = [];
  const popular = o.popularity === 'zipf' ? zipf(rng, datasetHosts.length) : () => Math.floor(rng() * datasetHosts.length);
  for (let i = 0; i < o.count; i++) {
    const r = rng();
    if (r < o.matchShare) out.push(subdomains(rng, datasetHosts[popular()]!));
    else if (r < o.matchShare + o.lookalikeShare) {
      const known = pick(rng, datasetHosts);
      out.push(rng() < 0.5 ? `${word(rng, 2, 6)}${known}` : subdomains(rng, `${known}.${word(rng, 4, 10)}.${pick(rng, TLDS)}`));
    } else out.push(subdomains(rng, `${word(rng, 3, 14)}.${pick(rng, TLDS)}`));
  }
  return flat(out);
}

const PATHS = ['/', '/api/v2/track', '/static/js/app.3f9a.js', '/pixel.gif', '/collect', '/img/banner.webp'];

/** Request URLs for the end-to-end path: scheme, host, occasional port, path and a query toLogRow must drop. */
export function requestUrls(rng: Rng, hosts: readonly string[]): string[] {
  return flat(hosts.map((h) => `https://${h}${rng() < 0.05 ? ':8443' : ''}${pick(rng, PATHS)}${rng() < 0.6 ? `?id=${word(rng, 8, 24)}&t=${int(rng, 0, 1e9)}` : ''}`));
}

/**
 * A factory of fresh copies of `xs`. V8 caches a string's hash in the string once a Map has hashed it, so a bench
 * that reuses its strings would time Map.get with the hash already paid, which never happens in the browser: each
 * request's URL.hostname is a new string. Decoding from a buffer gives new flat strings with no hash yet.
 */
export function freshCopies(xs: readonly string[]): () => string[] {
  const buf = Buffer.from(xs.join(''), 'latin1');
  const ends: number[] = [];
  xs.reduce((end, x) => (ends.push(end + x.length), end + x.length), 0);
  return () => ends.map((end, i) => buf.toString('latin1', end - xs[i]!.length, end));
}
