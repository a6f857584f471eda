// Observed server locations for a report. The table (about 2 MB) is fetched from the extension's own files the first
// time a report asks for it, never on the per-request path, and no address ever leaves the browser.
import { browser } from 'wxt/browser';
import { decodeIpTable, lookupIp, type IpTable } from '@/data/ip-table';
import type { TabReport } from '@/data/protocol';

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

/** "local" for private and loopback addresses, an ISO code otherwise; undefined when unknown. */
function where(t: IpTable, ip: string | undefined): string | undefined {
  const found = ip ? lookupIp(t, ip) : undefined;
  return found?.kind === 'country' ? found.country : found?.kind === 'local' ? 'local' : undefined;
}

/** Adds each row's server country and, per company, the countries its servers were seen in. */
export async function addServerLocations(report: TabReport): Promise<TabReport> {
  if (!report.requests.some((r) => r.ip)) return report;
  const t = await loadTable();
  if (!t) return report;
  const seen = new Map<string, Set<string>>();
  const requests = report.requests.map((row) => {
    const country = where(t, row.ip);
    if (country && row.company) {
      let set = seen.get(row.company);
      if (!set) seen.set(row.company, (set = new Set()));
      set.add(country);
    }
    return country ? { ...row, serverCountry: country } : row;
  });
  const siteCompany = report.siteAssessment?.company.id;
  return {
    ...report,
    requests,
    siteServersSeen: siteCompany ? [...(seen.get(siteCompany) ?? [])].sort() : [],
    thirdParties: report.thirdParties.map((tp) => ({ ...tp, serversSeen: [...(seen.get(tp.assessment.company.id) ?? [])].sort() })),
  };
}
