// Everything the popup shows for a tab, in one answer (as Privacy Badger's getPopupData does): the popup renders,
// it does not compute.
import { maxLevel, type Jurisdiction } from '@/data/risk';
import type { TabReport, ThirdParty, UnknownHost } from '@/data/protocol';
import { isRestrictedUrl } from '@/data/restricted';
import type { Engine } from './engine';
import type { StoredRow, TabState } from './log-db';

export async function buildTabReport(
  rows: StoredRow[],
  engine: Engine,
  jurisdiction: Jurisdiction,
  tabId: number,
  state: TabState | undefined,
  tabUrl: string | undefined,
): Promise<TabReport> {
  const url = state?.url ?? tabUrl ?? null;
  const siteAssessment = state?.siteCompany ? (engine.risk.assess(state.siteCompany, jurisdiction) ?? null) : null;
  const siteOwner = siteAssessment?.owner.id;

  const byCompany = new Map<string, ThirdParty>();
  const unknown = new Map<string, UnknownHost>();
  let level = siteAssessment?.level ?? 'none';
  for (const row of rows) {
    if (row.company === null) {
      if (row.thirdParty) {
        const u = unknown.get(row.host) ?? { host: row.host, requests: 0 };
        u.requests += 1;
        unknown.set(row.host, u);
      }
      continue;
    }
    if (row.company === state?.siteCompany) continue;
    let tp = byCompany.get(row.company);
    if (!tp) {
      const assessment = engine.risk.assess(row.company, jurisdiction);
      if (!assessment) continue;
      tp = { assessment, requests: 0, roles: [], hosts: [], sameGroupAsSite: assessment.owner.id === siteOwner };
      byCompany.set(row.company, tp);
    }
    tp.requests += 1;
    if (row.role && !tp.roles.includes(row.role)) tp.roles.push(row.role);
    if (!tp.hosts.includes(row.host)) tp.hosts.push(row.host);
    level = maxLevel(level, tp.assessment.level);
  }
  const thirdParties = [...byCompany.values()].sort((a, b) => b.requests - a.requests);
  return {
    tabId,
    url,
    site: state?.site ?? null,
    restricted: isRestrictedUrl(url),
    jurisdiction,
    level,
    siteAssessment,
    thirdParties,
    unknownThirdParties: [...unknown.values()].sort((a, b) => b.requests - a.requests),
    requests: rows,
    dataset: engine.info,
  };
}
