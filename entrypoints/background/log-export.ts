// Export and clear of the request log by tab, site or everything. Exported rows spell out names and times, so the
// file reads without the dataset; CSV goes through papaparse (quoting, and formulae neutralised for spreadsheets).
import Papa from 'papaparse';
import type { LogRow } from '@/data/log/log-row';
import type { LogExport, LogScope } from '@/data/protocol';
import type { Engine } from './engine';
import { allRows, deleteAllRows, deleteSiteRows, deleteTabRows, rowsOfSite, rowsOfTab, type LogDB } from './log-db';
import type { TabTracker } from './tab-tracker';

export const EXPORT_COLUMNS = [
  'time',
  'tabId',
  'pageSite',
  'host',
  'url',
  'type',
  'frameId',
  'initiator',
  'ip',
  'thirdParty',
  'company',
  'owner',
  'role',
  'level',
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number | boolean | null>;

function readableRow(row: LogRow, companyName: (id: string) => string | undefined): ExportRow {
  return {
    time: new Date(row.time).toISOString(),
    tabId: row.tabId,
    pageSite: row.pageSite ?? null,
    host: row.host,
    url: row.url,
    type: row.type,
    frameId: row.frameId,
    initiator: row.initiator ?? null,
    ip: row.ip ?? null,
    thirdParty: row.thirdParty,
    company: row.company ? (companyName(row.company) ?? row.company) : null,
    owner: row.owner ? (companyName(row.owner) ?? row.owner) : null,
    role: row.role,
    level: row.level,
  };
}

/**
 * The rows a scope covers. A private tab's rows are only in memory and leave it only when that tab's own log is
 * exported: an export of a site or of everything is a file on disk, and must not carry private browsing.
 */
async function rowsInScope(db: LogDB, tracker: TabTracker, scope: LogScope): Promise<LogRow[]> {
  await tracker.flush();
  if ('tabId' in scope) return tracker.isPrivate(scope.tabId) ? tracker.privateRowsOf(scope.tabId) : rowsOfTab(db, scope.tabId);
  if ('site' in scope) return rowsOfSite(db, scope.site);
  return allRows(db);
}

export async function buildLogExport(db: LogDB, tracker: TabTracker, engine: Engine, scope: LogScope, format: 'json' | 'csv', now = new Date()): Promise<LogExport> {
  const names = new Map(engine.dataset.companies.map((c) => [c.id, c.name]));
  const rows = (await rowsInScope(db, tracker, scope)).map((r) => readableRow(r, (id) => names.get(id)));
  const label = 'tabId' in scope ? `tab-${scope.tabId}` : 'site' in scope ? scope.site.replace(/[^a-z0-9.-]/gi, '_') : 'all';
  const base = `borderline-log-${label}-${now.toISOString().slice(0, 10)}`;
  if (format === 'csv') {
    const text = Papa.unparse({ fields: [...EXPORT_COLUMNS], data: rows }, { escapeFormulae: true, newline: '\r\n' });
    return { filename: `${base}.csv`, mime: 'text/csv', text, rows: rows.length };
  }
  const text = JSON.stringify({ exportedAt: now.toISOString(), scope, dataset: { version: engine.info.version, date: engine.info.date }, rows }, null, 2);
  return { filename: `${base}.json`, mime: 'application/json', text, rows: rows.length };
}

export async function clearLogScope(db: LogDB, tracker: TabTracker, scope: LogScope): Promise<number> {
  await tracker.flush();
  if ('tabId' in scope) {
    const inMemory = tracker.isPrivate(scope.tabId) ? tracker.privateRowsOf(scope.tabId).length : 0;
    const deleted = inMemory + (await deleteTabRows(db, scope.tabId));
    tracker.forgetCounts((s) => s.tabId === scope.tabId);
    await tracker.flush();
    return deleted;
  }
  if ('site' in scope) {
    const deleted = await deleteSiteRows(db, scope.site);
    tracker.forgetCounts((s) => s.site === scope.site);
    await tracker.flush();
    return deleted;
  }
  const deleted = await deleteAllRows(db);
  tracker.forgetCounts(() => true);
  await tracker.flush();
  return deleted;
}
