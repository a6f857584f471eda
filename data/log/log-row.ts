// Turning one observed request into a log row is pure, so the background's hot path can be unit-tested and
// benchmarked without a browser. The browser-specific part (webRequest details) is mapped in by the caller.
import { parseRequestUrl, siteOfHost, type RequestUrl } from '../match/hostname';
import type { HostIndex, HostMatch } from '../match/host-index';
import type { CompanyAssessment, Jurisdiction, Level, RiskModel } from '../assess/risk';
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

/** What a row copies from the request itself; the page it belongs to comes apart (see logRowOf). */
export type RequestFields = Omit<ObservedRequest, 'pageSite' | 'page'>;

export function toLogRow(req: ObservedRequest, index: HostIndex, risk: RiskModel, jurisdiction: Jurisdiction): LogRow | undefined {
  return logRowOf(req, req.pageSite, req.page, index, risk, jurisdiction);
}

/**
 * toLogRow with the page passed apart, so the background's hot path need not copy each request into a new object
 * first. Only the named fields of `req` are read: whatever else it holds (the tracker's `document`) stays out.
 */
export function logRowOf(req: RequestFields, pageSite: string | null, page: number | undefined, index: HostIndex, risk: RiskModel, jurisdiction: Jurisdiction): LogRow | undefined {
  const parts = parseRequestUrl(req.url);
  if (!parts) return undefined;
  const match = index.lookup(parts.host);
  return rowOf(req, pageSite, page, parts, siteOfHost(parts.host, parts.plain), match, match && risk.assess(match.company.id, jurisdiction));
}

/** The row from what logRowOf found out; apart so `npm run bench` can time other ways of finding it out. */
export function rowOf(
  req: RequestFields,
  pageSite: string | null,
  page: number | undefined,
  parts: RequestUrl,
  site: string | null,
  match: HostMatch | undefined,
  assessment: CompanyAssessment | undefined,
): LogRow {
  const { host, base, query } = parts;
  // Optional fields are set after the fixed ones, only when present: no intermediate objects as spreads make.
  const row: LogRow = {
    tabId: req.tabId,
    time: req.time,
    url: base.length > MAX_URL ? base.slice(0, MAX_URL) : base,
    host,
    site,
    type: req.type,
    frameId: req.frameId,
    page: page ?? req.time,
    pageSite,
    thirdParty: site !== null ? site !== pageSite : host !== (pageSite ?? ''),
    company: match ? match.company.id : null,
    owner: assessment ? assessment.owner.id : null,
    role: match ? match.entry.role : null,
    level: assessment ? assessment.level : 'none',
  };
  if (req.initiator) row.initiator = req.initiator;
  if (req.ip) row.ip = req.ip;
  if (req.requestId) row.requestId = req.requestId;
  if (req.method) row.method = req.method;
  if (query) row.query = query.length > MAX_QUERY ? query.slice(0, MAX_QUERY) : query;
  if (req.uncommitted) row.uncommitted = true;
  return row;
}
