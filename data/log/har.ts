// The page's request log as a HAR 1.2 file: the format browsers' developer tools export and regulators receive.
// One entry per request Borderline logged for the page, nothing more: Borderline sees when a request began, its
// method, URL, type, and the server's address and status when the response started, never headers or bodies, so
// those fields are empty and say so. Query strings and fragments are cut unless the user asks to keep them (they
// may carry identifiers). Borderline's attribution of each entry goes in the custom `_borderline` field that the
// HAR spec allows for extensions (fields starting with "_").
import type { CompanyAssessment, DestinationStatus, Jurisdiction, Level } from '../assess/risk';
import type { ReportRow } from './packed-log';

/** A logged request as evidence reads it: the report's row, with what the worker knows beyond it where it does. */
export type EvidenceRow = ReportRow & {
  method?: string;
  status?: number;
  /** "?a=1#x": the part of the URL the log keeps apart (only sent when the user asks to keep it). */
  query?: string;
};

export interface HarNameVersion {
  name: string;
  version: string;
}

export interface HarInput {
  pageUrl: string | null;
  site: string | null;
  rows: readonly EvidenceRow[];
  /** Every company the rows name, assessed for the user's jurisdiction. */
  assessments: ReadonlyMap<string, CompanyAssessment>;
  jurisdiction: Jurisdiction;
  dataset: { version: string; date: string };
  creator: HarNameVersion;
  browser: HarNameVersion;
  keepQuery: boolean;
  /** When the evidence was saved (ms since the epoch). */
  savedAt: number;
}

export interface BorderlineDestination {
  country: string;
  status: DestinationStatus;
  kind: string;
  statedBy: string;
  basis?: string;
  sources: string[];
}

/** What the dataset says about one entry's recipient: the company, its owner and HQ, where it says data goes. */
export interface BorderlineEntry {
  company: { id: string; name: string; legalName: string; hq: string | null } | null;
  owner: { id: string; name: string; legalName: string; hq: string | null } | null;
  /** The level for the user's jurisdiction; "none" for a host no company in the dataset claims. */
  status: Level;
  jurisdiction: Jurisdiction;
  disclosedDestinations: BorderlineDestination[];
  thirdParty: boolean;
  resourceType: string;
  /** ISO code, or "local", of the server's address: observed, not where the data ends up. */
  serverCountry?: string;
  datasetVersion: string;
}

