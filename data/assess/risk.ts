// Whether a transfer is protected depends on where the user lives: China is "no adequacy decision" for an EEA user
// and a "country of concern" for a US one, and a transfer to the US is covered for a European user only when the
// recipient is certified under that user's Data Privacy Framework. Levels are few and each comes with its reasons,
// so the badge never says more than the sources behind it: only a current concern raises a level. History (a fine
// about transfers before the framework now covering the company), unknown certifications and actions about other
// topics are shown with their context and counted for nothing.
import type { Action, Adequacy, Certification, Company, Dataset, Destination, DpfChallenge, Framework } from '../dataset/schema';

export const JURISDICTIONS = ['EEA', 'UK', 'CH', 'US'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];
/** The areas whose adequacy decision for the US rests on a Data Privacy Framework. */
export type FrameworkArea = Exclude<Jurisdiction, 'US'>;

export const LEVELS = ['none', 'low', 'medium', 'high'] as const;
export type Level = (typeof LEVELS)[number];

export type DestinationStatus =
  | 'domestic'
  | 'adequate'
  | 'partial'
  /** The US, and the recipient is certified under the user's framework: the adequacy decision covers it. */
  | 'certified'
  /** The US, and a source says the recipient is not certified: no adequacy decision covers the transfer. */
  | 'not-certified'
  /** The US, and no source says whether the recipient is certified: shown, not counted as a concern. */
  | 'certification-unknown'
  | 'no-adequacy'
  | 'country-of-concern'
  | 'unrestricted'
  /** Unnamed "third countries", and no safeguard named (or a complaint or regulator says so). */
  | 'unspecified'
  /** Unnamed "third countries" under a safeguard the company names (SCCs, BCRs): context, not a concern. */
  | 'unspecified-safeguard';

/** Statuses under which the data leaves the user's protection without a decision that it is safe: they raise the level. */
export const CONCERNING: ReadonlySet<DestinationStatus> = new Set(['no-adequacy', 'not-certified', 'country-of-concern', 'unspecified']);

/** Worst first: a company's summary status is the worst of its current destinations (or its headquarters'). */
export const STATUS_ORDER: readonly DestinationStatus[] = [
  'country-of-concern',
  'no-adequacy',
  'not-certified',
  'unspecified',
  'certification-unknown',
  'unspecified-safeguard',
  'partial',
  'unrestricted',
  'certified',
  'adequate',
  'domestic',
];

/** The framework each area's adequacy decision for the US rests on. */
export const FRAMEWORK_OF: Record<FrameworkArea, Framework> = { EEA: 'eu-us-dpf', UK: 'uk-extension', CH: 'swiss-us-dpf' };

/** When each decision took effect (SCHEMA-PLAN.md), for a list whose US entry carries no `decided` date. */
const FRAMEWORK_SINCE: Record<FrameworkArea, string> = { EEA: '2023-07-10', UK: '2023-10-12', CH: '2024-09-15' };

/** Topics about where the data goes: the only actions that can raise a level. */
const WHERE_TOPICS: ReadonlySet<Action['topics'][number]> = new Set(['transfers', 'data-sale']);

/** A basis that names an Art. 46 safeguard (or its UK equivalent), not only a derogation. */
const SAFEGUARD = /\b(SCCs?|standard (?:data protection |contractual )?clauses|BCRs?|binding corporate rules|IDTA|international data transfer (?:agreement|addendum))\b/i;

/** A parent's record that covers its US subsidiaries or affiliates without naming them. */
const US_SUBSIDIARIES = /\b(?:U\.?S\.?|United States)\s+(?:subsidiar|affiliat)/i;

export interface CertificationView {
  framework: Framework;
  status: Certification['status'];
  /** The record that says so; absent when none is on record ("certification not on record"). */
  record?: Certification;
  /** The parent whose record covers this company, when it is not the company's own. */
  inheritedFrom?: Company;
  /** The parent's record covers its "US subsidiaries" without naming this one: likely, not confirmed. */
  generic?: boolean;
}

export interface AssessedDestination {
  destination: Destination;
  status: DestinationStatus;
  /** Scope of a partial adequacy decision (e.g. "DPF participants only"). */
  scope?: string;
  /** false for history: the disclosure's `until` lies in the past. */
  current: boolean;
  /** A US destination under a framework: the recipient's certification, which decides its status. */
  certification?: CertificationView;
}

