// Everything the popup shows for a tab, in one answer (as Privacy Badger's getPopupData does): the popup renders,
// it does not compute. One pass over the page's rows gathers the companies, the unknown hosts and where each
// company's servers answered from; the rows themselves travel packed (log/packed-log.ts).
import type { LogRow } from '../log/log-row';
import { packLog } from '../log/packed-log';
import type { TabState } from '../log/tab-state';
import type { HostIndex } from '../match/host-index';
import type { CountryOf } from '../match/ip-table';
import { isRestrictedUrl } from '../match/restricted-urls';
import type { DatasetInfo, PackedTabReport, ThirdParty, UnknownHost } from '../protocol';
import { servesCustomers } from './infrastructure';
import { maxLevel, type Jurisdiction, type RiskModel } from './risk';

/** The part of the worker's engine a report reads: the risk model, the matcher and what the dataset in force is. */
export interface ReportEngine {
  risk: RiskModel;
  /** Asked again only for hosts logged as cdn or cloud-provider, to tell a provider's customer host from a company's own CDN. */
  index: Pick<HostIndex, 'lookup'>;
  info: DatasetInfo;
}

export function buildTabReport(
  rows: readonly LogRow[],
  engine: ReportEngine,
  jurisdiction: Jurisdiction,
  tabId: number,
  state: TabState | undefined,
  tabUrl: string | undefined,
  countryOf?: CountryOf,
): Omit<PackedTabReport, 'residence' | 'residenceGuessed'> {
  const url = state?.url ?? tabUrl ?? null;
  const siteAssessment = state?.siteCompany ? (engine.risk.assess(state.siteCompany, jurisdiction) ?? null) : null;
  const siteOwner = siteAssessment?.owner.id;

  const byCompany = new Map<string, ThirdParty>();
  const unknown = new Map<string, UnknownHost>();
  const seen = new Map<string, Set<string>>();
  let level = siteAssessment?.level ?? 'none';
  for (const row of rows) {
    if (row.uncommitted) continue; // a navigation that never committed: in the log, but nothing was loaded from there
    const country = countryOf && row.ip ? countryOf(row.ip) : undefined;
    if (country && row.company) {
      let set = seen.get(row.company);
      if (!set) seen.set(row.company, (set = new Set()));
      set.add(country);
    }
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
    if (!tp.hosts.includes(row.host)) {
      tp.hosts.push(row.host);
      const entry = (row.role === 'cdn' || row.role === 'cloud-provider') && engine.index.lookup(row.host)?.entry;
      if (entry && entry.company === row.company && servesCustomers(entry)) (tp.providerHosts ??= []).push(row.host);
    }
    level = maxLevel(level, tp.assessment.level);
  }
  const serversSeen = (company: string | undefined) => [...((company && seen.get(company)) || [])].sort();
  const thirdParties = [...byCompany.values()].sort((a, b) => b.requests - a.requests);
  return {
    tabId,
    url,
    site: state?.site ?? null,
    restricted: isRestrictedUrl(url),
    jurisdiction,
    ...(jurisdiction === 'UK' || jurisdiction === 'CH' ? { adequacyList: engine.risk.listOf(jurisdiction) } : {}),
    level,
    siteAssessment,
    thirdParties: countryOf ? thirdParties.map((tp) => ({ ...tp, serversSeen: serversSeen(tp.assessment.company.id) })) : thirdParties,
    unknownThirdParties: [...unknown.values()].sort((a, b) => b.requests - a.requests),
    ...(countryOf ? { siteServersSeen: serversSeen(siteAssessment?.company.id) } : {}),
    log: packLog(rows, countryOf),
    dataset: engine.info,
  };
}
