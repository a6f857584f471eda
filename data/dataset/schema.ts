// The one dataset validator. Tests, the build, `dataset:check` and the in-extension updater all call
// `validateDataset`; the TypeScript types are inferred from these schemas so code and data cannot drift.
import * as v from 'valibot';
import iso3166 from 'iso-3166-1';
import { isPrivateSuffix, normalizeHost, siteOf } from '../match/hostname';

const isCountry = (code: string) => iso3166.whereAlpha2(code)?.alpha2 === code;

export const CountryCode = v.pipe(
  v.string(),
  v.regex(/^[A-Z]{2}$/, 'must be an upper-case ISO 3166-1 alpha-2 code'),
  v.check(isCountry, (issue) => `unknown ISO 3166-1 country code "${issue.input}"`),
);

/** A real calendar day: the regex alone would let 2025-02-30 through. */
export const IsoDay = v.pipe(
  v.string(),
  v.isoDate('must be a date written YYYY-MM-DD'),
  // valibot runs every pipe step even after isoDate fails, so this check must survive any string.
  v.check((s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return true; // isoDate has already reported it
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const day = new Date(Date.UTC(y, mo - 1, d));
    return day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
  }, (issue) => `impossible date "${issue.input}"`),
);

export const HttpsUrl = v.pipe(
  v.string(),
  v.url('must be an absolute URL'),
  v.check((s) => s.startsWith('https://'), (issue) => `link must use https: "${issue.input}"`),
);

export const Id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case words joined by "-"'));

/**
 * A bare host name as an entry key: no scheme, port, path, wildcard or IP literal. An entry for an ICANN public
 * suffix (co.uk, com) would blame every site under it; a *private* PSL suffix (cloudfront.net) may be an entry, but
 * only as its provider's cloud-provider/cdn entry: DomainEntry checks the role.
 */
export const HostName = v.pipe(
  v.string(),
  v.check((s) => normalizeHost(s) === s, (issue) => `"${issue.input}" is not a normalised host name (lower case, punycode, no scheme, port, path or wildcard)`),
  v.check((s) => siteOf(s) !== null || isPrivateSuffix(s), (issue) => `"${issue.input}" is a public suffix, not a domain`),
);

export const Confidence = v.picklist(['confirmed', 'likely'], 'confidence must be "confirmed" or "likely"');

/** Every fact in the dataset says where it comes from, when it was true, and how sure we are. */
const provenance = {
  sources: v.pipe(v.array(HttpsUrl), v.minLength(1, 'at least one source URL is required')),
  asOf: IsoDay,
  confidence: Confidence,
  note: v.optional(v.string()),
};

const Urls = v.pipe(v.array(HttpsUrl), v.minLength(1, 'at least one source URL is required'));

export const ROLES = [
  'first-party',
  'cdn',
  'api',
  'analytics',
  'ads',
  'sdk',
  'cloud-provider',
  /** Share buttons and embeds of a social network. */
  'social',
  /** A consent-management platform. */
  'consent',
  'tag-manager',
  'payments',
  /** ID graphs and ID syncing. */
  'identity',
  /** Error and performance monitoring, real-user monitoring. */
  'monitoring',
  /** Chat and helpdesk widgets. */
  'support',
  'video',
  'fonts',
] as const;
export const Role = v.picklist(ROLES);

/** Roles a private Public Suffix List entry (cloudfront.net) may have: the provider's infrastructure, not a tracker. */
export const INFRASTRUCTURE_ROLES: readonly Role[] = ['cloud-provider', 'cdn'];

export const LegalEntity = v.strictObject({
  name: v.pipe(v.string(), v.minLength(1)),
  role: v.picklist(['eea-controller', 'uk-controller', 'us-entity', 'other']),
  country: v.optional(CountryCode),
  address: v.optional(v.string()),
  sources: v.optional(Urls),
  note: v.optional(v.string()),
});

export const PrivacyContact = v.strictObject({
  email: v.optional(v.pipe(v.string(), v.email())),
  url: v.optional(HttpsUrl),
  postal: v.optional(v.string()),
});

