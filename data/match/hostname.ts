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
  try {
    return canonicalHost(new URL(url).hostname);
  } catch {
    return '';
  }
}

/** The registrable domain (eTLD+1) from the Public Suffix List, or null for IPs, bare suffixes and localhost. */
export function siteOf(host: string): string | null {
  return getDomain(host, { allowPrivateDomains: true });
}
