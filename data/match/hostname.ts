// Host names arrive from URLs (already normalised by the browser) and from people (CLI, dataset files), who write
// "WWW.Temu.com.", "temu.com:443" or "bücher.de". Both paths must meet the index in one canonical form.
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
  s = s.replace(/\.$/, '');
  let host: string;
  try {
    // WHATWG URL parsing applies UTS #46 (case folding, punycode) exactly as the browser does for request URLs.
    host = new URL(`http://${s}/`).hostname;
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

/** The registrable domain (eTLD+1) from the Public Suffix List, or null for IPs, bare suffixes and localhost. */
export function siteOf(host: string): string | null {
  return getDomain(host, { allowPrivateDomains: true });
}
