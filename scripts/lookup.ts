// `npm run lookup -- HOST|URL...` (or one per line on stdin): one JSON line per input with its company, owner (each
// with its headquarters country), role, risk and why (the reasons in English, through the same message texts as the
// popup); input that names no host gets an `error` instead.
// `npm run lookup -- --fixtures tests/fixtures/hosts.json`: runs the expected-owner table instead; exits 1 on any mismatch.
// `npm run lookup -- --ip ADDR [--ip ADDR...]`: the observed server country of an address, from the offline table.
// Exit status: 0 when something was looked up, 1 when every input was bad, 2 for a usage error (scripts/lookup/args.ts).
import { readFileSync } from 'node:fs';
import { decodeIpTable, lookupIp } from '../data/match/ip-table';
import { buildIpTable } from './build-ip-table';
import { HostIndex } from '../data/match/host-index';
import { normalizeHost, siteOf } from '../data/match/hostname';
import { parseDatasetText } from '../data/dataset/parse';
import type { Company } from '../data/dataset/schema';
import { reasonsText } from '../data/assess/localized-text';
import { RiskModel, type CertificationView } from '../data/assess/risk';
import { translator } from '../data/i18n/translator';
import en from '../public/_locales/en/messages.json';
import { hostOfInput, inputSource, inputsFromText, parseLookupArgs, USAGE } from './lookup/args';

const print = (line: object) => console.log(JSON.stringify(line));

const args = parseLookupArgs(process.argv.slice(2));
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (args.fatal) {
  print({ error: args.fatal });
  console.error(USAGE);
  process.exit(2);
}
const inputs = [...args.inputs];
const source = inputSource(args, process.stdin.isTTY === true);
if (source === 'usage') {
  console.error(USAGE);
  process.exit(2);
}
if (source === 'stdin') {
  inputs.push(...inputsFromText(readFileSync(0, 'utf8')));
  if (inputs.length === 0) {
    print({ error: 'no host given: pass hosts or URLs as arguments or one per line on stdin' });
    console.error(USAGE);
    process.exit(2);
  }
}

let lookedUp = 0;
for (const r of args.rejected) print({ input: r.input, host: null, error: r.error });

if (args.ips.length > 0) {
  const table = decodeIpTable(readFileSync(buildIpTable()));
  for (const ip of args.ips) {
    const where = lookupIp(table, ip);
    if (where) lookedUp++;
    print({ ip, observed: where ?? null, ...(where ? {} : { error: 'not an IP address' }), table: table.version });
  }
}

const parsed = parseDatasetText(readFileSync(new URL('../data/dataset.json', import.meta.url), 'utf8'));
if (!parsed.ok) {
  console.error(parsed.problems.join('\n'));
  process.exit(1);
}
const english = translator(en);
const index = new HostIndex(parsed.dataset);
const risk = new RiskModel(parsed.dataset);
if (args.fixtures !== undefined) process.exit(runFixtures(args.fixtures));

/**
 * A company as the CLI names it: the legal name, the short name users know (null when the dataset has none: the UI
 * then shows the legal name) and the headquarters country, a company fact (ISO code, or null: not on record).
 */
/** A certification as the CLI prints it: the framework, the status, and whose record says so. */
const certificationOut = (c: CertificationView) => ({
  framework: c.framework,
  status: c.status,
  onRecord: c.record !== undefined,
  ...(c.record?.entity ? { entity: c.record.entity } : {}),
  ...(c.inheritedFrom ? { from: c.inheritedFrom.id, ...(c.generic ? { generic: true } : {}) } : {}),
  ...(c.record ? { sources: c.record.sources, asOf: c.record.asOf, confidence: c.record.confidence } : {}),
});

const named = (c: Company) => ({ id: c.id, name: c.name, displayName: c.displayName ?? null, hq: c.hq });

for (const input of inputs) {
  const resolved = hostOfInput(input);
  if ('error' in resolved) {
    print({ input, host: null, error: resolved.error });
    continue;
  }
  lookedUp++;
  const { host } = resolved;
  const match = index.lookup(host);
  const assessment = match && risk.assess(match.company.id, args.jurisdiction);
  print({
    host,
    ...(input !== host ? { input } : {}),
    site: siteOf(host),
    company: match ? named(match.company) : null,
    owner: assessment ? named(assessment.owner) : null,
    role: match?.entry.role ?? null,
    risk: assessment?.level ?? 'none',
    // The worst status of the company's current destinations (or of its headquarters) under the jurisdiction's rules,
    // and its US certification under that jurisdiction's framework (null for US rules, or a company with no US tie).
    status: assessment?.status ?? null,
    certification: assessment?.certification ? certificationOut(assessment.certification) : null,
    why: assessment ? reasonsText(assessment.reasons, english, 'en') : null,
  });
}
process.exit(lookedUp > 0 ? 0 : 1);

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
    // The extension's path (normalizeHost), not the CLI's URL handling: the table checks what the browser would match.
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