export const Company = v.strictObject({
  id: Id,
  /** The legal name; the UI shows `displayName ?? name` and keeps the legal name in the detail. */
  name: v.pipe(v.string(), v.minLength(1)),
  /** The short name users know ("Google", "Meta", "Alphabet (Google)"). */
  displayName: v.optional(v.pipe(v.string(), v.minLength(1))),
  parent: v.nullable(Id),
  /** The source of the ownership link (acquisition, filing). */
  parentSources: v.optional(Urls),
  parentNote: v.optional(v.string()),
  hq: v.nullable(CountryCode),
  /** The source of the headquarters country: imprint, policy address, annual report, filing, regulator. */
  hqSources: v.optional(Urls),
  hqConfidence: v.optional(Confidence),
  hqNote: v.optional(v.string()),
  /**
   * A company associated with this group (shared ecosystem, minority stake, former parent) without a sourced ownership
   * link, so it is deliberately not `parent`: the owner chain and the group's disclosures do not pass through it.
   */
  groupAffiliated: v.optional(Id),
  legalEntities: v.array(LegalEntity),
  privacyContact: v.optional(PrivacyContact),
  policyUrl: v.optional(HttpsUrl),
  ...provenance,
});

export const DomainEntry = v.pipe(
  v.strictObject({
    host: HostName,
    company: Id,
    role: Role,
    /** Where sources disagree on who owns the host: what the other source says and why this entry decides otherwise. */
    conflict: v.optional(v.pipe(v.string(), v.minLength(1))),
    ...provenance,
  }),
  v.forward(
    v.check(
      (e) => siteOf(e.host) !== null || INFRASTRUCTURE_ROLES.includes(e.role),
      (issue) => `"${(issue.input as { host: string }).host}" is a private public suffix: only its provider's cloud-provider or cdn entry may name it`,
    ),
    ['role'],
  ),
);

export const Destination = v.strictObject({
  company: Id,
  /** `unspecified` when the policy says only "third countries". */
  country: v.union([CountryCode, v.literal('unspecified')]),
  kind: v.picklist(['transfer', 'storage', 'remote-access']),
  basis: v.optional(v.string()),
  /** Who said so: the company's own policy, a regulator's finding, or a complainant's reading of the policy. */
  statedBy: v.picklist(['company', 'regulator', 'complainant', 'court']),
  from: v.optional(IsoDay),
  until: v.optional(IsoDay),
  ...provenance,
});

export const Action = v.strictObject({
  id: Id,
  date: IsoDay,
  dateNote: v.optional(v.string()),
  /** The last day of the conduct the action concerns, where a source dates it (the risk model's "history" test). */
  conductUntil: v.optional(IsoDay),
  authority: v.pipe(v.string(), v.minLength(1)),
  /** Country of the authority, or EU for the Commission. */
  jurisdiction: v.union([CountryCode, v.literal('EU')]),
  kind: v.picklist(['complaint', 'fine', 'order', 'lawsuit', 'investigation', 'settlement']),
  status: v.picklist(['pending', 'open', 'decided', 'final', 'under-appeal', 'settled']),
  statusNote: v.optional(v.string()),
  amount: v.optional(v.string()),
  summary: v.pipe(v.string(), v.minLength(1)),
  /** Lets the risk assessment tell a transfer case from, say, a cookie fine. */
  topics: v.pipe(
    v.array(v.picklist(['transfers', 'access', 'transparency', 'cookies', 'security', 'children', 'consumer', 'dsa', 'data-sale'])),
    v.minLength(1),
  ),
  companies: v.pipe(v.array(Id), v.minLength(1)),
  /** The decision's real addressee when it is not the recipient in `companies` (a website operator using Google Analytics). */
  addressee: v.optional(v.pipe(v.string(), v.minLength(1))),
  ...provenance,
});

export const FRAMEWORKS = ['eu-us-dpf', 'uk-extension', 'swiss-us-dpf'] as const;

/** A company's status under one US framework; at most one per company × framework. */
export const Certification = v.strictObject({
  company: Id,
  framework: v.picklist(FRAMEWORKS),
  status: v.picklist(['certified', 'not-certified', 'unknown']),
  /** Which legal entity is (not) certified; a subsidiary inherits a parent's record only if this names it. */
  entity: v.optional(v.string()),
  /** What the company names instead or in addition (SCCs 2021/914, BCRs, UK IDTA). */
  safeguard: v.optional(v.string()),
  ...provenance,
});

export const Adequacy = v.strictObject({
  country: v.union([CountryCode, v.literal('EPO')]),
  /** full, or partial with the scope in `scope` (US: DPF participants only; CA: commercial organisations only). */
  coverage: v.picklist(['full', 'partial']),
  scope: v.optional(v.string()),
  decided: v.optional(IsoDay),
  ...provenance,
});

export const CountryList = v.strictObject({
  countries: v.pipe(v.array(CountryCode), v.minLength(1)),
  ...provenance,
});

