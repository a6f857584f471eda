// Turning one observed request into a log row is pure, so the background's hot path can be unit-tested and
// benchmarked without a browser. The browser-specific part (webRequest details) is mapped in by the caller.
import { canonicalHost, siteOf } from '../match/hostname';
import type { HostIndex } from '../match/host-index';
import type { Jurisdiction, Level, RiskModel } from '../assess/risk';
import type { Role } from '../dataset/schema';

export interface ObservedRequest {
  tabId: number;
  url: string;
  type: string;
  time: number;
  frameId: number;
  initiator?: string;
  ip?: string;
  /** The browser's id for the request, to attach the server IP when the response starts. */
  requestId?: string;
  /** Registrable domain of the page the tab shows, to tell first from third parties. */
  pageSite: string | null;
  /** Navigation time of the page the tab shows: a page's rows stay together when back/forward cache restores it. */
  page?: number;
  /** GET, POST …: the HAR of "Save evidence" says it. */
  method?: string;
  /** A main-frame request whose navigation never committed (a 204, a download, a stopped load). */
  uncommitted?: boolean;
}

export interface LogRow {
  tabId: number;
  time: number;
  /** The URL without query and fragment: enough to recognise an endpoint, less to leak if the log is exported. */
  url: string;
  host: string;
  site: string | null;
  type: string;
  frameId: number;
  initiator?: string;
  ip?: string;
  requestId?: string;
  /** GET, POST …, for the HAR of "Save evidence"; rows from before it lack it. */
  method?: string;
  /**
   * The query and fragment ("?id=1#x"), kept apart from `url`: the popup, the log and its exports never show them;
   * only "Save evidence" includes them, when the user asks and is warned that they may carry identifiers.
   */
  query?: string;
  /** The page the request was made on (see ObservedRequest.page); rows from before schema v2 may lack it. */
  page?: number;
  pageSite?: string | null;
  /**
   * The page tried to navigate there and the navigation never committed (a 204, a download, window.stop()): the row
   * is in the page's log, but the page loaded nothing from there, so it counts towards no company and no level.
   */
  uncommitted?: true;
  thirdParty: boolean;
  company: string | null;
  owner: string | null;
  role: Role | null;
  level: Level;
}

const MAX_URL = 512;
const MAX_QUERY = 2048;

export function toLogRow(req: ObservedRequest, index: HostIndex, risk: RiskModel, jurisdiction: Jurisdiction): LogRow | undefined {
  let parsed: URL;
  try {
    parsed = new URL(req.url);
  } catch {
    return undefined;
  }
  const host = canonicalHost(parsed.hostname);
  const site = siteOf(host);
  const match = index.lookup(host);
  const assessment = match && risk.assess(match.company.id, jurisdiction);
  const url = `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  return {
    tabId: req.tabId,
    time: req.time,
    url: url.length > MAX_URL ? url.slice(0, MAX_URL) : url,
    host,
    site,
    type: req.type,
    frameId: req.frameId,
    ...(req.initiator ? { initiator: req.initiator } : {}),
    ...(req.ip ? { ip: req.ip } : {}),
    ...(req.requestId ? { requestId: req.requestId } : {}),
    ...(req.method ? { method: req.method } : {}),
    ...(parsed.search || parsed.hash ? { query: (parsed.search + parsed.hash).slice(0, MAX_QUERY) } : {}),
    page: req.page ?? req.time,
    pageSite: req.pageSite,
    ...(req.uncommitted ? { uncommitted: true as const } : {}),
    thirdParty: site !== null ? site !== req.pageSite : host !== (req.pageSite ?? ''),
    company: match?.company.id ?? null,
    owner: assessment?.owner.id ?? null,
    role: match?.entry.role ?? null,
    level: assessment?.level ?? 'none',
  };
}
