// The request log as it crosses from the worker to the popup. Extension messages are copied as JSON, and a page
// that fired 5,000 requests would otherwise send 5,000 objects repeating the same hosts, types and companies under
// the same twelve keys (about 1.7 MB). Here every distinct string goes once into a table and each row is a handful
// of small numbers in columns, which cuts what is serialised, copied and parsed to a fraction; the popup unpacks it
// in a millisecond or two. Only what the report shows travels: the row's own IDs and page bookkeeping stay behind.
import { LEVELS, type Level } from '../assess/risk';
import type { LogRow } from './log-row';

/** One request as the popup shows it: the log's columns, its filters, and where the server answered from. */
export type ReportRow = Pick<LogRow, 'time' | 'url' | 'host' | 'type' | 'company' | 'level' | 'thirdParty'> & {
  ip?: string;
  /** ISO code, or "local", of the address the server answered from: observed, not where data ends up. */
  serverCountry?: string;
};

export interface PackedLog {
  /** Every distinct string the rows use, once; the columns below point into it. */
  strings: string[];
  /** The first row's time, then each row's difference to the one before (ms), which keeps the numbers short. */
  times: number[];
  /** Per row: the URL's origin (scheme, host, port) and the rest of it, split so origins are shared. */
  origins: number[];
  paths: number[];
  hosts: number[];
  types: number[];
  /** -1 where the field is empty. */
  companies: number[];
  ips: number[];
  countries: number[];
  /** Index into LEVELS. */
  levels: number[];
  /** 1 for a third-party request. */
  thirdParty: number[];
}

const NONE = -1;

/** Splits after the host and port: "https://a.example:8443/x/y" → ["https://a.example:8443", "/x/y"]. */
function splitUrl(url: string): [string, string] {
  const scheme = url.indexOf('//');
  const slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 2);
  return slash < 0 ? [url, ''] : [url.slice(0, slash), url.slice(slash)];
}

export function packLog(rows: readonly LogRow[], countryOf: (ip: string) => string | undefined = () => undefined): PackedLog {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const intern = (s: string | null | undefined): number => {
    if (s === null || s === undefined) return NONE;
    let id = ids.get(s);
    if (id === undefined) ids.set(s, (id = strings.push(s) - 1));
    return id;
  };
  const levelIds = new Map<Level, number>(LEVELS.map((l, i) => [l, i]));
  const n = rows.length;
  const log: PackedLog = {
    strings,
    times: new Array<number>(n),
    origins: new Array<number>(n),
    paths: new Array<number>(n),
    hosts: new Array<number>(n),
    types: new Array<number>(n),
    companies: new Array<number>(n),
    ips: new Array<number>(n),
    countries: new Array<number>(n),
    levels: new Array<number>(n),
    thirdParty: new Array<number>(n),
  };
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    const [origin, path] = splitUrl(row.url);
    log.times[i] = row.time - previous;
    previous = row.time;
    log.origins[i] = intern(origin);
    log.paths[i] = intern(path);
    log.hosts[i] = intern(row.host);
    log.types[i] = intern(row.type);
    log.companies[i] = intern(row.company);
    log.ips[i] = intern(row.ip);
    log.countries[i] = intern(row.ip === undefined ? undefined : countryOf(row.ip));
    log.levels[i] = levelIds.get(row.level) ?? 0;
    log.thirdParty[i] = row.thirdParty ? 1 : 0;
  }
  return log;
}

/**
 * A report as the worker sends it (the protocol's PackedTabReport) back with its rows: `requests` instead of `log`.
 * Generic over the report so this file need not import the protocol, which imports it.
 */
export function unpackReport<R extends { log: PackedLog }>({ log, ...report }: R): Omit<R, 'log'> & { requests: ReportRow[] } {
  return { ...report, requests: unpackLog(log) };
}

export function unpackLog(log: PackedLog): ReportRow[] {
  const s = log.strings;
  const rows = new Array<ReportRow>(log.times.length);
  let time = 0;
  for (let i = 0; i < rows.length; i++) {
    time += log.times[i]!;
    const company = log.companies[i]!;
    const ip = log.ips[i]!;
    const country = log.countries[i]!;
    const row: ReportRow = {
      time,
      url: s[log.origins[i]!]! + s[log.paths[i]!]!,
      host: s[log.hosts[i]!]!,
      type: s[log.types[i]!]!,
      company: company === NONE ? null : s[company]!,
      level: LEVELS[log.levels[i]!] ?? 'none',
      thirdParty: log.thirdParty[i] === 1,
    };
    if (ip !== NONE) row.ip = s[ip]!;
    if (country !== NONE) row.serverCountry = s[country]!;
    rows[i] = row;
  }
  return rows;
}
