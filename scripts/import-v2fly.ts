// `npm run dataset:v2fly -- --dir DIR --commit SHA [--file data/dataset.json] [--dry-run]`
//
// Adds domain entries from v2fly/domain-list-community (MIT) company lists to the dataset, citing each list at the
// pinned commit (https://github.com/v2fly/domain-list-community/blob/SHA/data/NAME). Which list goes to which company,
// with which role and exclusions, is scripts/v2fly-lists.ts. For every list it reads the `domain:` lines and plain
// lines (which v2fly treats as domain rules) and follows `include:`; it skips full:/keyword:/regexp: rules, bare TLD
// rules ("google", "android": a registry is not every registrant), public suffixes (unless the role is cdn or
// cloud-provider), the research's exclusions, hosts the dataset already has from another source, and a subdomain whose
// parent entry already names the same company (it would change nothing).
//
// Idempotent: entries this script wrote earlier (their note starts with IMPORT_NOTE and they cite only v2fly) are
// replaced, so a second run with the same lists writes the same file. The dataset is validated before it is written.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INFRASTRUCTURE_ROLES, validateDataset, type Dataset, type DomainEntry, type Role } from '../data/dataset/schema';
import { normalizeHost, siteOf } from '../data/match/hostname';
import { V2FLY_LISTS, type ListMapping } from './v2fly-lists';

export const IMPORT_NOTE = 'Imported from v2fly/domain-list-community';
/** What the UI must say of a cloud or CDN host (issue 14): the provider carries the data, its customer decides. */
const INFRASTRUCTURE_NOTE = ' Infrastructure: data sent here reaches the provider, but its customer (the website operator) decides what is sent.';
const REPO = 'https://github.com/v2fly/domain-list-community/blob';

interface Rule {
  host: string;
  ads: boolean;
  /** The file the line is written in. */
  file: string;
}

/** One file's rules, as [kind, value, attributes]; comments and blank lines dropped. */
function parseList(text: string): [kind: string, value: string, attrs: string[]][] {
  const out: [string, string, string[]][] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [rule, ...rest] = line.split(/\s+/);
    const attrs = rest.filter((a) => a.startsWith('@'));
    const colon = rule!.indexOf(':');
    out.push(colon === -1 ? ['domain', rule!, attrs] : [rule!.slice(0, colon), rule!.slice(colon + 1), attrs]);
  }
  return out;
}

export function readRules(dir: string, list: string, skip: ReadonlySet<string>, seen = new Set<string>()): Rule[] {
  if (seen.has(list) || skip.has(list)) return [];
  seen.add(list);
  let text: string;
  try {
    text = readFileSync(join(dir, list), 'utf8');
  } catch {
    throw new Error(`${join(dir, list)}: no such v2fly list`);
  }
  const rules: Rule[] = [];
  for (const [kind, value, attrs] of parseList(text)) {
    if (kind === 'include') rules.push(...readRules(dir, value.replace(/@.*/, ''), skip, seen));
    else if (kind === 'domain') rules.push({ host: value.toLowerCase(), ads: attrs.includes('@ads'), file: list });
    // full:, keyword:, regexp: are not domains a company owns.
  }
  return rules;
}

export interface ImportResult {
  dataset: Dataset;
  added: number;
  removed: number;
  skipped: Record<string, number>;
  conflicts: string[];
}

