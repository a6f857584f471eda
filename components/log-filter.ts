// The request log's filter is pure so it can be tested without rendering and kept cheap for 5,000+ rows: each row's
// search text is built once per report, and only when someone first searches, so opening the popup never pays it.
import type { ReportRow } from '@/data/log/packed-log';
import type { Level } from '@/data/assess/risk';

/** '' means "any"; NO_COMPANY selects rows no company in the dataset claims. */
export interface LogFilter {
  level: Level | '';
  company: string;
  type: string;
  text: string;
}

export const NO_COMPANY = '-';
export const EMPTY_FILTER: LogFilter = { level: '', company: '', type: '', text: '' };

/** Per row: host, URL, type, company name and level, lower-cased, which is what the text search looks in. */
export function searchTexts(rows: readonly ReportRow[], companyName: (id: string) => string | undefined): string[] {
  return rows.map((row) => {
    const name = row.company ? (companyName(row.company) ?? row.company) : '';
    return `${row.host} ${row.url} ${row.type} ${name} ${row.level}`.toLowerCase();
  });
}

/** The rows the filter lets through, in order; `texts` is asked for only when the filter has search words. */
export function filterRows(rows: ReportRow[], f: LogFilter, texts: () => readonly string[]): ReportRow[] {
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  if (!f.level && !f.company && !f.type && words.length === 0) return rows;
  const haystacks = words.length > 0 ? texts() : [];
  return rows.filter((row, i) => {
    if (f.level && row.level !== f.level) return false;
    if (f.company && (f.company === NO_COMPANY ? row.company !== null : row.company !== f.company)) return false;
    if (f.type && row.type !== f.type) return false;
    return words.every((w) => haystacks[i]!.includes(w));
  });
}

/** The values present in the log, for the filter menus: never offer a choice that can only show nothing. */
export function optionsOf(rows: ReportRow[], companyName: (id: string) => string | undefined) {
  const types = [...new Set(rows.map((r) => r.type))].sort();
  const ids = [...new Set(rows.map((r) => r.company).filter((c): c is string => c !== null))];
  const companies = ids.map((id) => ({ id, name: companyName(id) ?? id })).sort((a, b) => a.name.localeCompare(b.name));
  const unattributed = rows.some((r) => r.company === null);
  return { types, companies, unattributed };
}
