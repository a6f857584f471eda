// A complaint to a supervisory authority, prefilled from what Borderline observed and what the dataset says: under
// GDPR Art. 77 in the EEA, the UK GDPR to the ICO, a report to the FDPIC under the Swiss FADP, a report to the FTC or a
// state's authority in the US. It asks the authority to examine the transfers (GDPR Art. 44 ff.) and the information
// duty about them (Art. 13(1)(f)). Written in the authority's language where we have that language, else English.
// Addresses come only from the dataset: an e-mail draft is offered only where a source says the authority takes
// complaints by e-mail, and the complainant's details stay placeholders for the user to fill in.
import { LOCALES, type MessageKey, type Translate } from '../i18n/translator';
import { regionName } from '../i18n/locale-format';
import type { Authority } from '../dataset/schema';
import type { TabReport } from '../protocol';
import { requestCount } from './evidence-report';
import { reasonsText } from './localized-text';
import type { Residence } from './residence';
import { CONCERNING, type CompanyAssessment } from './risk';

/** Which law the complaint invokes, by the authority's country. */
export type ComplaintLaw = 'gdpr' | 'uk' | 'ch' | 'us';

/** Every authority outside the UK, Switzerland and the US in the directory is an EEA one and applies the GDPR. */
export function lawOf(authority: Pick<Authority, 'country'>): ComplaintLaw {
  if (authority.country === 'GB') return 'uk';
  if (authority.country === 'CH') return 'ch';
  if (authority.country === 'US') return 'us';
  return 'gdpr';
}

const BY_LAW: Record<ComplaintLaw, { subject: MessageKey; intro: MessageKey; grounds: MessageKey }> = {
  gdpr: { subject: 'cmpSubjectGdpr', intro: 'cmpIntroGdpr', grounds: 'cmpGroundsGdpr' },
  uk: { subject: 'cmpSubjectUk', intro: 'cmpIntroUk', grounds: 'cmpGroundsUk' },
  ch: { subject: 'cmpSubjectCh', intro: 'cmpIntroCh', grounds: 'cmpGroundsCh' },
  us: { subject: 'cmpSubjectUs', intro: 'cmpIntroUs', grounds: 'cmpGroundsUs' },
};

/** The languages Borderline can write a complaint to this authority in: its own that we have, else English. */
export function complaintLanguages(authority: Pick<Authority, 'languages'>): string[] {
  const ours = authority.languages.map((l) => l.split('-')[0]!.toLowerCase()).filter((l): l is (typeof LOCALES)[number] => (LOCALES as readonly string[]).includes(l));
  return ours.length ? [...new Set(ours)] : ['en'];
}

/**
 * IANA time zones → the country they are in, for the EEA, the UK and Switzerland: where the user most likely lives,
 * to preselect an authority (the user can always pick another). Zones shared by several countries are left out.
 */
const ZONE_COUNTRY: Record<string, string> = {
  'Europe/Vienna': 'AT', 'Europe/Brussels': 'BE', 'Europe/Sofia': 'BG', 'Europe/Zagreb': 'HR', 'Asia/Nicosia': 'CY', 'Asia/Famagusta': 'CY',
  'Europe/Nicosia': 'CY', 'Europe/Prague': 'CZ', 'Europe/Copenhagen': 'DK', 'Europe/Tallinn': 'EE', 'Europe/Helsinki': 'FI', 'Europe/Mariehamn': 'FI',
  'Europe/Paris': 'FR', 'Europe/Berlin': 'DE', 'Europe/Busingen': 'DE', 'Europe/Athens': 'GR', 'Europe/Budapest': 'HU', 'Europe/Dublin': 'IE',
  Eire: 'IE', 'Europe/Rome': 'IT', 'Europe/Riga': 'LV', 'Europe/Vilnius': 'LT', 'Europe/Luxembourg': 'LU', 'Europe/Malta': 'MT',
  'Europe/Amsterdam': 'NL', 'Europe/Warsaw': 'PL', Poland: 'PL', 'Europe/Lisbon': 'PT', Portugal: 'PT', 'Atlantic/Madeira': 'PT',
  'Atlantic/Azores': 'PT', 'Europe/Bucharest': 'RO', 'Europe/Bratislava': 'SK', 'Europe/Ljubljana': 'SI', 'Europe/Madrid': 'ES',
  'Africa/Ceuta': 'ES', 'Atlantic/Canary': 'ES', 'Europe/Stockholm': 'SE', 'Atlantic/Reykjavik': 'IS', Iceland: 'IS', 'Europe/Vaduz': 'LI',
  'Europe/Oslo': 'NO', 'Europe/London': 'GB', 'Europe/Belfast': 'GB', GB: 'GB', 'GB-Eire': 'GB', 'Europe/Zurich': 'CH',
};

/** The user's likely country: the time zone first, then the region of the browser's locale ("de-DE"). */
export function countryGuess(timeZone: string | undefined, locale: string | undefined): string | undefined {
  const zone = timeZone ? ZONE_COUNTRY[timeZone] : undefined;
  if (zone) return zone;
  const region = locale?.split(/[-_]/)[1]?.toUpperCase();
  return region && /^[A-Z]{2}$/.test(region) ? region : undefined;
}

const RESIDENCE_COUNTRY: Partial<Record<Residence, string>> = { UK: 'GB', CH: 'CH', US: 'US' };

/**
 * The authorities in the order the picker lists them (the user's country first, its national authority before the
 * regional ones), and the one preselected: the national authority of the country the user lives in, where we know it.
 */
