// The sourcing rules validateDataset enforces on every dataset (the bundled one, `dataset:check -- FILE`, updates),
// each shown on a small dataset that breaks exactly one of them, next to one that keeps it. Table-driven: a row is a
// rule, a mutation of a valid minimal dataset, and the one-line problem the validator must print.
import { describe, expect, it } from 'vitest';
import { nonCitableSources, validateDataset, type Dataset } from '@/data/dataset/schema';
import type { Untyped } from '../../fixtures/hostile/cases';

const src = { sources: ['https://example.org/source'], asOf: '2026-12-01', confidence: 'confirmed' as const };

/** Valid, and as small as the schema allows while exercising every kind of record the rules look at. */
function minimal(): Dataset {
  // Through JSON, so that no two records share the `sources` array of src (structuredClone would keep the sharing).
  return JSON.parse(JSON.stringify({
    format: 1,
    version: '1.0.0',
    date: '2026-12-01',
    license: 'CC BY 4.0',
    companies: [
      { id: 'acme', name: 'Acme Inc.', parent: null, hq: 'US', hqSources: ['https://example.org/10-k'], hqConfidence: 'confirmed', legalEntities: [], ...src },
      { id: 'acme-cdn', name: 'Acme CDN LLC', displayName: 'Acme CDN', parent: 'acme', parentSources: ['https://example.org/acquisition'], hq: null, hqNote: 'not in our sources', legalEntities: [{ name: 'Acme CDN LLC', role: 'us-entity', sources: ['https://example.org/policy'] }], ...src },
    ],
    domains: [
      { host: 'acme.example.com', company: 'acme', role: 'first-party', ...src },
      { host: 'cloudfront.net', company: 'acme-cdn', role: 'cloud-provider', ...src },
    ],
    destinations: [{ company: 'acme', country: 'US', kind: 'storage', statedBy: 'company', ...src }],
    actions: [
      { id: 'x-2025-acme', date: '2025-01-01', conductUntil: '2024-12-31', authority: 'X', jurisdiction: 'FR', kind: 'fine', status: 'decided', summary: 'A fine.', topics: ['transfers'], companies: ['acme'], addressee: 'A site operator', ...src },
    ],
    certifications: [{ company: 'acme', framework: 'eu-us-dpf', status: 'certified', entity: 'Acme Inc.', ...src }],
    reference: {
      eea: { countries: ['FR'], ...src },
      euAdequacy: [{ country: 'CH', coverage: 'full', ...src }],
      ukAdequacy: [{ country: 'CH', coverage: 'full', ...src }],
      ukAdequacyNote: 'partial',
      chAdequacy: [{ country: 'GB', coverage: 'full', ...src }],
      usCountriesOfConcern: { instrument: '28 CFR 202', countries: ['CN'], ...src },
      dpfChallenge: { summary: 'Upheld; appeal pending.', status: 'pending', cases: [{ id: 'T-553/23', court: 'General Court', date: '2025-09-03', outcome: 'dismissed' }], ...src },
      authorities: [{ id: 'fr-cnil', name: 'CNIL', country: 'FR', website: 'https://www.cnil.fr/', email: 'x@cnil.fr', emailForComplaints: 'no', languages: ['fr'], ...src }],
    },
  } satisfies Dataset)) as Dataset;
}

type Row = [rule: string, mutate: (d: Untyped) => void, problem: RegExp];

