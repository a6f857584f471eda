// Host names arrive from URLs (already normalised by the browser) and from people (CLI, dataset files), who write
// "WWW.Temu.com.", "temu.com:443" or "bücher.de". Both paths must meet the index in one canonical form, and the last
// step of both is canonicalHost: a URL keeps the trailing dot of a fully qualified name ("http://www.temu.com./"),
// which names the same host and must classify the same.
import { getDomain, parse } from 'tldts';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Lower case, no trailing dot, no port, IDN as punycode. Returns null for anything that is not a plain DNS host name:
 * IP literals, wildcards, URLs with a path, empty labels.
 */
export function normalizeHost(input: string): string | null {
  let s = input.trim();
  if (s === '' || /[/\\?#@*\s]/.test(s)) return null;
  if (s.startsWith('[')) return null; // IPv6 literal
  const port = /:(\d{1,5})$/.exec(s);
  if (port) {
    if (Number(port[1]) > 65535) return null;
    s = s.slice(0, port.index);
  }
  if (s.includes(':')) return null;
  let host: string;
  try {
    // WHATWG URL parsing applies UTS #46 (case folding, punycode) exactly as the browser does for request URLs.
    host = canonicalHost(new URL(`http://${s}/`).hostname);
  } catch {
    return null;
  }
  if (!host.split('.').every((l) => LABEL.test(l))) return null;
  if (parse(host).isIp) return null;
  return host;
}

/**
 * A suffix from the Public Suffix List's private section (cloudfront.net, global.ssl.fastly.net, github.io) that is
 * itself a registrable domain under the ICANN rules: a provider's own zone, under which its customers get names.
 */
export function isPrivateSuffix(host: string): boolean {
  const p = parse(host, { allowPrivateDomains: true });
  return p.isPrivate === true && p.publicSuffix === host && getDomain(host) !== null;
}

/**
 * The form every lookup uses, from a host name as URL.hostname gives it (lower case, IDN as punycode): without the
 * one trailing dot of a fully qualified name. Cheap enough for every request.
 */
export function canonicalHost(hostname: string): string {
  return hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
}

/** The canonical host of a URL, or '' for a URL without one (about:blank, data:) and for text that is no URL. */
export function hostOfUrl(url: string): string {
  const plain = plainRequestUrl(url);
  if (plain) return plain.host;
  try {
    return canonicalHost(new URL(url).hostname);
  } catch {
    return '';
  }
}

/** What a log row keeps of a request URL, as the WHATWG URL parser serialises its parts. */
export interface RequestUrl {
  /** canonicalHost(url.hostname). */
  host: string;
  /** protocol + '//' + host (port included) + pathname: the URL without its query and fragment. */
  base: string;
  /** search + hash: '' when the URL has neither, or only a bare '?' or '#'. */
  query: string;
  /**
   * The host is a plain DNS name (labels of a-z, 0-9, '-' and '_', not starting or ending with '-', no punycode, not
   * numeric at the end): siteOf may then skip tldts' own extraction and validation (see siteOfHost).
   */
  plain: boolean;
}

/** The parts of a request URL, or undefined for text that is no URL. */
export function parseRequestUrl(url: string): RequestUrl | undefined {
  return plainRequestUrl(url) ?? slowRequestUrl(url);
}

/** The parts by the WHATWG URL parser: what plainRequestUrl must agree with. */
export function slowRequestUrl(url: string): RequestUrl | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return { host: canonicalHost(parsed.hostname), base: `${parsed.protocol}//${parsed.host}${parsed.pathname}`, query: parsed.search + parsed.hash, plain: false };
}

const SLASH = 47;
const QUESTION = 63;
const HASH = 35;
const DOT = 46;
const HYPHEN = 45;
/** Longest host the fast path takes; tldts checks for 255, so nothing it would refuse gets past unchecked. */
const MAX_PLAIN_HOST = 253;
/**
 * Longest URL the fast path takes. Its parts are slices, which keep the whole URL alive as long as a row holds one
 * (the page cache holds up to 30,000): up to this length that is no more than the row's own fields (512 characters
 * of URL, 2,048 of query) would take; a longer URL goes to the parser, whose parts own their characters.
 */
const MAX_PLAIN_URL = 2048;

/**
 * Characters the URL parser copies unchanged into a special URL's path, query and fragment (a 1 at index i: code
 * point i, for 0–127). Anything else (space, quotes, '<', '>', '`', '{', '}', '^', '|', '\', controls, non-ASCII) it
 * percent-encodes, strips or reads as '/'; '%' is left to it in a path, where "%2e" is a dot segment.
 */
function codeSet(chars: string): Uint8Array {
  const set = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) set[chars.charCodeAt(i)] = 1;
  return set;
}
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const PATH_CHARS = codeSet(`${ALNUM}-._~!$&'()*+,;=:@/`);
/** "'" is percent-encoded in a special URL's query. */
const QUERY_CHARS = codeSet(`${ALNUM}-._~!$&()*+,;=:@/?%`);
const FRAGMENT_CHARS = codeSet(`${ALNUM}-._~!$&'()*+,;=:@/?%#`);
const HOST_CHARS = codeSet('abcdefghijklmnopqrstuvwxyz0123456789-_');