/** The court challenge to the EU-US Data Privacy Framework (Latombe), shown wherever the DPF carries a verdict. */
export const DpfChallenge = v.strictObject({
  summary: v.pipe(v.string(), v.minLength(1)),
  status: v.picklist(['pending', 'decided', 'final']),
  cases: v.pipe(
    v.array(v.strictObject({ id: v.pipe(v.string(), v.minLength(1)), court: v.pipe(v.string(), v.minLength(1)), date: IsoDay, outcome: v.pipe(v.string(), v.minLength(1)) })),
    v.minLength(1),
  ),
  ...provenance,
});

/** BCP 47 language tag, as the complaint draft picks its language by it. */
const LanguageTag = v.pipe(v.string(), v.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as "de" or "pt-BR"'));

/** A data-protection supervisory authority a user can complain to (issue 19). */
export const Authority = v.pipe(
  v.strictObject({
    id: Id,
    name: v.pipe(v.string(), v.minLength(1)),
    nameEn: v.optional(v.pipe(v.string(), v.minLength(1))),
    country: CountryCode,
    /** ISO 3166-2 subdivision for a regional authority (DE-BY). */
    region: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'region must be an ISO 3166-2 code such as "DE-BY"'))),
    scope: v.optional(v.string()),
    complaintUrl: v.optional(HttpsUrl),
    website: v.optional(HttpsUrl),
    /** The authority's published address; whether a complaint may be sent to it is `emailForComplaints`. */
    email: v.optional(v.pipe(v.string(), v.email())),
    /**
     * yes: a cited source names e-mail as a complaint channel (the only case for an e-mail draft); restricted: only
     * with a qualified signature, PEC or secure e-mail; no: the authority names other channels or asks not to use
     * e-mail; unknown: not stated in the sources.
     */
    emailForComplaints: v.optional(v.picklist(['yes', 'restricted', 'no', 'unknown'])),
    postal: v.optional(v.string()),
    languages: v.pipe(v.array(LanguageTag), v.minLength(1)),
    ...provenance,
  }),
  v.check((a) => a.complaintUrl !== undefined || a.website !== undefined, 'an authority needs a complaintUrl or a website'),
);

export const Reference = v.strictObject({
  eea: CountryList,
  euAdequacy: v.array(Adequacy),
  /** The UK's own adequacy regulations (countries only; EU institutions are not a country). */
  ukAdequacy: v.optional(v.array(Adequacy)),
  /** What the UK list leaves out, so the popup can say it is partial. */
  ukAdequacyNote: v.optional(v.string()),
  /** Switzerland's own list (Annex 1 of the Data Protection Ordinance). */
  chAdequacy: v.optional(v.array(Adequacy)),
  chAdequacyNote: v.optional(v.string()),
  usCountriesOfConcern: v.strictObject({ instrument: v.string(), ...CountryList.entries }),
  usForeignAdversaries: v.optional(v.strictObject({ instrument: v.string(), ...CountryList.entries })),
  dpfChallenge: v.optional(DpfChallenge),
  authorities: v.optional(v.array(Authority)),
});

export const DatasetSchema = v.strictObject({
  $schema: v.optional(v.string()),
  format: v.literal(1, 'format must be 1'),
  version: v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+$/, 'version must look like 1.2.3')),
  date: IsoDay,
  license: v.string(),
  companies: v.array(Company),
  domains: v.array(DomainEntry),
  destinations: v.array(Destination),
  actions: v.array(Action),
  /** Companies' status under the EU-US DPF, its UK Extension and the Swiss-US DPF; a company without one has none on record. */
  certifications: v.optional(v.array(Certification)),
  reference: Reference,
});

export type Dataset = v.InferOutput<typeof DatasetSchema>;
export type Company = v.InferOutput<typeof Company>;
export type DomainEntry = v.InferOutput<typeof DomainEntry>;
export type Destination = v.InferOutput<typeof Destination>;
export type Action = v.InferOutput<typeof Action>;
export type Certification = v.InferOutput<typeof Certification>;
export type Authority = v.InferOutput<typeof Authority>;
export type DpfChallenge = v.InferOutput<typeof DpfChallenge>;
export type Adequacy = v.InferOutput<typeof Adequacy>;
export type Framework = (typeof FRAMEWORKS)[number];
export type Role = v.InferOutput<typeof Role>;

export type ValidationResult = { ok: true; dataset: Dataset } | { ok: false; problems: string[] };