export interface Headquarters {
  country: string;
  /** Whose headquarters: the company's own, else its nearest parent's. */
  company: Company;
  status: DestinationStatus;
}

/** An action about transfers before the adequacy decision that now covers the company: shown, not counted. */
export interface HistoryNote {
  action: string;
  /** The last day of the conduct it concerns: `conductUntil`, else the action's date. */
  conductUntil: string;
  framework: Framework;
  /** Since when the user's area has covered certified US recipients. */
  coveredSince: string;
}

/** Who a reason is about: the company, and the parent whose disclosure applies when it is not the company's own. */
export interface ReasonSubject {
  company: string;
  group?: string;
}

export type StatedBy = 'company' | 'regulator' | 'court' | 'complaint';

interface CertificationParams {
  company: string;
  framework: Framework;
  jurisdiction: FrameworkArea;
  /** The parent whose record covers the company, and whether it names it or only its "US subsidiaries". */
  via?: string;
  generic?: boolean;
}

/**
 * Why a company has its level, as facts rather than sentences: data/assess/localized-text.ts says each in the user's
 * language (the CLI asks for English), so every reader gets the same wording from the same message files.
 * Causes (they raise the level) come first; then context (certifications, the DPF's court challenge, safeguarded
 * unnamed destinations, history, other actions); then which list the rules come from.
 */
export type Reason =
  | {
      code: 'concern-destinations';
      /** ISO codes of the concerning destinations, and who says the data goes there. */
      params: ReasonSubject & { countries: string[]; statedBy: StatedBy; jurisdiction: Jurisdiction };
    }
  | { code: 'unspecified-destinations'; params: ReasonSubject }
  /** No adequacy decision covers the transfer to the US; the safeguard the company names instead, where a source says. */
  | { code: 'not-certified'; params: CertificationParams & { safeguard?: string } }
  /** Based in a country without adequacy (or of concern), with no disclosed destination on record: likely. */
  | {
      code: 'hq-concern';
      params: ReasonSubject & { country: string; status: 'no-adequacy' | 'country-of-concern' | 'not-certified'; jurisdiction: Jurisdiction; framework?: Framework };
    }
  | {
      code: 'backed-by-action' | 'actions-on-record';
      /** The most relevant action, and how many are on record in all. */
      params: { company: string; action: Action; actionCount: number };
    }
  | { code: 'history-action'; params: { company: string; action: Action; actionCount: number; framework: Framework; coveredSince: string } }
  | { code: 'certified'; params: CertificationParams & { since: string } }
  | { code: 'certification-unknown'; params: CertificationParams & { onRecord: boolean } }
  | { code: 'dpf-challenge'; params: { status: DpfChallenge['status']; cases: DpfChallenge['cases'] } }
  | { code: 'unspecified-safeguard'; params: ReasonSubject & { safeguard: string } }
  | { code: 'no-sourced-transfer'; params: { company: string } }
  /** UK and Swiss users: the rules come from the country's own list, which the dataset may carry only in part. */
  | { code: 'own-list'; params: { jurisdiction: 'UK' | 'CH'; partial: boolean } }
  | { code: 'approximate-jurisdiction'; params: { company: string; jurisdiction: Jurisdiction } };

export type ReasonCode = Reason['code'];
export type ActionReason = Extract<Reason, { code: 'backed-by-action' | 'actions-on-record' }>;

/** The reasons that raise a level, in the order the badge tooltip picks its cause from. */
export const CAUSES: readonly ReasonCode[] = ['concern-destinations', 'not-certified', 'unspecified-destinations', 'hq-concern', 'backed-by-action'];

export interface CompanyAssessment {
  company: Company;
  /** The company first, then its parents up to the top of the group. */
  chain: Company[];
  owner: Company;
  level: Level;
  reasons: Reason[];
  /** The worst status of the current destinations, else of the headquarters; null when neither is on record. */
  status: DestinationStatus | null;
  /** The company's own disclosures, or its nearest parent's when it has none. */
  destinations: AssessedDestination[];
  hq: Headquarters | null;
  /** Its status under the user's US framework, for a company based in the US or saying data goes there. */
  certification?: CertificationView;
  /** The court challenge to the EU-US DPF, wherever a verdict here rests on that framework. */
  dpfChallenge?: DpfChallenge;
  /** Actions naming the company or any parent, newest first. */
  actions: Action[];
  /** Which of them are history for this user, and why. */
  history: HistoryNote[];
}