export function authorityChoices(
  authorities: readonly Authority[],
  residence: Residence,
  country: string | undefined,
  eea: readonly string[],
): { ordered: Authority[]; preselected: string | null } {
  const home =
    RESIDENCE_COUNTRY[residence] ?? (residence === 'EEA' && country && eea.includes(country) ? country : undefined);
  const rank = (a: Authority) => (a.country === home ? 0 : 1);
  const ordered = [...authorities].sort(
    (a, b) => rank(a) - rank(b) || a.country.localeCompare(b.country) || Number(a.region !== undefined) - Number(b.region !== undefined) || a.name.localeCompare(b.name),
  );
  const pick = home ? ordered.find((a) => a.country === home && a.region === undefined) ?? ordered.find((a) => a.country === home) : undefined;
  return { ordered, preselected: pick?.id ?? null };
}

export interface ComplaintEvidence {
  files: { har: string; report: string };
  sha256: string;
}

export interface ComplaintInput {
  report: Pick<TabReport, 'site' | 'url' | 'siteAssessment' | 'thirdParties'>;
  authority: Authority;
  /** The saved evidence, or null before the user saved it (the draft then says what to attach). */
  evidence: ComplaintEvidence | null;
  /** When the page was observed (ms since the epoch). */
  observedAt: number;
  /** In the complaint's language, which may differ from the UI's. */
  t: Translate;
  lang: string;
}

export interface Complaint {
  law: ComplaintLaw;
  lang: string;
  subject: string;
  body: string;
  /** Only where a cited source says the authority takes complaints by e-mail. */
  mailto: string | null;
  /** The authority's complaint page, or its website where no complaint page is on record. */
  channelUrl: string;
  channel: 'form' | 'website';
}

const nameOf = (c: { name: string; displayName?: string }) => c.displayName ?? c.name;

/** The website's operator as the dataset knows it: its EEA (or UK) controller with the address, else the company. */
function controllerOf(a: CompanyAssessment, law: ComplaintLaw): string {
  const role = law === 'uk' ? 'uk-controller' : 'eea-controller';
  const entities = a.chain.flatMap((c) => c.legalEntities);
  const e = entities.find((x) => x.role === role) ?? entities.find((x) => x.role === 'eea-controller');
  return e ? [e.name, e.address].filter(Boolean).join(', ') : a.company.name;
}

/** Recipients the complaint is about: those with a current destination without protection, else every known one. */
function recipientsOf(report: ComplaintInput['report']) {
  const concerning = report.thirdParties.filter((tp) => tp.assessment.destinations.some((d) => d.current && CONCERNING.has(d.status)));
  return { concerning: concerning.length > 0, list: concerning.length ? concerning : report.thirdParties };
}

export function buildComplaint(input: ComplaintInput): Complaint {
  const { report, authority, t, lang } = input;
  const law = lawOf(authority);
  const keys = BY_LAW[law];
  const site = report.site ?? report.url ?? '';
  const url = report.url ? report.url.split(/[?#]/)[0]! : site;
  const at = new Date(input.observedAt);
  const date = at.toLocaleDateString(lang, { dateStyle: 'long', timeZone: 'UTC' });
  const time = at.toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  const { concerning, list } = recipientsOf(report);

  const recipientLines = list.map((tp) => {
    const a = tp.assessment;
    const hq = a.owner.hq ?? a.company.hq;
    // "Yandex (part of Yandex (Russian group holding))" says nothing the name does not: the owner only when it adds one.
    const who = a.owner !== a.company && !nameOf(a.owner).includes(nameOf(a.company)) ? t('cmpCompanyOf', [nameOf(a.company), nameOf(a.owner)]) : nameOf(a.company);
    const head = t('cmpRecipient', [who, hq ? regionName(hq, lang) : t('cmpHqUnknown'), requestCount(tp.requests, t, lang), tp.hosts.join(', ')]);
    // The sources of the destinations the complaint is about; the report lists every one.
    const sources = [...new Set(a.destinations.filter((d) => d.current && CONCERNING.has(d.status)).flatMap((d) => d.destination.sources))];
    const why = reasonsText(a.reasons, t, lang);
    return [head, why && `  ${why}`, sources.length ? `  ${t('cmpSources', [sources.join(' ')])}` : ''].filter(Boolean).join('\n');
  });

  const to = [authority.name, authority.postal].filter(Boolean).join(', ');
  const controller = report.siteAssessment ? t('cmpController', [site, controllerOf(report.siteAssessment, law)]) : t('cmpControllerUnknown', [site]);
  const evidence = input.evidence
    ? t('cmpEvidence', [input.evidence.files.har, input.evidence.sha256, input.evidence.files.report])
    : t('cmpEvidenceMissing');
  const subject = t(keys.subject, [site]);
  const body = [
    t('cmpTo', [to]),
    t('cmpGreeting'),
    t(keys.intro, [site]),
    t('cmpComplainant'),
    controller,
    t('cmpFacts', [date, time, url]),
    recipientLines.length ? recipientLines.join('\n') : t('cmpNoRecipients'),
    concerning ? '' : t('cmpNoConcern'),
    t('cmpHonesty'),
    t(keys.grounds, [site]),
    evidence,
    t('cmpClosing'),
  ]
    .filter(Boolean)
    .join('\n\n');
  const email = authority.emailForComplaints === 'yes' ? authority.email : undefined;
  const mailto = email ? `mailto:${email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}` : null;
  const channelUrl = (authority.complaintUrl ?? authority.website)!;
  return { law, lang, subject, body, mailto, channelUrl, channel: authority.complaintUrl ? 'form' : 'website' };
}

/** "Berliner Beauftragte … (Germany, DE-BE)": how the picker names an authority. */
export function authorityLabel(a: Authority, lang: string): string {
  return `${a.name} (${[regionName(a.country, lang), a.region].filter(Boolean).join(' · ')})`;
}
