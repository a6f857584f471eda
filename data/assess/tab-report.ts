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
import { maxLevel, type Jurisdiction, type Level, type RiskModel } from './risk';

/** The part of the worker's engine a report reads: the risk model, the matcher and what the dataset in force is. */
export interface ReportEngine {
  risk: RiskModel;
  /** Asked again only for hosts logged as cdn or cloud-provider, to tell a provider's customer host from a company's own CDN. */
  index: Pick<HostIndex, 'lookup'>;
  info: DatasetInfo;
}

/** A report without its rows: what `ReportBuilder` gathers. */
export type ReportHead = Omit<PackedTabReport, 'residence' | 'residenceGuessed' | 'log'>;

/**
 * What the worker keeps in storage.session for each tab (background/tab-summaries.ts, under log/tab-summary.ts's key)
 * and the popup paints first: the report without rows or server countries, of the page that started at `page`. Its
 * request counts are those of the last time the header changed, so only the header is shown from it.
 */
export interface TabSummary {
  page: number;
  head: ReportHead & Pick<PackedTabReport, 'residence' | 'residenceGuessed'>;
}

/**
 * One pass over a page's rows, row by row: the report's companies, unknown hosts and observed server countries. The
 * worker's summaries (tab-summaries.ts) feed it each batch of rows as it is logged, so the popup's first paint reads
 * the same answer the full report gives, computed by the same code.
 */
export class ReportBuilder {
  private readonly siteAssessment: ReportHead['siteAssessment'];
  private readonly byCompany = new Map<string, ThirdParty>();
  private readonly unknown = new Map<string, UnknownHost>();
  private readonly seen = new Map<string, Set<string>>();
  private level: Level;
  /** Rows added so far. */
  rows = 0;

  constructor(
    private readonly engine: ReportEngine,
    private readonly jurisdiction: Jurisdiction,
    private readonly tabId: number,
    private readonly state: TabState | undefined,
    private readonly tabUrl: string | undefined,
  ) {
    this.siteAssessment = state?.siteCompany ? (engine.risk.assess(state.siteCompany, jurisdiction) ?? null) : null;
    this.level = this.siteAssessment?.level ?? 'none';
  }

  add(row: LogRow, country?: string): void {
    this.rows++;
    if (row.uncommitted) return; // a navigation that never committed: in the log, but nothing was loaded from there
    const { engine, state } = this;
    if (country && row.company) {
      let set = this.seen.get(row.company);
      if (!set) this.seen.set(row.company, (set = new Set()));
      set.add(country);
    }
    if (row.company === null) {
      if (row.thirdParty) {
        const u = this.unknown.get(row.host) ?? { host: row.host, requests: 0 };
        u.requests += 1;
        this.unknown.set(row.host, u);
      }
      return;
    }
    if (row.company === state?.siteCompany) return;
    let tp = this.byCompany.get(row.company);
    if (!tp) {
      const assessment = engine.risk.assess(row.company, this.jurisdiction);
      if (!assessment) return;
      tp = { assessment, requests: 0, roles: [], hosts: [], sameGroupAsSite: assessment.owner.id === this.siteAssessment?.owner.id };
      this.byCompany.set(row.company, tp);
    }
    tp.requests += 1;
    if (row.role && !tp.roles.includes(row.role)) tp.roles.push(row.role);
    if (!tp.hosts.includes(row.host)) {
      tp.hosts.push(row.host);
      const entry = (row.role === 'cdn' || row.role === 'cloud-provider') && engine.index.lookup(row.host)?.entry;
      if (entry && entry.company === row.company && servesCustomers(entry)) (tp.providerHosts ??= []).push(row.host);
    }
    this.level = maxLevel(this.level, tp.assessment.level);
  }

  private thirdParties(): ThirdParty[] {
    return [...this.byCompany.values()].sort((a, b) => b.requests - a.requests);
  }

  /**
   * Names what the report's header shows (level, companies, their order and hosts, unknown hosts): the summary is written
   * again only when this changes, not for every request.
   */
  headKey(): string {
    // A company's hosts are listed under it in the popup painted from the summary, so a new host of a company already
    // there changes what is shown too.
    return [this.level, this.unknown.size, ...this.thirdParties().map((tp) => `${tp.assessment.company.id}:${tp.hosts.length}`)].join(' ');
  }

  /** The report so far; with server countries only if `withServers` (the rows were added with theirs). */
  head(withServers: boolean): ReportHead {
    const { state, engine, jurisdiction, siteAssessment } = this;
    const url = state?.url ?? this.tabUrl ?? null;
    const serversSeen = (company: string | undefined) => [...((company && this.seen.get(company)) || [])].sort();
    const thirdParties = this.thirdParties();
    return {
      tabId: this.tabId,
      url,
      site: state?.site ?? null,
      restricted: isRestrictedUrl(url),
      jurisdiction,
      ...(jurisdiction === 'UK' || jurisdiction === 'CH' ? { adequacyList: engine.risk.listOf(jurisdiction) } : {}),
      level: this.level,
      siteAssessment,
      thirdParties: withServers ? thirdParties.map((tp) => ({ ...tp, serversSeen: serversSeen(tp.assessment.company.id) })) : thirdParties,
      unknownThirdParties: [...this.unknown.values()].sort((a, b) => b.requests - a.requests),
      ...(withServers ? { siteServersSeen: serversSeen(siteAssessment?.company.id) } : {}),
      dataset: engine.info,
    };
  }
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
  const builder = new ReportBuilder(engine, jurisdiction, tabId, state, tabUrl);
  for (const row of rows) builder.add(row, countryOf && row.ip ? countryOf(row.ip) : undefined);
  return { ...builder.head(countryOf !== undefined), log: packLog(rows, countryOf) };
}