/** Cross-record rules a per-field schema cannot express: ids resolve, nothing is listed twice, no parent cycles. */
function crossChecks(d: Dataset): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  d.companies.forEach((c, i) => {
    if (ids.has(c.id)) problems.push(`companies[${i}].id: duplicate company id "${c.id}"`);
    ids.add(c.id);
  });
  const known = (id: string, where: string) => {
    if (!ids.has(id)) problems.push(`${where}: unknown company id "${id}"`);
  };
  d.companies.forEach((c, i) => c.parent !== null && known(c.parent, `companies[${i}].parent`));
  d.companies.forEach((c, i) => c.groupAffiliated !== undefined && known(c.groupAffiliated, `companies[${i}].groupAffiliated`));
  for (const c of d.companies) {
    const seen = new Set<string>();
    let cur: string | null = c.id;
    while (cur !== null && !seen.has(cur)) {
      seen.add(cur);
      cur = d.companies.find((x) => x.id === cur)?.parent ?? null;
    }
    if (cur !== null) problems.push(`companies: parent chain of "${c.id}" loops`);
  }
  const hosts = new Set<string>();
  d.domains.forEach((e, i) => {
    if (hosts.has(e.host)) problems.push(`domains[${i}].host: duplicate domain entry "${e.host}"`);
    hosts.add(e.host);
    known(e.company, `domains[${i}].company`);
  });
  d.destinations.forEach((e, i) => known(e.company, `destinations[${i}].company`));
  d.certifications?.forEach((e, i) => known(e.company, `certifications[${i}].company`));
  const actionIds = new Set<string>();
  d.actions.forEach((a, i) => {
    if (actionIds.has(a.id)) problems.push(`actions[${i}].id: duplicate action id "${a.id}"`);
    actionIds.add(a.id);
    a.companies.forEach((c, j) => known(c, `actions[${i}].companies[${j}]`));
  });
  return problems;
}

/**
 * Lists we may cross-check against but never copy from or cite (CC BY-NC-SA, incompatible with our CC BY 4.0):
 * DuckDuckGo's tracker-radar, tracker-blocklists and TDS, Disconnect, Ghostery's trackerdb / WhoTracks.me, AdGuard's
 * companiesdb.
 */
