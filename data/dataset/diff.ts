// What an update changes, by stable key: companies and actions by id, domains by host. "Changed" means any field
// differs, so a preview never hides an edit behind an unchanged name.
import type { Dataset } from './schema';

export interface DiffItem {
  key: string;
  /** A human label (company or action name); shown as text. */
  label: string;
}

export interface Changes {
  added: DiffItem[];
  removed: DiffItem[];
  changed: DiffItem[];
}

export interface DatasetDiff {
  companies: Changes;
  domains: Changes;
  actions: Changes;
  destinations: { before: number; after: number };
  /** Semantic-version order of the incoming dataset against the one in force. */
  version: 'newer' | 'same' | 'older';
}

function changes<T>(before: T[], after: T[], key: (x: T) => string, label: (x: T) => string): Changes {
  const old = new Map(before.map((x) => [key(x), x]));
  const now = new Map(after.map((x) => [key(x), x]));
  const out: Changes = { added: [], removed: [], changed: [] };
  for (const [k, x] of now) {
    const prev = old.get(k);
    if (!prev) out.added.push({ key: k, label: label(x) });
    else if (JSON.stringify(prev) !== JSON.stringify(x)) out.changed.push({ key: k, label: label(x) });
  }
  for (const [k, x] of old) if (!now.has(k)) out.removed.push({ key: k, label: label(x) });
  return out;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

export function diffDatasets(before: Dataset, after: Dataset): DatasetDiff {
  const cmp = compareVersions(after.version, before.version);
  return {
    companies: changes(before.companies, after.companies, (c) => c.id, (c) => c.name),
    domains: changes(before.domains, after.domains, (d) => d.host, (d) => `${d.host} → ${d.company}`),
    actions: changes(before.actions, after.actions, (a) => a.id, (a) => `${a.date} ${a.authority}: ${a.kind}`),
    destinations: { before: before.destinations.length, after: after.destinations.length },
    version: cmp > 0 ? 'newer' : cmp < 0 ? 'older' : 'same',
  };
}

export function isEmptyDiff(d: DatasetDiff): boolean {
  return [d.companies, d.domains, d.actions].every((c) => !c.added.length && !c.removed.length && !c.changed.length) &&
    d.destinations.before === d.destinations.after;
}