export interface HarEntry {
  pageref: string;
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: [];
    headers: [];
    queryString: { name: string; value: string }[];
    headersSize: number;
    bodySize: number;
    comment?: string;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: [];
    headers: [];
    content: { size: number; mimeType: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
    comment?: string;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  serverIPAddress?: string;
  _resourceType: string;
  _borderline: BorderlineEntry;
}

export interface Har {
  log: {
    version: '1.2';
    creator: HarNameVersion;
    browser: HarNameVersion;
    pages: { startedDateTime: string; id: string; title: string; pageTimings: Record<string, never>; comment?: string }[];
    entries: HarEntry[];
    comment: string;
    _borderline: {
      site: string | null;
      pageUrl: string | null;
      jurisdiction: Jurisdiction;
      dataset: { version: string; date: string };
      savedAt: string;
      queryStrings: 'redacted' | 'kept';
    };
  };
}

const PAGE_ID = 'page_1';

/** The URL without query and fragment: what the log keeps, and what the HAR says by default. */
export function redactUrl(url: string): string {
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : url.slice(0, cut);
}

function queryPairs(query: string): { name: string; value: string }[] {
  const search = query.split('#')[0]!;
  if (!search.startsWith('?')) return [];
  try {
    return [...new URLSearchParams(search)].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

const IP = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*)$/;

function attribution(row: EvidenceRow, input: HarInput): BorderlineEntry {
  const a = row.company ? input.assessments.get(row.company) : undefined;
  const person = (c: CompanyAssessment['company']) => ({ id: c.id, name: c.displayName ?? c.name, legalName: c.name, hq: c.hq });
  return {
    company: a ? person(a.company) : null,
    owner: a ? person(a.owner) : null,
    status: a?.level ?? 'none',
    jurisdiction: input.jurisdiction,
    disclosedDestinations: (a?.destinations ?? [])
      .filter((d) => d.current)
      .map((d) => ({
        country: d.destination.country,
        status: d.status,
        kind: d.destination.kind,
        statedBy: d.destination.statedBy,
        ...(d.destination.basis ? { basis: d.destination.basis } : {}),
        sources: d.destination.sources,
      })),
    thirdParty: row.thirdParty,
    resourceType: row.type,
    ...(row.serverCountry ? { serverCountry: row.serverCountry } : {}),
    datasetVersion: input.dataset.version,
  };
}

function entryOf(row: EvidenceRow, input: HarInput): HarEntry {
  const base = redactUrl(row.url);
  const query = input.keepQuery && row.query ? row.query : '';
  return {
    pageref: PAGE_ID,
    startedDateTime: new Date(row.time).toISOString(),
    time: 0,
    request: {
      method: row.method ?? 'GET',
      url: base + query,
      httpVersion: '',
      cookies: [],
      headers: [],
      queryString: queryPairs(query),
      headersSize: -1,
      bodySize: -1,
      comment: row.method ? 'Headers and body are not recorded by Borderline.' : 'Method not recorded (logged before Borderline recorded it; shown as GET); headers and body are not recorded by Borderline.',
    },
    response: {
      status: row.status ?? 0,
      statusText: '',
      httpVersion: '',
      cookies: [],
      headers: [],
      content: { size: 0, mimeType: '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      ...(row.status === undefined ? { comment: 'Status not recorded (0); the response is not recorded by Borderline.' } : {}),
    },
    cache: {},
    // Borderline records when a request began, not how long it took.
    timings: { send: 0, wait: 0, receive: 0 },
    ...(row.ip && IP.test(row.ip) ? { serverIPAddress: row.ip } : {}),
    _resourceType: row.type,
    _borderline: attribution(row, input),
  };
}

export function buildHar(input: HarInput): Har {
  const entries = [...input.rows].sort((a, b) => a.time - b.time).map((row) => entryOf(row, input));
  const started = entries[0]?.startedDateTime ?? new Date(input.savedAt).toISOString();
  return {
    log: {
      version: '1.2',
      creator: input.creator,
      browser: input.browser,
      pages: [{ startedDateTime: started, id: PAGE_ID, title: input.pageUrl ? redactUrl(input.pageUrl) : (input.site ?? ''), pageTimings: {} }],
      entries,
      comment:
        'The requests Borderline logged for this page. An observed request is evidence that the page sent data to that host and company, ' +
        'not of where the company stores it; the _borderline fields say what the dataset says (company, owner, headquarters, disclosed ' +
        'destinations, status for the jurisdiction), each destination with its sources.',
      _borderline: {
        site: input.site,
        pageUrl: input.pageUrl ? (input.keepQuery ? input.pageUrl : redactUrl(input.pageUrl)) : null,
        jurisdiction: input.jurisdiction,
        dataset: input.dataset,
        savedAt: new Date(input.savedAt).toISOString(),
        queryStrings: input.keepQuery ? 'kept' : 'redacted',
      },
    },
  };
}

/** The exact text written to the .har file: the SHA-256 in the report is over these bytes (UTF-8). */
export const harText = (har: Har) => `${JSON.stringify(har, null, 2)}\n`;

/** Lower-case hex SHA-256 of the text's UTF-8 bytes, with WebCrypto (in browsers and Node alike). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** borderline-evidence-www.spiegel.de-2026-12-01T23-50-07Z.har and .html: the site and the moment, safe in any file system. */
export function evidenceFileNames(site: string | null, savedAt: number): { har: string; report: string } {
  const stamp = new Date(savedAt).toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const name = (site ?? 'page').replace(/[^a-z0-9.-]/gi, '_');
  const stem = `borderline-evidence-${name}-${stamp}`;
  return { har: `${stem}.har`, report: `${stem}.html` };
}
