// The one dataset validator. Tests, the build, `dataset:check` and the in-extension updater all call
// `validateDataset`; the TypeScript types are inferred from these schemas so code and data cannot drift.
import * as v from 'valibot';
import iso3166 from 'iso-3166-1';
import { normalizeHost, siteOf } from '../match/hostname';

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

/** A bare host name as an entry key: no scheme, port, path, wildcard or IP literal. */
export const HostName = v.pipe(
  v.string(),
  v.check((s) => normalizeHost(s) === s, (issue) => `"${issue.input}" is not a normalised host name (lower case, punycode, no scheme, port, path or wildcard)`),
  // An entry for a bare public suffix (co.uk, web.app) would blame every site under it.
  v.check((s) => siteOf(s) !== null, (issue) => `"${issue.input}" is a public suffix, not a domain`),
);

export const Confidence = v.picklist(['confirmed', 'likely'], 'confidence must be "confirmed" or "likely"');

/** Every fact in the dataset says where it comes from, when it was true, and how sure we are. */
const provenance = {
  sources: v.pipe(v.array(HttpsUrl), v.minLength(1, 'at least one source URL is required')),
  asOf: IsoDay,
  confidence: Confidence,
  note: v.optional(v.string()),
};

export const Role = v.picklist(['first-party', 'cdn', 'api', 'analytics', 'ads', 'sdk', 'cloud-provider']);

export const LegalEntity = v.strictObject({
  name: v.pipe(v.string(), v.minLength(1)),
  role: v.picklist(['eea-controller', 'uk-controller', 'us-entity', 'other']),
  country: v.optional(CountryCode),
  address: v.optional(v.string()),
  note: v.optional(v.string()),
});

export const PrivacyContact = v.strictObject({
  email: v.optional(v.pipe(v.string(), v.email())),
  url: v.optional(HttpsUrl),
  postal: v.optional(v.string()),
});

export const Company = v.strictObject({
  id: Id,
  name: v.pipe(v.string(), v.minLength(1)),
  parent: v.nullable(Id),
  hq: v.nullable(CountryCode),
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

export const DomainEntry = v.strictObject({
  host: HostName,
  company: Id,
  role: Role,
  /** Where sources disagree on who owns the host: what the other source says and why this entry decides otherwise. */
  conflict: v.optional(v.pipe(v.string(), v.minLength(1))),
  ...provenance,
});

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

export const Reference = v.strictObject({
  eea: CountryList,
  euAdequacy: v.array(Adequacy),
  usCountriesOfConcern: v.strictObject({ instrument: v.string(), ...CountryList.entries }),
  usForeignAdversaries: v.optional(v.strictObject({ instrument: v.string(), ...CountryList.entries })),
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
  reference: Reference,
});

export type Dataset = v.InferOutput<typeof DatasetSchema>;
export type Company = v.InferOutput<typeof Company>;
export type DomainEntry = v.InferOutput<typeof DomainEntry>;
export type Destination = v.InferOutput<typeof Destination>;
export type Action = v.InferOutput<typeof Action>;
export type Role = v.InferOutput<typeof Role>;
export type ConfidenceLevel = v.InferOutput<typeof Confidence>;

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
  const actionIds = new Set<string>();
  d.actions.forEach((a, i) => {
    if (actionIds.has(a.id)) problems.push(`actions[${i}].id: duplicate action id "${a.id}"`);
    actionIds.add(a.id);
    a.companies.forEach((c, j) => known(c, `actions[${i}].companies[${j}]`));
  });
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
  const problems = crossChecks(parsed.output);
  return problems.length ? { ok: false, problems } : { ok: true, dataset: parsed.output };
}

export function datasetCounts(d: Dataset) {
  return {
    companies: d.companies.length,
    domains: d.domains.length,
    destinations: d.destinations.length,
    actions: d.actions.length,
    eea: d.reference.eea.countries.length,
    adequacy: d.reference.euAdequacy.length,
  };
}