export function importV2fly(input: Dataset, dir: string, commit: string, lists: ListMapping[] = V2FLY_LISTS, asOf = input.date): ImportResult {
  const d = structuredClone(input);
  const ours = (e: DomainEntry) => (e.note ?? '').startsWith(IMPORT_NOTE) && e.sources.every((s) => s.startsWith(`${REPO}/`));
  const before = d.domains.length;
  d.domains = d.domains.filter((e) => !ours(e));
  const removed = before - d.domains.length;
  const companies = new Set(d.companies.map((c) => c.id));
  const parentOf = new Map(d.companies.map((c) => [c.id, c.parent]));
  const top = (id: string) => {
    const seen = new Set<string>();
    for (let p = parentOf.get(id); p && !seen.has(id); p = parentOf.get(id)) {
      seen.add(id);
      id = p;
    }
    return id;
  };
  const byHost = new Map(d.domains.map((e) => [e.host, e]));
  const skipped: Record<string, number> = {};
  const skip = (why: string) => {
    skipped[why] = (skipped[why] ?? 0) + 1;
  };
  const conflicts: string[] = [];
  const added: DomainEntry[] = [];
  const url = (list: string) => `${REPO}/${commit}/data/${list}`;
  /** The entry of the nearest parent domain of host, if any. */
  const parentEntry = (host: string) => {
    for (let i = host.indexOf('.'); i !== -1 && host.indexOf('.', i + 1) !== -1; i = host.indexOf('.', i + 1)) {
      const e = byHost.get(host.slice(i + 1));
      if (e) return e;
    }
    return undefined;
  };
  for (const m of lists) {
    if (!companies.has(m.company)) {
      conflicts.push(`list ${m.list}: company "${m.company}" is not in the dataset; list not imported`);
      continue;
    }
    const exclude = new Set(m.exclude ?? []);
    for (const r of readRules(dir, m.list, new Set(m.skip ?? []))) {
      const host = normalizeHost(r.host);
      if (host === null || !host.includes('.')) {
        skip('bare TLD or not a host name');
        continue;
      }
      if (exclude.has(host)) {
        skip('excluded by the research');
        continue;
      }
      const role: Role = r.ads ? 'ads' : m.role;
      if (siteOf(host) === null && !INFRASTRUCTURE_ROLES.includes(role)) {
        skip('public suffix');
        continue;
      }
      const have = byHost.get(host);
      if (have) {
        // Within one group the dataset's more specific company stands (v2fly's alibaba list also lists AliExpress's hosts).
        if (top(have.company) !== top(m.company)) conflicts.push(`${host}: v2fly ${r.file} says ${m.company}; the dataset keeps ${have.company}`);
        skip('already in the dataset');
        continue;
      }
      if (parentEntry(host)?.company === m.company) {
        skip('covered by its parent entry');
        continue;
      }
      const sources = r.file === m.list ? [url(r.file)] : [url(r.file), url(m.list)];
      const via = r.file === m.list ? '' : `, included by its ${m.list} list`;
      const e: DomainEntry = {
        host,
        company: m.company,
        role,
        sources,
        asOf,
        confidence: 'confirmed',
        note: `${IMPORT_NOTE}: the ${r.file} list${via}${r.ads ? ' (@ads)' : ''}.${INFRASTRUCTURE_ROLES.includes(role) ? INFRASTRUCTURE_NOTE : ''}`,
      };
      added.push(e);
      byHost.set(host, e);
    }
  }
  d.domains.push(...added);
  return { dataset: d, added: added.length, removed, skipped, conflicts };
}

function main() {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i === -1 ? undefined : args[i + 1];
  };
  const dir = opt('--dir');
  const commit = opt('--commit');
  const file = opt('--file') ?? 'data/dataset.json';
  if (!dir || !commit || !/^[0-9a-f]{40}$/.test(commit)) {
    console.error('usage: npm run dataset:v2fly -- --dir /path/to/domain-list-community/data --commit <40-hex commit of that checkout> [--file data/dataset.json] [--dry-run]');
    process.exit(2);
  }
  try {
    readdirSync(dir);
  } catch {
    console.error(`${dir}: not a directory`);
    process.exit(2);
  }
  const text = readFileSync(file, 'utf8');
  const result = importV2fly(JSON.parse(text) as Dataset, dir, commit);
  const check = validateDataset(result.dataset);
  if (!check.ok) {
    for (const p of check.problems.slice(0, 20)) console.error(`${file}: ${p}`);
    console.error(`${file}: the imported dataset is invalid (${check.problems.length} problems); nothing written`);
    process.exit(1);
  }
  for (const c of result.conflicts) console.log(`note: ${c}`);
  const skipped = Object.entries(result.skipped).map(([why, n]) => `${n} ${why}`).join(', ');
  console.log(`${file}: ${result.added} v2fly entries (${result.removed} earlier import entries replaced); skipped ${skipped}; ${result.dataset.domains.length} domain entries in all`);
  if (!args.includes('--dry-run')) writeFileSync(file, `${JSON.stringify(result.dataset, null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