export const levelRank = (l: Level) => LEVELS.indexOf(l);
export const maxLevel = (a: Level, b: Level): Level => (levelRank(a) >= levelRank(b) ? a : b);

/** The reason that raised a company's level, for the badge tooltip; none for a company at low. */
export const causeOf = (a: CompanyAssessment): Reason | undefined =>
  levelRank(a.level) >= levelRank('medium') ? a.reasons.find((r) => CAUSES.includes(r.code)) : undefined;

const worst = (statuses: DestinationStatus[]): DestinationStatus | null =>
  statuses.length ? statuses.reduce((a, b) => (STATUS_ORDER.indexOf(a) <= STATUS_ORDER.indexOf(b) ? a : b)) : null;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const names = (record: Certification, c: Company) =>
  [c.name, c.displayName].some((n) => n && new RegExp(`(^|\\W)${escape(n)}(\\W|$)`, 'i').test(`${record.entity ?? ''} ${record.note ?? ''}`));

interface AreaList {
  entries: ReadonlyMap<string, Adequacy>;
  /** The area's own list; false when the dataset lacks it and the EEA with the EU's list stand in. */
  own: boolean;
  /** The list's note says what it leaves out. */
  partial: boolean;
  coveredSince: string;
}

export class RiskModel {
  private readonly companies = new Map<string, Company>();
  private readonly certifications = new Map<string, Map<Framework, Certification>>();
  private readonly lists: Record<FrameworkArea, AreaList>;
  private readonly cache = new Map<string, CompanyAssessment>();

  constructor(private readonly dataset: Dataset) {
    for (const c of dataset.companies) this.companies.set(c.id, c);
    for (const c of dataset.certifications ?? []) {
      const byFramework = this.certifications.get(c.company) ?? new Map<Framework, Certification>();
      byFramework.set(c.framework, c);
      this.certifications.set(c.company, byFramework);
    }
    const r = dataset.reference;
    const list = (area: FrameworkArea, own: Adequacy[] | undefined, note: string | undefined): AreaList => {
      const entries = new Map((own ?? r.euAdequacy).map((a) => [a.country, a] as const));
      return { entries, own: own !== undefined, partial: Boolean(note?.trim()), coveredSince: entries.get('US')?.decided ?? FRAMEWORK_SINCE[area] };
    };
    this.lists = {
      EEA: list('EEA', r.euAdequacy, undefined),
      UK: list('UK', r.ukAdequacy, r.ukAdequacyNote),
      CH: list('CH', r.chAdequacy, r.chAdequacyNote),
    };
  }

  chainOf(companyId: string): Company[] {
    const chain: Company[] = [];
    for (let c = this.companies.get(companyId); c && !chain.includes(c); c = c.parent ? this.companies.get(c.parent) : undefined) {
      chain.push(c);
    }
    return chain;
  }

  /** Whether the user's area has its own list in the dataset, and whether that list says it is partial. */
  listOf(jurisdiction: 'UK' | 'CH'): { own: boolean; partial: boolean } {
    const { own, partial } = this.lists[jurisdiction];
    return { own, partial };
  }

  /** A country's status for the user, before any certification: the US is "partial" under a framework. */
  statusOf(country: string, jurisdiction: Jurisdiction): { status: DestinationStatus; scope?: string } {
    if (country === 'unspecified') return { status: 'unspecified' };
    const ref = this.dataset.reference;
    if (jurisdiction === 'US') {
      if (country === 'US') return { status: 'domestic' };
      return ref.usCountriesOfConcern.countries.includes(country) ? { status: 'country-of-concern' } : { status: 'unrestricted' };
    }
    const home = jurisdiction === 'EEA' ? ref.eea.countries : jurisdiction === 'UK' ? ['GB'] : ['CH'];
    if (home.includes(country)) return { status: 'domestic' };
    const list = this.lists[jurisdiction];
    // Without the area's own list, the EEA and the EU's list stand in for it (and a reason says so).
    if (!list.own && ref.eea.countries.includes(country)) return { status: 'adequate' };
    const decision = list.entries.get(country);
    if (decision) return decision.coverage === 'full' ? { status: 'adequate' } : { status: 'partial', ...(decision.scope ? { scope: decision.scope } : {}) };
    return { status: 'no-adequacy' };
  }

