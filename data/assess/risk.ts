// What a destination means for a user depends on where the user is: China is "no adequacy decision" for an EEA
// user and a "country of concern" for a US one. Levels are deliberately few and each comes with its reasons, so the
// badge never says more than the sources behind it.
import type { Action, Company, Dataset, Destination } from '../dataset/schema';

export const JURISDICTIONS = ['EEA', 'UK', 'CH', 'US'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export const LEVELS = ['none', 'low', 'medium', 'high'] as const;
export type Level = (typeof LEVELS)[number];

export type DestinationStatus =
  | 'domestic'
  | 'adequate'
  | 'partial'
  | 'no-adequacy'
  | 'country-of-concern'
  | 'unrestricted'
  | 'unspecified';

/** Statuses under which the data leaves the user's protection without a decision that it is safe. */
export const CONCERNING: ReadonlySet<DestinationStatus> = new Set(['no-adequacy', 'country-of-concern', 'unspecified']);

export interface AssessedDestination {
  destination: Destination;
  status: DestinationStatus;
  /** Scope of a partial adequacy decision (e.g. "DPF participants only"). */
  scope?: string;
  /** false for history: the disclosure's `until` lies in the past. */
  current: boolean;
}

/** Who a reason is about: the company, and the parent whose disclosure applies when it is not the company's own. */
export interface ReasonSubject {
  company: string;
  group?: string;
}

export type StatedBy = 'company' | 'regulator' | 'court' | 'complaint';

/**
 * Why a company has its level, as facts rather than sentences: data/assess/localized-text.ts says each in the user's
 * language (the CLI asks for English), so every reader gets the same wording from the same message files.
 */
export type Reason =
  | {
      code: 'concern-destinations';
      /** ISO codes of the concerning destinations, and who says the data goes there. */
      params: ReasonSubject & { countries: string[]; statedBy: StatedBy; jurisdiction: Jurisdiction };
    }
  | { code: 'unspecified-destinations'; params: ReasonSubject }
  | {
      code: 'backed-by-action' | 'actions-on-record';
      /** The most relevant action, and how many are on record in all. */
      params: { company: string; action: Action; actionCount: number };
    }
  | { code: 'no-sourced-transfer'; params: { company: string } }
  | { code: 'approximate-jurisdiction'; params: { company: string; jurisdiction: Jurisdiction } };

export type ActionReason = Extract<Reason, { code: 'backed-by-action' | 'actions-on-record' }>;

export interface CompanyAssessment {
  company: Company;
  /** The company first, then its parents up to the top of the group. */
  chain: Company[];
  owner: Company;
  level: Level;
  reasons: Reason[];
  /** The company's own disclosures, or its nearest parent's when it has none. */
  destinations: AssessedDestination[];
  /** Actions naming the company or any parent, newest first. */
  actions: Action[];
}

export const levelRank = (l: Level) => LEVELS.indexOf(l);
export const maxLevel = (a: Level, b: Level): Level => (levelRank(a) >= levelRank(b) ? a : b);

export class RiskModel {
  private readonly companies = new Map<string, Company>();
  private readonly cache = new Map<string, CompanyAssessment>();

  constructor(private readonly dataset: Dataset) {
    for (const c of dataset.companies) this.companies.set(c.id, c);
  }

  chainOf(companyId: string): Company[] {
    const chain: Company[] = [];
    for (let c = this.companies.get(companyId); c && !chain.includes(c); c = c.parent ? this.companies.get(c.parent) : undefined) {
      chain.push(c);
    }
    return chain;
  }

  statusOf(country: string, jurisdiction: Jurisdiction): { status: DestinationStatus; scope?: string } {
    if (country === 'unspecified') return { status: 'unspecified' };
    const ref = this.dataset.reference;
    if (jurisdiction === 'US') {
      if (country === 'US') return { status: 'domestic' };
      return ref.usCountriesOfConcern.countries.includes(country) ? { status: 'country-of-concern' } : { status: 'unrestricted' };
    }
    const home = jurisdiction === 'EEA' ? ref.eea.countries : jurisdiction === 'UK' ? ['GB'] : ['CH'];
    if (home.includes(country)) return { status: 'domestic' };
    // UK and Swiss users: the EEA and the EU's list stand in for their own lists, which the dataset does not carry.
    if (jurisdiction !== 'EEA' && ref.eea.countries.includes(country)) return { status: 'adequate' };
    const decision = ref.euAdequacy.find((a) => a.country === country);
    if (decision) return decision.coverage === 'full' ? { status: 'adequate' } : { status: 'partial', scope: decision.scope };
    return { status: 'no-adequacy' };
  }

  /** Actions where the user's area has a say, about transfers, come first: an EEA user learns of the Austrian
   *  complaint before a Kentucky lawsuit. Ties go to the newest (the list is sorted newest first). */
  mostRelevantAction(actions: Action[], jurisdiction: Jurisdiction): Action | undefined {
    // A decided fine or order outweighs an open complaint of the same standing, but never a closer or more relevant one.
    const score = (a: Action) =>
      (this.inArea(a.jurisdiction, jurisdiction) ? 4 : 0) + (a.topics.includes('transfers') ? 2 : 0) + (DECIDED_KINDS.has(a.kind) ? 1 : 0);
    let best: Action | undefined;
    for (const a of actions) if (best === undefined || score(a) > score(best)) best = a;
    return best;
  }

  private inArea(actionJurisdiction: string, jurisdiction: Jurisdiction): boolean {
    if (jurisdiction === 'EEA') return actionJurisdiction === 'EU' || this.dataset.reference.eea.countries.includes(actionJurisdiction);
    if (jurisdiction === 'UK') return actionJurisdiction === 'GB';
    return actionJurisdiction === jurisdiction;
  }

  assess(companyId: string, jurisdiction: Jurisdiction): CompanyAssessment | undefined {
    const key = `${jurisdiction}:${companyId}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const chain = this.chainOf(companyId);
    if (chain.length === 0) return undefined;
    const result = this.compute(chain, jurisdiction);
    this.cache.set(key, result);
    return result;
  }

  private compute(chain: Company[], jurisdiction: Jurisdiction): CompanyAssessment {
    const company = chain[0]!;
    const owner = chain[chain.length - 1]!;
    const ids = new Set(chain.map((c) => c.id));
    const discloser = chain.find((c) => this.dataset.destinations.some((d) => d.company === c.id));
    const destinations: AssessedDestination[] = discloser
      ? this.dataset.destinations
          .filter((d) => d.company === discloser.id)
          .map((d) => ({ destination: d, ...this.statusOf(d.country, jurisdiction), current: !d.until || d.until >= this.dataset.date }))
      : [];
    const actions = this.dataset.actions
      .filter((a) => a.companies.some((c) => ids.has(c)))
      .sort((a, b) => b.date.localeCompare(a.date));

    const current = destinations.filter((d) => d.current && CONCERNING.has(d.status));
    const named = [...new Set(current.filter((d) => d.status !== 'unspecified').map((d) => d.destination.country))];
    const unspecified = current.some((d) => d.status === 'unspecified');
    const subject: ReasonSubject = { company: company.name, ...(discloser && discloser !== company ? { group: discloser.name } : {}) };
    const reasons: Reason[] = [];
    if (named.length) {
      // Say who says so: a company's own disclosure reads differently from a complainant's reading of its policy.
      const by = current.filter((d) => d.status !== 'unspecified').map((d) => d.destination.statedBy);
      const statedBy = by.includes('company') ? 'company' : by.includes('regulator') ? 'regulator' : by.includes('court') ? 'court' : 'complaint';
      reasons.push({ code: 'concern-destinations', params: { ...subject, countries: named, statedBy, jurisdiction } });
    }
    if (unspecified) reasons.push({ code: 'unspecified-destinations', params: subject });
    const backing = this.mostRelevantAction(actions, jurisdiction);
    if (backing) {
      const code = current.length ? 'backed-by-action' : 'actions-on-record';
      reasons.push({ code, params: { company: company.name, action: backing, actionCount: actions.length } });
    }
    let level: Level;
    if (current.length && actions.length) level = 'high';
    else if (current.length || actions.length) level = 'medium';
    else level = 'low';
    if (level === 'low') reasons.push({ code: 'no-sourced-transfer', params: { company: company.name } });
    if (jurisdiction === 'UK' || jurisdiction === 'CH') {
      reasons.push({ code: 'approximate-jurisdiction', params: { company: company.name, jurisdiction } });
    }
    return { company, chain, owner, level, reasons, destinations, actions };
  }
}

const DECIDED_KINDS: ReadonlySet<Action['kind']> = new Set(['fine', 'order', 'settlement']);
