// Observed server locations for a report. The table (about 2 MB) is fetched from the extension's own files the first
// time a report asks for it, never on the per-request path, and no address ever leaves the browser.
import { browser } from 'wxt/browser';
import type { LogRow } from '@/data/log/log-row';
import { decodeIpTable, lookupIp, type CountryOf, type IpTable } from '@/data/match/ip-table';

let table: Promise<IpTable | null> | undefined;

function loadTable(): Promise<IpTable | null> {
  // The file is added by a build hook, so WXT's typed list of public paths does not know it.
  const url = (browser.runtime.getURL as (path: string) => string)('/ip-country.bin');
  table ??= fetch(url)
    .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((b) => decodeIpTable(new Uint8Array(b)))
    .catch((e: unknown) => {
      console.error('Borderline: no IP table', e);
      table = undefined; // try again on the next report
      return null;
    });
  return table;
}

/** Starts loading the table, so a report can decode it while IndexedDB reads its rows. */
export function preloadIpTable(): void {
  void loadTable();
}

/**
 * A lookup for the addresses these rows answered from, or undefined when none did or the table cannot load. A page
 * talks to few distinct servers, so each address is looked up once however many rows share it.
 */
export async function serverCountries(rows: readonly LogRow[]): Promise<CountryOf | undefined> {
  if (!rows.some((r) => r.ip)) return undefined;
  const t = await loadTable();
  if (!t) return undefined;
  const known = new Map<string, string | undefined>();
  return (ip) => {
    if (known.has(ip)) return known.get(ip);
    const found = lookupIp(t, ip);
    const country = found?.kind === 'country' ? found.country : found?.kind === 'local' ? 'local' : undefined;
    known.set(ip, country);
    return country;
  };
}
