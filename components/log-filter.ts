// The request log's filter is pure so it can be tested without rendering and kept cheap for 5,000+ rows: each row's
// search text is built once per report, not on every key press.
import type { LogRow } from '@/data/log-row';
import type { Level } from '@/data/risk';

/** '' means "any"; NO_COMPANY selects rows no company in the dataset claims. */
export interface LogFilter {
  level: Level | '';
  company: string;
  type: string;
  text: string;
}

export const NO_COMPANY = '-';
export const EMPTY_FILTER: LogFilter = { level: '', company: '', type: '', text: '' };

export interface IndexedRow {
  row: LogRow;
  /** Host, URL, type, company name and level, lower-cased. */
  haystack: string;
}

export function indexRows(rows: LogRow[], companyName: (id: string) => string | undefined): IndexedRow[] {
  return rows.map((row) => {
    const name = row.company ? (companyName(row.company) ?? row.company) : '';
    return { row, haystack: `${row.host} ${row.url} ${row.type} ${name} ${row.level}`.toLowerCase() };
  });
}

export function filterRows(rows: IndexedRow[], f: LogFilter): IndexedRow[] {
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  if (!f.level && !f.company && !f.type && words.length === 0) return rows;
  return rows.filter(({ row, haystack }) => {
    if (f.level && row.level !== f.level) return false;
    if (f.company && (f.company === NO_COMPANY ? row.company !== null : row.company !== f.company)) return false;
    if (f.type && row.type !== f.type) return false;
    return words.every((w) => haystack.includes(w));
  });
}

/** The values present in the log, for the filter menus: never offer a choice that can only show nothing. */
export function optionsOf(rows: LogRow[], companyName: (id: string) => string | undefined) {
  const types = [...new Set(rows.map((r) => r.type))].sort();
  const ids = [...new Set(rows.map((r) => r.company).filter((c): c is string => c !== null))];
  const companies = ids.map((id) => ({ id, name: companyName(id) ?? id })).sort((a, b) => a.name.localeCompare(b.name));
  const unattributed = rows.some((r) => r.company === null);
  return { types, companies, unattributed };
}
