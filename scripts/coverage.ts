// `npm run coverage [-- FILE.tsv] [--owners FILE.json]`: how much of the web's common third parties Borderline names.
//
// Reads the ranked third-party domains of ../shared/reference/top-domains.tsv (columns `domain` and `prevalence`, the
// share of sites that load it; the file is not in the repository, so this is a maintainer command, not a CI step) and
// our own expected-owner table, tests/fixtures/top-domain-owners.json (today's owner of each domain, with a source for
// the acquisitions that made older lists stale). The TSV's own owner columns come from CC BY-NC-SA lists: they are
// never used here, and never copied into the repository. For each domain it looks the host up in the bundled dataset, as the extension does, and counts:
// attributed (some company matches), right owner (the top of the parent chain is the expected owner), owner HQ present
// (that owner has a headquarters country). Shares are given weighted by prevalence and plain; the domains it misses
// are listed; the last line is one JSON object.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { parseDatasetText } from '../data/dataset/parse';
import type { Company } from '../data/dataset/schema';
import { HostIndex } from '../data/match/host-index';
import { normalizeHost } from '../data/match/hostname';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const ownersAt = args.indexOf('--owners');
const ownersFile = ownersAt === -1 ? resolve(root, 'tests/fixtures/top-domain-owners.json') : resolve(args[ownersAt + 1] ?? '');
const positional = args.filter((a, i) => !a.startsWith('--') && (ownersAt === -1 || i !== ownersAt + 1));
const tsvFile = resolve(positional[0] ?? resolve(root, '../shared/reference/top-domains.tsv'));

function fail(message: string): never {
  console.error(message);
  console.log(JSON.stringify({ error: message }));
  process.exit(2);
}

if (!existsSync(tsvFile)) {
  fail(`${tsvFile}: not found. The ranked third-party list is not in the repository (its owner columns are CC BY-NC-SA); ` +
    'run this from a checkout next to ../shared/reference/, or give the path: npm run coverage -- PATH/top-domains.tsv');
}

interface Expected {
  owner: string | null;
  company?: string;
  sources?: string[];
  acquisition?: { note: string; sources: string[] };
  note?: string;
}
const owners = (JSON.parse(readFileSync(ownersFile, 'utf8')) as { domains: Record<string, Expected> }).domains;

const rows = Papa.parse<Record<string, string>>(readFileSync(tsvFile, 'utf8'), { header: true, delimiter: '\t', skipEmptyLines: true });
if (!rows.meta.fields?.includes('domain') || !rows.meta.fields.includes('prevalence')) fail(`${tsvFile}: needs the columns "domain" and "prevalence"`);

const parsed = parseDatasetText(readFileSync(resolve(root, 'data/dataset.json'), 'utf8'));
if (!parsed.ok) fail(`data/dataset.json is invalid: ${parsed.problems[0]}`);
const dataset = parsed.dataset;
const index = new HostIndex(dataset);
const byId = new Map(dataset.companies.map((c) => [c.id, c]));
const ownerOf = (c: Company) => {
  const seen = new Set<string>();
  while (c.parent && !seen.has(c.id) && byId.has(c.parent)) {
    seen.add(c.id);
    c = byId.get(c.parent)!;
  }
  return c;
};

interface Tally {
  domains: number;
  weight: number;
}
const zero = (): Tally => ({ domains: 0, weight: 0 });
const total = zero();
const attributed = zero();
const right = zero();
const hq = zero();
const add = (t: Tally, w: number) => {
  t.domains += 1;
  t.weight += w;
};
const missed: string[] = [];
const wrong: string[] = [];
const noHq: string[] = [];
const unlisted: string[] = [];

for (const row of rows.data) {
  const host = normalizeHost(row.domain ?? '');
  const w = Number(row.prevalence);
  if (!host || !Number.isFinite(w)) continue;
  add(total, w);
  const expected = owners[host];
  if (!expected) unlisted.push(host);
  const match = index.lookup(host);
  if (!match) {
    missed.push(`${host} (${w})${expected?.note ? `: ${expected.note}` : ''}`);
    continue;
  }
  add(attributed, w);
  const owner = ownerOf(match.company);
  if (expected && owner.id === expected.owner) add(right, w);
  else wrong.push(`${host} (${w}): ${owner.id}, expected ${expected ? expected.owner : '(not in the owner table)'}`);
  if (owner.hq !== null) add(hq, w);
  else noHq.push(`${host} (${w}): owner ${owner.id} has no sourced headquarters`);
}

const pct = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10);
const line = (name: string, t: Tally, of: Tally) =>
  `${name.padEnd(28)} ${String(pct(t.weight, of.weight)).padStart(5)} % of the summed prevalence   ${String(pct(t.domains, of.domains)).padStart(5)} % of the domains (${t.domains}/${of.domains})`;

console.log(`${tsvFile}: ${total.domains} domains, summed prevalence ${total.weight.toFixed(3)}; dataset ${dataset.version} (${dataset.date})`);
console.log(line('attributed', attributed, total));
console.log(line('attributed to the right owner', right, total));
console.log(line('owner HQ present (of attrib.)', hq, attributed));
const list = (title: string, items: string[]) => items.length && console.log(`\n${title} (${items.length}):\n  ${items.join('\n  ')}`);
list('Not attributed', missed);
list('Attributed to another owner than expected', wrong);
list('Attributed, owner without headquarters', noHq);
list('Not in tests/fixtures/top-domain-owners.json', unlisted);
console.log(
  JSON.stringify({
    domains: total.domains,
    attributed: { weighted: pct(attributed.weight, total.weight), plain: pct(attributed.domains, total.domains) },
    rightOwner: { weighted: pct(right.weight, total.weight), plain: pct(right.domains, total.domains) },
    ownerHq: { weighted: pct(hq.weight, attributed.weight), plain: pct(hq.domains, attributed.domains) },
    missed: missed.map((m) => m.split(' ')[0]),
    wrongOwner: wrong.map((m) => m.split(' ')[0]),
    noHq: noHq.map((m) => m.split(' ')[0]),
  }),
);