export const NON_CITABLE_SOURCES: readonly RegExp[] = [
  /^https?:\/\/(?:www\.)?github\.com\/duckduckgo\/tracker-(?:radar|blocklists)(?:[/?#]|$)/i,
  /^https?:\/\/raw\.githubusercontent\.com\/duckduckgo\/tracker-(?:radar|blocklists)\//i,
  /^https?:\/\/[^/]*duckduckgo\.com\/trackerblocking\//i,
  /^https?:\/\/(?:www\.)?github\.com\/disconnectme(?:[/?#]|$)/i,
  /^https?:\/\/raw\.githubusercontent\.com\/disconnectme\//i,
  /^https?:\/\/(?:www\.)?github\.com\/ghostery\/trackerdb(?:[/?#]|$)/i,
  /^https?:\/\/(?:[^/]+\.)?whotracks\.me(?:[/:?#]|$)/i,
  /^https?:\/\/(?:www\.)?github\.com\/AdguardTeam\/companiesdb(?:[/?#]|$)/i,
];

/**
 * From this as-of date on a company record is written to the current rules: a headquarters needs its own
 * `hqSources`. Older records may rest on the record's `sources`.
 */
export const HQ_SOURCES_REQUIRED_FROM = '2026-12-01';

interface Sourced {
  asOf: string;
  confidence: 'confirmed' | 'likely';
  note?: string;
}

/** Every record that carries provenance, with its path and a label a reader can find it by. */
function sourcedRecords(d: Dataset): [path: string, label: string, record: Sourced][] {
  const out: [string, string, Sourced][] = [];
  d.companies.forEach((c, i) => out.push([`companies[${i}]`, c.id, c]));
  d.domains.forEach((e, i) => out.push([`domains[${i}]`, e.host, e]));
  d.destinations.forEach((e, i) => out.push([`destinations[${i}]`, `${e.company} → ${e.country}`, e]));
  d.actions.forEach((a, i) => out.push([`actions[${i}]`, a.id, a]));
  d.certifications?.forEach((c, i) => out.push([`certifications[${i}]`, `${c.company} ${c.framework}`, c]));
  const r = d.reference;
  out.push(['reference.eea', 'EEA', r.eea]);
  r.euAdequacy.forEach((a, i) => out.push([`reference.euAdequacy[${i}]`, a.country, a]));
  r.ukAdequacy?.forEach((a, i) => out.push([`reference.ukAdequacy[${i}]`, a.country, a]));
  r.chAdequacy?.forEach((a, i) => out.push([`reference.chAdequacy[${i}]`, a.country, a]));
  out.push(['reference.usCountriesOfConcern', 'US countries of concern', r.usCountriesOfConcern]);
  if (r.usForeignAdversaries) out.push(['reference.usForeignAdversaries', 'US foreign adversaries', r.usForeignAdversaries]);
  if (r.dpfChallenge) out.push(['reference.dpfChallenge', 'DPF challenge', r.dpfChallenge]);
  r.authorities?.forEach((a, i) => out.push([`reference.authorities[${i}]`, a.id, a]));
  return out;
}

/** Every URL in the dataset, wherever it sits (sources, hqSources, parentSources, entity sources, policy links). */
function* urlsOf(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') {
    if (/^https?:\/\//i.test(value)) yield [path, value];
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* urlsOf(value[i], `${path}[${i}]`);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, x] of Object.entries(value)) yield* urlsOf(x, path ? `${path}.${k}` : k);
  }
}

/**
 * The sourcing rules (issue 14): no as-of date after the dataset's date, no `likely` without a note saying why, no
 * source from a list we may not copy, a headquarters with its source, one certification per company and framework.
 * Here rather than only in the tests, so every update the extension accepts is held to them too.
 */
function sourcingChecks(d: Dataset): string[] {
  const problems: string[] = [];
  for (const [path, label, r] of sourcedRecords(d)) {
    if (r.asOf > d.date) problems.push(`${path}.asOf: as-of date ${r.asOf} is after the dataset's date ${d.date} (${label})`);
    if (r.confidence === 'likely' && !r.note?.trim()) problems.push(`${path}.note: a "likely" record needs a note saying why (${label})`);
  }
  d.companies.forEach((c, i) => {
    if (c.hqConfidence === 'likely' && !c.hqNote?.trim()) problems.push(`companies[${i}].hqNote: a "likely" headquarters needs an hqNote saying why (${c.id})`);
    if (c.hq !== null && !c.hqSources?.length && (c.asOf >= HQ_SOURCES_REQUIRED_FROM || !c.sources.length)) {
      problems.push(`companies[${i}].hqSources: headquarters "${c.hq}" has no source; records as of ${HQ_SOURCES_REQUIRED_FROM} or later need hqSources (${c.id})`);
    }
  });
  const frameworks = new Set<string>();
  d.certifications?.forEach((c, i) => {
    const key = `${c.company} ${c.framework}`;
    if (frameworks.has(key)) problems.push(`certifications[${i}]: a second "${c.framework}" record for "${c.company}" (one per company and framework)`);
    frameworks.add(key);
  });
  const authorities = new Set<string>();
  d.reference.authorities?.forEach((a, i) => {
    if (authorities.has(a.id)) problems.push(`reference.authorities[${i}].id: duplicate authority id "${a.id}"`);
    authorities.add(a.id);
  });
  return problems;
}

/** Sources from the lists in NON_CITABLE_SOURCES, one problem each; part of validateDataset. */
export function nonCitableSources(d: Dataset): string[] {
  const problems: string[] = [];
  for (const [path, url] of urlsOf(d, '')) {
    if (NON_CITABLE_SOURCES.some((re) => re.test(url))) {
      problems.push(`${path}: ${url} is from a CC BY-NC-SA list (tracker-radar, TDS, Disconnect, trackerdb, AdGuard): cross-check against it, never cite it`);
    }
  }
  return problems;
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('').replace(/^\./, '') || '(root)';
}

export function validateDataset(input: unknown): ValidationResult {
  const parsed = v.safeParse(DatasetSchema, input);
  if (!parsed.success) {
    return { ok: false, problems: parsed.issues.map((issue) => `${pathOf(issue)}: ${issue.message}`) };
  }
  const problems = [...crossChecks(parsed.output), ...sourcingChecks(parsed.output), ...nonCitableSources(parsed.output)];
  return problems.length ? { ok: false, problems } : { ok: true, dataset: parsed.output };
}

export function datasetCounts(d: Dataset) {
  return {
    companies: d.companies.length,
    domains: d.domains.length,
    destinations: d.destinations.length,
    actions: d.actions.length,
    certifications: d.certifications?.length ?? 0,
    eea: d.reference.eea.countries.length,
    adequacy: d.reference.euAdequacy.length,
    authorities: d.reference.authorities?.length ?? 0,
  };
}
