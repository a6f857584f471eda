// How the popup orders thirty companies so they stay readable: grouped by where the owner is headquartered (a company
// fact, never where data goes), the most concerning group first, and the most concerning company first inside it.
// Pure, so the order is tested without rendering (tests/components/third-party-groups.test.ts).
import { levelRank, type Level } from '@/data/assess/risk';
import type { Company } from '@/data/dataset/schema';
import { regionName } from '@/data/i18n/locale-format';
import type { Translate } from '@/data/i18n/translator';
import type { ThirdParty, UnknownHost } from '@/data/protocol';

/** The name users know; the legal name stays in the detail. */
export const displayNameOf = (c: Pick<Company, 'name' | 'displayName'>) => c.displayName ?? c.name;

/**
 * Where a company and its parents are headquartered, the company first: "United States" when the whole chain is in one
 * country, "Malta (Hotjar), France (Contentsquare)" when it spans several; null when none has an HQ on record.
 */
export function hqPlaces(chain: readonly Company[], t: Translate, lang: string): string | null {
  const byCountry = new Map<string, string[]>();
  for (const c of chain) {
    if (c.hq === null) continue;
    const names = byCountry.get(c.hq) ?? byCountry.set(c.hq, []).get(c.hq)!;
    if (!names.includes(displayNameOf(c))) names.push(displayNameOf(c));
  }
  if (byCountry.size === 0) return null;
  if (byCountry.size === 1) return regionName([...byCountry.keys()][0]!, lang);
  return [...byCountry].map(([hq, names]) => t('tpHqOf', [regionName(hq, lang), names.join(', ')])).join(', ');
}

export interface HqGroup {
  /** ISO code of the owner's headquarters country, or null when the dataset has none on record. */
  hq: string | null;
  /** The most concerning level among the group's companies. */
  level: Level;
  companies: ThirdParty[];
  requests: number;
}

const byConcern = (a: ThirdParty, b: ThirdParty) =>
  levelRank(b.assessment.level) - levelRank(a.assessment.level) ||
  b.requests - a.requests ||
  displayNameOf(a.assessment.company).localeCompare(displayNameOf(b.assessment.company));

/**
 * Groups by the owner's HQ country. Groups: most concerning level first, then a known country before "not on record",
 * then the larger group, then more requests, then the ISO code (so the order never depends on the UI language).
 */
export function groupByHq(thirdParties: readonly ThirdParty[]): HqGroup[] {
  const groups = new Map<string | null, HqGroup>();
  for (const tp of thirdParties) {
    const hq = tp.assessment.owner.hq;
    let g = groups.get(hq);
    if (!g) groups.set(hq, (g = { hq, level: 'none', companies: [], requests: 0 }));
    g.companies.push(tp);
    g.requests += tp.requests;
    if (levelRank(tp.assessment.level) > levelRank(g.level)) g.level = tp.assessment.level;
  }
  for (const g of groups.values()) g.companies.sort(byConcern);
  return [...groups.values()].sort(
    (a, b) =>
      levelRank(b.level) - levelRank(a.level) ||
      Number(a.hq === null) - Number(b.hq === null) ||
      b.companies.length - a.companies.length ||
      b.requests - a.requests ||
      (a.hq ?? '').localeCompare(b.hq ?? ''),
  );
}

export interface UnknownSummary {
  hosts: UnknownHost[];
  requests: number;
}

/** Hosts no company in the dataset claims, most requests first: shown as "unknown", with their count, never as safe. */
export function unknownSummary(unknown: readonly UnknownHost[]): UnknownSummary {
  const hosts = [...unknown].sort((a, b) => b.requests - a.requests || a.host.localeCompare(b.host));
  return { hosts, requests: hosts.reduce((n, u) => n + u.requests, 0) };
}
