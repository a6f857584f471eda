// One request end to end as the background handles it (TabTracker.observe, minus the IndexedDB write): the object
// request-events.ts builds from the webRequest details, then URL → host → company → risk → log row. Beside it the
// same path with one part swapped, so `npm run bench` can say what each part is worth in the same run.
import type { HostIndex, HostMatch } from '../../data/match/host-index';
import { parseRequestUrl, siteOf, siteOfHost, slowRequestUrl } from '../../data/match/hostname';
import { logRowOf, rowOf, type LogRow } from '../../data/log/log-row';
import type { Jurisdiction, RiskModel } from '../../data/assess/risk';
import type { Company, Dataset, DomainEntry } from '../../data/dataset/schema';
import type { Observed } from '../../entrypoints/background/tab-tracker';

export interface PathContext {
  index: HostIndex;
  risk: RiskModel;
  jurisdiction: Jurisdiction;
}

/** What the tab a request belongs to contributes: fixed per request, so every contender sees the same. */
export interface RequestMeta {
  tabId: number;
  type: string;
  time: number;
  requestId: string;
  initiator: string;
  pageSite: string;
}

/** The object request-events.ts hands the tracker, around a URL string the browser just made. */
const observed = (url: string, m: RequestMeta): Observed => ({
  tabId: m.tabId,
  url,
  type: m.type,
  time: m.time,
  frameId: 0,
  requestId: m.requestId,
  method: 'GET',
  initiator: m.initiator,
  document: undefined,
});

/** What the background does: the request-URL fast path, the site cache and the HostIndex (data/log/log-row.ts). */
export function requestRow(url: string, m: RequestMeta, c: PathContext): LogRow | undefined {
  return logRowOf(observed(url, m), m.pageSite, m.time, c.index, c.risk, c.jurisdiction);
}

/**
 * The baseline: a plain Map from host to entry, walked from the whole host one label off the left at a time until
 * a hit, the way a matcher without an index of its own does it. Everything else as requestRow.
 */
export function mapWalk(dataset: Pick<Dataset, 'domains' | 'companies'>): (host: string) => HostMatch | undefined {
  const byHost = new Map<string, DomainEntry>(dataset.domains.map((d) => [d.host, d]));
  const companies = new Map<string, Company>(dataset.companies.map((co) => [co.id, co]));
  return (host) => {
    for (let h = host; ; ) {
      const entry = byHost.get(h);
      if (entry) {
        const company = companies.get(entry.company);
        return company ? { entry, company } : undefined;
      }
      const dot = h.indexOf('.');
      if (dot < 0) return undefined;
      h = h.slice(dot + 1);
    }
  };
}

export function mapWalkRow(url: string, m: RequestMeta, c: PathContext, lookup: (host: string) => HostMatch | undefined): LogRow | undefined {
  const req = observed(url, m);
  const parts = parseRequestUrl(req.url);
  if (!parts) return undefined;
  const match = lookup(parts.host);
  return rowOf(req, m.pageSite, m.time, parts, siteOfHost(parts.host, parts.plain), match, match && c.risk.assess(match.company.id, c.jurisdiction));
}

/** The path as it was before the request-URL fast path: the URL parser and a Public Suffix List lookup every time. */
export function urlParserRow(url: string, m: RequestMeta, c: PathContext): LogRow | undefined {
  const req = observed(url, m);
  const parts = slowRequestUrl(req.url);
  if (!parts) return undefined;
  const match = c.index.lookup(parts.host);
  return rowOf(req, m.pageSite, m.time, parts, siteOf(parts.host), match, match && c.risk.assess(match.company.id, c.jurisdiction));
}