/**
 * The parts of an ordinary http(s) request URL without the URL parser, which with tldts was about half of what a
 * request cost (`npm run bench`: request_url_parser_ns against request_ns). The browser hands webRequest URLs over
 * already serialised, and almost all of them are plain ("https://", a lower case DNS name, a path, maybe a query). Anything the parser might change or refuse returns undefined, for
 * slowRequestUrl to read: upper case, a port, credentials, IPv4 and IPv6 literals, punycode or other IDN, empty
 * labels or a trailing dot, percent-escapes or dot segments in the path, characters the parser would encode.
 * tests/unit/match/request-url.property.test.ts holds it to the parser on arbitrary URLs.
 */
export function plainRequestUrl(url: string): RequestUrl | undefined {
  let i: number;
  if (url.startsWith('https://')) i = 8;
  else if (url.startsWith('http://')) i = 7;
  else return undefined;
  const hostStart = i;
  const n = url.length;
  if (n > MAX_PLAIN_URL) return undefined;
  let labelStart = i;
  let c: number;
  // The host: labels, each checked as it ends.
  for (; ; i++) {
    c = i < n ? url.charCodeAt(i) : SLASH;
    if (c === DOT || c === SLASH || c === QUESTION || c === HASH) {
      const length = i - labelStart;
      if (length === 0 || length > 63) return undefined;
      if (url.charCodeAt(labelStart) === HYPHEN || url.charCodeAt(i - 1) === HYPHEN) return undefined;
      // Punycode: the parser decodes and checks it, and may refuse it.
      if (length >= 4 && url.charCodeAt(labelStart + 2) === HYPHEN && url.charCodeAt(labelStart + 3) === HYPHEN && url.startsWith('xn', labelStart)) return undefined;
      if (c !== DOT) break;
      labelStart = i + 1;
    } else if (c >= 128 || HOST_CHARS[c] === 0) return undefined;
  }
  const hostEnd = i;
  // A last label that starts with a digit may make the host an IPv4 address ("1.2.3.4", "0x7f.1") or invalid.
  const first = url.charCodeAt(labelStart);
  if (first >= 48 && first <= 57) return undefined;
  if (hostEnd - hostStart > MAX_PLAIN_HOST) return undefined;
  // The path, without dot segments ("/./", "/../", which the parser resolves).
  for (; i < n; i++) {
    c = url.charCodeAt(i);
    if (c === QUESTION || c === HASH) break;
    if (c >= 128 || PATH_CHARS[c] === 0) return undefined;
    if (c === DOT && url.charCodeAt(i - 1) === SLASH) {
      const next = i + 1 < n ? url.charCodeAt(i + 1) : SLASH;
      const after = i + 2 < n ? url.charCodeAt(i + 2) : SLASH;
      if (next === SLASH || next === QUESTION || next === HASH) return undefined;
      if (next === DOT && (after === SLASH || after === QUESTION || after === HASH)) return undefined;
    }
  }
  const pathEnd = i;
  let queryEnd = i;
  if (i < n && c === QUESTION) {
    for (i++; i < n; i++) {
      c = url.charCodeAt(i);
      if (c === HASH) break;
      if (c >= 128 || QUERY_CHARS[c] === 0) return undefined;
    }
    queryEnd = i;
  }
  for (i++; i < n; i++) {
    c = url.charCodeAt(i);
    if (c >= 128 || FRAGMENT_CHARS[c] === 0) return undefined;
  }
  // A bare '?' or '#' is an empty query or fragment, which URL.search and URL.hash give as ''.
  const search = queryEnd - pathEnd > 1 ? url.slice(pathEnd, queryEnd) : '';
  const hash = n - queryEnd > 1 ? url.slice(queryEnd) : '';
  return {
    host: url.slice(hostStart, hostEnd),
    base: pathEnd === hostEnd ? `${url.slice(0, hostEnd)}/` : url.slice(0, pathEnd),
    query: hash === '' ? search : search + hash,
    plain: true,
  };
}

const SITE_OPTIONS = { allowPrivateDomains: true } as const;
/** For a host plainRequestUrl vouched for: tldts need neither extract it from a URL nor check its characters. */
const PLAIN_SITE_OPTIONS = { allowPrivateDomains: true, extractHostname: false, detectIp: false } as const;

/** The registrable domain (eTLD+1) from the Public Suffix List, or null for IPs, bare suffixes and localhost. */
export function siteOf(host: string): string | null {
  return getDomain(host, SITE_OPTIONS);
}

/**
 * Registrable domains of the hosts seen lately. A page asks the same few dozen hosts hundreds of times, and a
 * Public Suffix List lookup costs several Map.gets; the cache is emptied when full, so it never holds more.
 */
const SITE_CACHE_SIZE = 2048;
const siteCache = new Map<string, string | null>();

/** Empties the cache of siteOfHost: for the bench's first-sight figure and for tests of both paths. */
export function forgetSites(): void {
  siteCache.clear();
}

/** siteOf for a request's host: the same answer, from the cache when the host was seen lately. */
export function siteOfHost(host: string, plain: boolean): string | null {
  const cached = siteCache.get(host);
  if (cached !== undefined) return cached;
  // The host is a slice of its request's URL, query and all: the cache keeps a copy of its own characters instead
  // (concatenating, then slicing, makes V8 copy them into a new string), and the site is a slice of that copy.
  const key = `${host}.`.slice(0, -1);
  const site = plain ? getDomain(key, PLAIN_SITE_OPTIONS) : siteOf(key);
  if (siteCache.size >= SITE_CACHE_SIZE) siteCache.clear();
  siteCache.set(key, site);
  return site;
}
