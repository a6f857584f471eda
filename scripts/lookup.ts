// `npm run lookup -- HOST...` (or hosts on stdin): one JSON line per host with its company, owner, role and risk.
import { readFileSync } from 'node:fs';
import { HostIndex } from '../data/host-index';
import { normalizeHost, siteOf } from '../data/hostname';
import { parseDatasetText } from '../data/parse';
import { JURISDICTIONS, RiskModel, type Jurisdiction } from '../data/risk';

const args = process.argv.slice(2);
let jurisdiction: Jurisdiction = 'EEA';
const hosts: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--jurisdiction') {
    const j = args[++i] ?? '';
    if (!(JURISDICTIONS as readonly string[]).includes(j)) {
      console.error(`--jurisdiction must be one of ${JURISDICTIONS.join(', ')}`);
      process.exit(2);
    }
    jurisdiction = j as Jurisdiction;
  } else hosts.push(a);
}
if (hosts.length === 0) hosts.push(...readFileSync(0, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean));

const parsed = parseDatasetText(readFileSync(new URL('../data/dataset.json', import.meta.url), 'utf8'));
if (!parsed.ok) {
  console.error(parsed.problems.join('\n'));
  process.exit(1);
}
const index = new HostIndex(parsed.dataset);
const risk = new RiskModel(parsed.dataset);
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
