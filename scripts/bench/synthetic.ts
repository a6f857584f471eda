// A dataset 5,000 times the bundled one, to show the index scales with the number of requests, not of entries.
// Only the fields the index reads need to be realistic; the rest is filler of the right shape.
import type { Company, DomainEntry } from '../../data/dataset/schema';
import { int, pick, word, type Rng } from './rng';
import { TLDS } from './hosts';

const provenance = { sources: ['https://example.org/synthetic'], asOf: '2026-01-01', confidence: 'likely' as const };
const ROLES: DomainEntry['role'][] = ['first-party', 'cdn', 'api', 'analytics', 'ads', 'sdk', 'cloud-provider'];

export function syntheticDataset(rng: Rng, domains: number, companies = 1000): { domains: DomainEntry[]; companies: Company[] } {
  const cs: Company[] = Array.from({ length: companies }, (_, i) => ({
    id: `c${i}`, name: `Company ${i}`, parent: i % 10 === 0 || i < 10 ? null : `c${i - (i % 10)}`, hq: 'US', legalEntities: [], ...provenance,
  }));
  const seen = new Set<string>();
  const ds: DomainEntry[] = [];
  const apexes: string[] = [];
  while (ds.length < domains) {
    // About one entry in five sits below another or below a multi-label suffix, so deep buckets get exercised.
    const deeper = apexes.length > 0 && rng() < 0.2;
    const host = deeper ? `${word(rng, 2, 8)}.${pick(rng, apexes)}` : `${word(rng, 4, 14)}.${pick(rng, TLDS)}`;
    if (seen.has(host)) continue;
    seen.add(host);
    if (!deeper) apexes.push(host);
    ds.push({ host, company: `c${int(rng, 0, companies - 1)}`, role: pick(rng, ROLES), ...provenance });
  }
  return { domains: ds, companies: cs };
}