const BROKEN: Row[] = [
  ['asOf after the dataset date: company', (d) => (d.companies[0].asOf = '2026-12-02'), /^companies\[0\]\.asOf: as-of date 2026-12-02 is after the dataset's date 2026-12-01 \(acme\)$/],
  ['asOf after the dataset date: domain', (d) => (d.domains[0].asOf = '2027-01-01'), /^domains\[0\]\.asOf: as-of date 2027-01-01 is after the dataset's date 2026-12-01 \(acme\.example\.com\)$/],
  ['asOf after the dataset date: action', (d) => (d.actions[0].asOf = '2026-12-24'), /^actions\[0\]\.asOf: .*after the dataset's date/],
  ['asOf after the dataset date: certification', (d) => (d.certifications[0].asOf = '2026-12-24'), /^certifications\[0\]\.asOf: .*\(acme eu-us-dpf\)$/],
  ['asOf after the dataset date: reference list', (d) => (d.reference.eea.asOf = '2026-12-24'), /^reference\.eea\.asOf: .*after/],
  ['asOf after the dataset date: UK adequacy', (d) => (d.reference.ukAdequacy[0].asOf = '2026-12-24'), /^reference\.ukAdequacy\[0\]\.asOf: .*\(CH\)$/],
  ['asOf after the dataset date: DPF challenge', (d) => (d.reference.dpfChallenge.asOf = '2026-12-24'), /^reference\.dpfChallenge\.asOf: /],
  ['asOf after the dataset date: authority', (d) => (d.reference.authorities[0].asOf = '2026-12-24'), /^reference\.authorities\[0\]\.asOf: .*\(fr-cnil\)$/],
  ['likely without a note: company', (d) => (d.companies[0].confidence = 'likely'), /^companies\[0\]\.note: a "likely" record needs a note saying why \(acme\)$/],
  ['likely with an empty note: domain', (d) => Object.assign(d.domains[0], { confidence: 'likely', note: '  ' }), /^domains\[0\]\.note: a "likely" record needs a note/],
  ['likely without a note: destination', (d) => (d.destinations[0].confidence = 'likely'), /^destinations\[0\]\.note: .*\(acme → US\)$/],
  ['likely without a note: action', (d) => (d.actions[0].confidence = 'likely'), /^actions\[0\]\.note: .*\(x-2025-acme\)$/],
  ['likely without a note: certification', (d) => (d.certifications[0].confidence = 'likely'), /^certifications\[0\]\.note: /],
  ['likely without a note: authority', (d) => (d.reference.authorities[0].confidence = 'likely'), /^reference\.authorities\[0\]\.note: /],
  ['likely headquarters without an hqNote', (d) => (d.companies[0].hqConfidence = 'likely'), /^companies\[0\]\.hqNote: a "likely" headquarters needs an hqNote saying why \(acme\)$/],
  ['hq without hqSources on a current record', (d) => delete d.companies[0].hqSources, /^companies\[0\]\.hqSources: headquarters "US" has no source; records as of 2026-12-01 or later need hqSources \(acme\)$/],
  ['a record without sources', (d) => (d.domains[0].sources = []), /^domains\[0\]\.sources: at least one source URL is required$/],
  ['hqSources given but empty', (d) => (d.companies[0].hqSources = []), /^companies\[0\]\.hqSources: at least one source URL is required$/],
  ['a second certification for the same company and framework', (d) => d.certifications.push({ ...d.certifications[0], status: 'unknown' }), /^certifications\[1\]: a second "eu-us-dpf" record for "acme" \(one per company and framework\)$/],
  ['a certification for an unknown company', (d) => (d.certifications[0].company = 'nobody'), /^certifications\[0\]\.company: unknown company id "nobody"$/],
  ['a duplicate authority id', (d) => d.reference.authorities.push({ ...d.reference.authorities[0] }), /^reference\.authorities\[1\]\.id: duplicate authority id "fr-cnil"$/],
  ['an authority with neither complaint page nor website', (d) => delete d.reference.authorities[0].website, /^reference\.authorities\[0\]: an authority needs a complaintUrl or a website$/],
  ['an authority e-mail that is not one', (d) => (d.reference.authorities[0].email = 'write to us'), /^reference\.authorities\[0\]\.email: /],
  ['an authority language that is not a tag', (d) => (d.reference.authorities[0].languages = ['French']), /BCP 47/],
  ['an authority region that is not ISO 3166-2', (d) => (d.reference.authorities[0].region = 'Bavaria'), /ISO 3166-2/],
  ['a private suffix with a role other than cloud-provider/cdn', (d) => (d.domains[1].role = 'ads'), /^domains\[1\]\.role: "cloudfront\.net" is a private public suffix: only its provider's cloud-provider or cdn entry may name it$/],
  ['an ICANN suffix, whatever the role', (d) => Object.assign(d.domains[1], { host: 'co.uk', role: 'cdn' }), /^domains\[1\]\.host: "co\.uk" is a public suffix, not a domain$/],
  ['an unknown role', (d) => (d.domains[0].role = 'tracking'), /^domains\[0\]\.role: /],
  ['a conductUntil that is not a day', (d) => (d.actions[0].conductUntil = '2024-02-30'), /impossible date "2024-02-30"/],
  ['an unknown framework', (d) => (d.certifications[0].framework = 'privacy-shield'), /^certifications\[0\]\.framework: /],
  ['an unknown DPF challenge status', (d) => (d.reference.dpfChallenge.status = 'dismissed'), /^reference\.dpfChallenge\.status: /],
];

const KEPT: Row[] = [
  ['asOf on the dataset date', (d) => (d.companies[0].asOf = d.date), /./],
  ['likely with a note', (d) => Object.assign(d.companies[0], { confidence: 'likely', note: 'one press source' }), /./],
  ['likely headquarters with an hqNote', (d) => Object.assign(d.companies[0], { hqConfidence: 'likely', hqNote: 'imprint only' }), /./],
  ['an older record whose hq rests on its sources', (d) => Object.assign(d.companies[0], { hqSources: undefined, asOf: '2026-11-24' }), /./],
  ['no hq and no hqSources', (d) => Object.assign(d.companies[0], { hq: null, hqSources: undefined }), /./],
  ['a private suffix as a cdn entry', (d) => (d.domains[1].role = 'cdn'), /./],
  ['every new role', (d) => (d.domains = ['social', 'consent', 'tag-manager', 'payments', 'identity', 'monitoring', 'support', 'video', 'fonts'].map((role, i) => ({ host: `h${i}.example.com`, company: 'acme', role, ...src }))), /./],
  ['one certification per framework', (d) => d.certifications.push({ ...d.certifications[0], framework: 'uk-extension' }, { ...d.certifications[0], framework: 'swiss-us-dpf', status: 'not-certified', safeguard: 'SCCs' }), /./],
  ['an authority with only a complaint page', (d) => Object.assign(d.reference.authorities[0], { website: undefined, complaintUrl: 'https://www.cnil.fr/plaintes', region: 'FR-IDF' }), /./],
  ['a dataset without any of the new optional parts', (d) => { delete d.certifications; for (const k of ['ukAdequacy', 'ukAdequacyNote', 'chAdequacy', 'dpfChallenge', 'authorities']) delete d.reference[k]; }, /./],
];

/** undefined-valued keys are what JSON.stringify drops: validate what a file would hold. */
const asFile = (d: unknown) => JSON.parse(JSON.stringify(d));

describe('sourcing rules in validateDataset', () => {
  it('accepts the minimal dataset the rows below break', () => {
    expect(validateDataset(minimal())).toMatchObject({ ok: true });
  });

  it.each(BROKEN)('rejects %s', (_rule, mutate, problem) => {
    const d = minimal();
    mutate(d);
    const result = validateDataset(asFile(d));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.filter((p) => problem.test(p)), result.problems.join('\n')).toHaveLength(1);
    for (const p of result.problems) expect(p).not.toContain('\n');
  });

  it.each(KEPT)('accepts %s', (_rule, mutate) => {
    const d = minimal();
    mutate(d);
    const result = validateDataset(asFile(d));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

describe('sources from lists we may not copy', () => {
  const NC_SA = [
    'https://github.com/duckduckgo/tracker-radar/blob/05f17e6f/entities/ByteDance%20Ltd..json',
    'https://github.com/duckduckgo/tracker-blocklists/blob/main/web/v6/tds.json',
    'https://raw.githubusercontent.com/duckduckgo/tracker-radar/main/domains/US/a.json',
    'https://staticcdn.duckduckgo.com/trackerblocking/v6/current/extension-tds.json',
    'https://github.com/disconnectme/disconnect-tracking-protection/blob/22c7d616/entities.json',
    'https://github.com/ghostery/trackerdb/blob/main/db/organizations/google.eno',
    'https://whotracks.me/trackers/google_analytics.html',
    'https://www.whotracks.me/entities/google.html',
    'https://github.com/AdguardTeam/companiesdb/blob/main/dist/companies.json',
  ];
  const FINE = [
    'https://github.com/v2fly/domain-list-community/blob/c975ccef9c19f005a3bfa7a33255d1b406deea64/data/google',
    'https://github.com/duckduckgo/duckduckgo-privacy-extension',
    'https://github.com/ghostery/ghostery-extension',
    'https://github.com/AdguardTeam/AdguardFilters',
    'https://spreadprivacy.com/duckduckgo-tracker-radar/',
    'https://notwhotracks.me.example.org/',
  ];
  const where: [string, (d: Untyped, url: string) => void, RegExp][] = [
    ['a company source', (d, u) => (d.companies[0].sources = [u]), /^companies\[0\]\.sources\[0\]: /],
    ['a domain source', (d, u) => d.domains[0].sources.push(u), /^domains\[0\]\.sources\[1\]: /],
    ['hqSources', (d, u) => (d.companies[0].hqSources = [u]), /^companies\[0\]\.hqSources\[0\]: /],
    ['parentSources', (d, u) => (d.companies[1].parentSources = [u]), /^companies\[1\]\.parentSources\[0\]: /],
    ['a legal entity source', (d, u) => (d.companies[1].legalEntities[0].sources = [u]), /^companies\[1\]\.legalEntities\[0\]\.sources\[0\]: /],
    ['a certification source', (d, u) => (d.certifications[0].sources = [u]), /^certifications\[0\]\.sources\[0\]: /],
    ['an authority source', (d, u) => (d.reference.authorities[0].sources = [u]), /^reference\.authorities\[0\]\.sources\[0\]: /],
  ];

  it.each(NC_SA)('names %s wherever it is cited', (url) => {
    for (const [, put, path] of where) {
      const d = minimal();
      put(d, url);
      const problems = nonCitableSources(d);
      expect(problems).toHaveLength(1);
      const result = validateDataset(d);
      expect(result.ok ? [] : result.problems).toEqual(problems);
      expect(problems[0]).toMatch(path);
      expect(problems[0]).toContain('CC BY-NC-SA');
    }
  });

  it.each(FINE)('lets %s through', (url) => {
    for (const [, put] of where) {
      const d = minimal();
      put(d, url);
      expect(nonCitableSources(d)).toEqual([]);
      expect(validateDataset(d)).toMatchObject({ ok: true });
    }
  });
});
