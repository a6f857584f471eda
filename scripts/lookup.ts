// `npm run lookup -- HOST...` (or hosts on stdin): one JSON line per host with its company, owner, role and risk.
// `npm run lookup -- --fixtures tests/fixtures/hosts.json`: runs the expected-owner table instead; exits 1 on any mismatch.
// `npm run lookup -- --ip ADDR [--ip ADDR...]`: the observed server country of an address, from the offline table.
import { readFileSync } from 'node:fs';
import { decodeIpTable, lookupIp } from '../data/match/ip-table';
import { buildIpTable } from './build-ip-table';
import { HostIndex } from '../data/match/host-index';
import { normalizeHost, siteOf } from '../data/match/hostname';
import { parseDatasetText } from '../data/dataset/parse';
import { JURISDICTIONS, RiskModel, type Jurisdiction } from '../data/assess/risk';

const args = process.argv.slice(2);
let jurisdiction: Jurisdiction = 'EEA';
let fixtures: string | undefined;
const hosts: string[] = [];
const ips: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--jurisdiction') {
    const j = args[++i] ?? '';
    if (!(JURISDICTIONS as readonly string[]).includes(j)) {
      console.error(`--jurisdiction must be one of ${JURISDICTIONS.join(', ')}`);
      process.exit(2);
    }
    jurisdiction = j as Jurisdiction;
  } else if (a === '--fixtures') {
    fixtures = args[++i];
    if (!fixtures) {
      console.error('--fixtures needs a file, e.g. tests/fixtures/hosts.json');
      process.exit(2);
    }
  } else if (a === '--ip') {
    const ip = args[++i];
    if (!ip) {
      console.error('--ip needs an address, e.g. --ip 8.8.8.8');
      process.exit(2);
    }
    ips.push(ip);
  } else hosts.push(a);
}
if (ips.length > 0) {
  const table = decodeIpTable(readFileSync(buildIpTable()));
  let bad = 0;
  for (const ip of ips) {
    const where = lookupIp(table, ip);
    if (!where) bad++;
    console.log(JSON.stringify({ ip, observed: where ?? null, ...(where ? {} : { error: 'not an IP address' }), table: table.version }));
  }
  if (hosts.length === 0) process.exit(bad ? 1 : 0);
}
if (hosts.length === 0 && fixtures === undefined) hosts.push(...readFileSync(0, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean));

const parsed = parseDatasetText(readFileSync(new URL('../data/dataset.json', import.meta.url), 'utf8'));
if (!parsed.ok) {
  console.error(parsed.problems.join('\n'));
  process.exit(1);
}
const index = new HostIndex(parsed.dataset);
const risk = new RiskModel(parsed.dataset);
if (fixtures !== undefined) process.exit(runFixtures(fixtures));
for (const input of hosts) {
  const host = normalizeHost(input);
  const match = host ? index.lookup(host) : undefined;
  const assessment = match && risk.assess(match.company.id, jurisdiction);
  console.log(
    JSON.stringify({
      host: host ?? input,
      site: host ? siteOf(host) : null,
      company: match ? { id: match.company.id, name: match.company.name } : null,
      owner: assessment ? { id: assessment.owner.id, name: assessment.owner.name } : null,
      role: match?.entry.role ?? null,
      risk: assessment?.level ?? 'none',
    }),
  );
}

/** Each case: { host, owner (top of the parent chain, or null for no match), company? }. Prints mismatches; returns the exit code. */
function runFixtures(file: string): number {
  let cases: { host: string; owner: string | null; company?: string; note?: string }[];
  try {
    cases = (JSON.parse(readFileSync(file, 'utf8')) as { cases: typeof cases }).cases;
  } catch (e) {
    console.error(`${file}: cannot read the fixtures table (${e instanceof Error ? e.message : String(e)})`);
    return 2;
  }
  let failed = 0;
  for (const c of cases) {
    const host = normalizeHost(c.host);
    const match = host ? index.lookup(host) : undefined;
    const owner = match ? (risk.chainOf(match.company.id).at(-1)?.id ?? null) : null;
    const company = match?.company.id ?? null;
    if (owner !== c.owner || (c.company !== undefined && company !== c.company)) {
      failed++;
      console.log(`FAIL ${JSON.stringify(c.host)}: expected owner ${c.owner}${c.company ? ` / company ${c.company}` : ''}, got ${owner} / ${company} (entry ${match?.entry.host ?? 'none'})${c.note ? ` - ${c.note}` : ''}`);
    }
  }
  const negatives = cases.filter((c) => c.owner === null).length;
  console.log(`${file}: ${cases.length - failed}/${cases.length} passed (${negatives} must-not-match cases)${failed ? `, ${failed} FAILED` : ''}`);
  return failed ? 1 : 0;
}