  /**
   * A company's status under a framework: its own record; else its nearest parent's record, if that record names
   * the company (or, for a US company, covers the parent's "US subsidiaries"); else unknown, with no record.
   */
  certificationOf(chain: Company[], framework: Framework): CertificationView {
    const [company, ...parents] = chain;
    const own = company && this.certifications.get(company.id)?.get(framework);
    if (own) return { framework, status: own.status, record: own };
    const parent = parents.find((p) => this.certifications.get(p.id)?.has(framework));
    const record = parent && this.certifications.get(parent.id)?.get(framework);
    if (company && parent && record) {
      if (names(record, company)) return { framework, status: record.status, record, inheritedFrom: parent };
      if (company.hq === 'US' && US_SUBSIDIARIES.test(`${record.entity ?? ''} ${record.note ?? ''}`)) {
        return { framework, status: record.status, record, inheritedFrom: parent, generic: true };
      }
    }
    return { framework, status: 'unknown' };
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

  /** A destination's status, the US resolved by the recipient's certification under the user's framework. */
  private resolve(country: string, jurisdiction: Jurisdiction, certification: CertificationView | undefined, basis?: string, statedBy?: Destination['statedBy']) {
    const base = this.statusOf(country, jurisdiction);
    if (base.status === 'unspecified' && statedBy === 'company' && basis && SAFEGUARD.test(basis)) return { status: 'unspecified-safeguard' as const };
    if (country !== 'US' || base.status !== 'partial' || !certification) return base;
    const status = certification.status === 'certified' ? 'certified' : certification.status === 'not-certified' ? 'not-certified' : 'certification-unknown';
    return { status, certification } as const;
  }

  private compute(chain: Company[], jurisdiction: Jurisdiction): CompanyAssessment {
    const company = chain[0]!;
    const owner = chain[chain.length - 1]!;
    const name = company.displayName ?? company.name;
    const ids = new Set(chain.map((c) => c.id));
    const area = jurisdiction === 'US' ? undefined : jurisdiction;
    const discloser = chain.find((c) => this.dataset.destinations.some((d) => d.company === c.id));
    const disclosed = discloser ? this.dataset.destinations.filter((d) => d.company === discloser.id) : [];
    const hqOwner = chain.find((c) => c.hq !== null);
    const usBased = hqOwner?.hq === 'US' || disclosed.some((d) => d.country === 'US');
    const certification = area && usBased ? this.certificationOf(chain, FRAMEWORK_OF[area]) : undefined;

    const destinations: AssessedDestination[] = disclosed.map((d) => ({
      destination: d,
      ...this.resolve(d.country, jurisdiction, certification, d.basis, d.statedBy),
      current: !d.until || d.until >= this.dataset.date,
    }));
    const current = destinations.filter((d) => d.current);
    const hq: Headquarters | null = hqOwner?.hq ? { country: hqOwner.hq, company: hqOwner, status: this.resolve(hqOwner.hq, jurisdiction, certification).status } : null;
    // The headquarters is a signal of its own only where no destination is on record (issue 15: "likely").
    const hqConcern = current.length === 0 && hq !== null && CONCERNING.has(hq.status);
    const concerning = current.filter((d) => CONCERNING.has(d.status));
    const concern = concerning.length > 0 || hqConcern;

    const actions = this.dataset.actions.filter((a) => a.companies.some((c) => ids.has(c))).sort((a, b) => b.date.localeCompare(a.date));
    const history: HistoryNote[] = [];
    const raising: Action[] = [];
    const other: Action[] = [];
    for (const a of actions) {
      const conductUntil = a.conductUntil ?? a.date;
      if (!a.topics.some((t) => WHERE_TOPICS.has(t))) other.push(a);
      else if (area && certification?.status === 'certified' && conductUntil < this.lists[area].coveredSince) {
        history.push({ action: a.id, conductUntil, framework: certification.framework, coveredSince: this.lists[area].coveredSince });
      } else if (concern || this.inArea(a.jurisdiction, jurisdiction)) raising.push(a);
      // Elsewhere and about transfers, with nothing of concern here: an EEA action about EU→US transfers says nothing
      // about a US user's data.
      else other.push(a);
    }

    const subject: ReasonSubject = { company: name, ...(discloser && discloser !== company ? { group: discloser.displayName ?? discloser.name } : {}) };
    const causes: Reason[] = [];
    const named = [...new Set(concerning.filter((d) => d.status === 'no-adequacy' || d.status === 'country-of-concern').map((d) => d.destination.country))];
    if (named.length) {
      // Say who says so: a company's own disclosure reads differently from a complainant's reading of its policy.
      const by = concerning.filter((d) => named.includes(d.destination.country)).map((d) => d.destination.statedBy);
      const statedBy = by.includes('company') ? 'company' : by.includes('regulator') ? 'regulator' : by.includes('court') ? 'court' : 'complaint';
      causes.push({ code: 'concern-destinations', params: { ...subject, countries: named, statedBy, jurisdiction } });
    }
    const certParams = (view: CertificationView, a: FrameworkArea): CertificationParams => ({
      company: name,
      framework: view.framework,
      jurisdiction: a,
      ...(view.inheritedFrom ? { via: view.inheritedFrom.displayName ?? view.inheritedFrom.name } : {}),
      ...(view.generic ? { generic: true } : {}),
    });
    const notCertified = area && certification?.status === 'not-certified' ? { code: 'not-certified' as const, params: { ...certParams(certification, area), ...(certification.record?.safeguard ? { safeguard: certification.record.safeguard } : {}) } } : undefined;
    if (notCertified && concerning.some((d) => d.status === 'not-certified')) causes.push(notCertified);
    if (concerning.some((d) => d.status === 'unspecified')) causes.push({ code: 'unspecified-destinations', params: subject });
    if (hqConcern && hq) {
      const status = hq.status as 'no-adequacy' | 'country-of-concern' | 'not-certified';
      const group = hq.company !== company ? { group: hq.company.displayName ?? hq.company.name } : {};
      causes.push({ code: 'hq-concern', params: { company: name, ...group, country: hq.country, status, jurisdiction, ...(certification && status === 'not-certified' ? { framework: certification.framework } : {}) } });
    }
    const backing = this.mostRelevantAction(raising, jurisdiction);
    if (backing) causes.push({ code: 'backed-by-action', params: { company: name, action: backing, actionCount: actions.length } });

    const context: Reason[] = [];
    if (area && certification) {
      if (certification.status === 'certified') {
        context.push({ code: 'certified', params: { ...certParams(certification, area), since: this.lists[area].coveredSince } });
        const challenge = this.dataset.reference.dpfChallenge;
        if (certification.framework === 'eu-us-dpf' && challenge) context.push({ code: 'dpf-challenge', params: { status: challenge.status, cases: challenge.cases } });
      } else if (certification.status === 'unknown') {
        context.push({ code: 'certification-unknown', params: { ...certParams(certification, area), onRecord: certification.record !== undefined } });
      } else if (notCertified && !causes.some((r) => r.code === 'not-certified' || r.code === 'hq-concern')) {
        context.push(notCertified);
      }
    }
    const safeguarded = current.filter((d) => d.status === 'unspecified-safeguard');
    if (safeguarded.length) context.push({ code: 'unspecified-safeguard', params: { ...subject, safeguard: safeguarded.map((d) => d.destination.basis).join('; ') } });
    const earlier = this.mostRelevantAction(actions.filter((a) => history.some((h) => h.action === a.id)), jurisdiction);
    if (earlier && area && certification) {
      context.push({ code: 'history-action', params: { company: name, action: earlier, actionCount: history.length, framework: certification.framework, coveredSince: this.lists[area].coveredSince } });
    }
    const onRecord = this.mostRelevantAction(other, jurisdiction);
    if (onRecord) context.push({ code: 'actions-on-record', params: { company: name, action: onRecord, actionCount: actions.length } });

    const level: Level = concern && raising.length ? 'high' : concern || raising.length ? 'medium' : 'low';
    const reasons: Reason[] = level === 'low' ? [{ code: 'no-sourced-transfer', params: { company: name } }, ...context] : [...causes, ...context];
    if (jurisdiction === 'UK' || jurisdiction === 'CH') {
      const list = this.lists[jurisdiction];
      reasons.push(list.own ? { code: 'own-list', params: { jurisdiction, partial: list.partial } } : { code: 'approximate-jurisdiction', params: { company: name, jurisdiction } });
    }
    const status = current.length ? worst(current.map((d) => d.status)) : (hq?.status ?? null);
    const dpfChallenge =
      certification?.framework === 'eu-us-dpf' && certification.status === 'certified' ? this.dataset.reference.dpfChallenge : undefined;
    return { company, chain, owner, level, reasons, status, destinations, hq, ...(certification ? { certification } : {}), ...(dpfChallenge ? { dpfChallenge } : {}), actions, history };
  }
}

const DECIDED_KINDS: ReadonlySet<Action['kind']> = new Set(['fine', 'order', 'settlement']);
