// The complaint draft, table-driven: which authority is preselected for whom, which law and language a draft uses,
// what it names (site, operator, recipients and their third countries, evidence files, articles), and that it never
// offers an e-mail address the dataset does not source as a complaint channel.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { authorityChoices, authorityLabel, buildComplaint, complaintLanguages, countryGuess, lawOf, type ComplaintInput } from '@/data/assess/complaint';
import { CONCERNING, RiskModel } from '@/data/assess/risk';
import type { Authority } from '@/data/dataset/schema';
import { LOCALES, translator } from '@/data/i18n/translator';
import type { ThirdParty } from '@/data/protocol';
import { loadBundled } from '../bundled-dataset';

const dataset = loadBundled();
const risk = new RiskModel(dataset);
const authorities = dataset.reference.authorities!;
const eea = dataset.reference.eea.countries;
const t = (lang: string) => translator(JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')));
const authority = (id: string) => authorities.find((a) => a.id === id)!;
const T0 = Date.UTC(2026, 11, 1, 23, 50, 7);
const CONCERNING_OF = (id: string) => risk.assess(id, 'EEA')!.destinations.some((d) => d.current && CONCERNING.has(d.status));

const tp = (company: string, hosts: string[], requests: number): ThirdParty => ({
  assessment: risk.assess(company, 'EEA')!,
  requests,
  roles: ['analytics'],
  hosts,
  sameGroupAsSite: false,
});

const spiegel: ComplaintInput['report'] = {
  site: 'spiegel.de',
  url: 'http://www.spiegel.de/?ref=x',
  siteAssessment: null,
  thirdParties: [tp('yandex', ['mc.yandex.ru'], 3), tp('tiktok', ['analytics.tiktok.com'], 2), tp('google', ['www.google-analytics.com'], 4)],
};
const EVIDENCE = { files: { har: 'borderline-evidence-spiegel.de-2026-12-01T23-50-07Z.har', report: 'borderline-evidence-spiegel.de-2026-12-01T23-50-07Z.html' }, sha256: 'a'.repeat(64) };

const draft = (id: string, lang: string, evidence: ComplaintInput['evidence'] = EVIDENCE, report = spiegel) =>
  buildComplaint({ report, authority: authority(id), evidence, observedAt: T0, t: t(lang), lang });

describe('which authority is preselected', () => {
  it.each([
    { residence: 'EEA', zone: 'Europe/Berlin', locale: 'en-US', want: 'de-bfdi' },
    { residence: 'EEA', zone: 'Europe/Vienna', locale: 'de-AT', want: 'at-dsb' },
    { residence: 'EEA', zone: 'Europe/Paris', locale: 'fr-FR', want: 'fr-cnil' },
    { residence: 'EEA', zone: 'UTC', locale: 'it-IT', want: 'it-garante' },
    { residence: 'EEA', zone: 'UTC', locale: 'en', want: null },
    { residence: 'UK', zone: 'Europe/London', locale: 'en-GB', want: 'gb-ico' },
    { residence: 'CH', zone: 'Europe/Zurich', locale: 'de-CH', want: 'ch-fdpic' },
    { residence: 'US', zone: 'America/New_York', locale: 'en-US', want: 'us-ftc' },
    // Someone who says they live elsewhere gets no guess, even in a European time zone.
    { residence: 'elsewhere', zone: 'Europe/Berlin', locale: 'de-DE', want: null },
  ] as const)('$residence in $zone ($locale) → $want', ({ residence, zone, locale, want }) => {
    const { ordered, preselected } = authorityChoices(authorities, residence, countryGuess(zone, locale), eea);
    expect(preselected).toBe(want);
    expect(ordered).toHaveLength(authorities.length);
    if (want) expect(ordered[0]!.id).toBe(want);
  });

  it('lists the user’s country first, its national authority before the Länder', () => {
    const { ordered } = authorityChoices(authorities, 'EEA', 'DE', eea);
    const german = ordered.filter((a) => a.country === 'DE');
    expect(ordered.slice(0, german.length)).toEqual(german);
    expect(german[0]!.id).toBe('de-bfdi');
    expect(german.slice(1).every((a) => a.region?.startsWith('DE-'))).toBe(true);
    expect(authorityLabel(german[1]!, 'en')).toMatch(/\(Germany · DE-[A-Z]+\)$/);
  });
});

describe('language and law of the draft', () => {
  it.each([
    { id: 'de-bfdi', languages: ['de'], law: 'gdpr' },
    { id: 'be-apd-gba', languages: ['fr', 'nl', 'de'], law: 'gdpr' },
    { id: 'gr-hdpa', languages: ['el', 'en'], law: 'gdpr' },
    { id: 'pl-uodo', languages: ['en'], law: 'gdpr' },
    { id: 'gb-ico', languages: ['en'], law: 'uk' },
    { id: 'ch-fdpic', languages: ['de', 'fr', 'it'], law: 'ch' },
    { id: 'us-ftc', languages: ['en'], law: 'us' },
  ] as const)('$id: $languages, $law', ({ id, languages, law }) => {
    expect(complaintLanguages(authority(id))).toEqual(languages);
    expect(lawOf(authority(id))).toBe(law);
  });
});

describe('the complaint for an EEA user in Germany on the spiegel.de stand-in', () => {
  it.each([
    { lang: 'en', articles: [/Article 77/, /Article 44 ff\./, /Article 13\(1\)\(f\)/], russia: 'Russia', placeholder: '[Your name]' },
    { lang: 'de', articles: [/Art\. 77 /, /Art\. 44 ff\./, /Art\. 13 Abs\. 1 lit\. f/], russia: 'Russland', placeholder: '[Ihr Name]' },
  ])('in $lang names the authority, the site, Yandex and Russia, the files and the articles', ({ lang, articles, russia, placeholder }) => {
    const c = draft('de-be-blnbdi', lang);
    const text = `${c.subject}\n${c.body}`;
    expect(c.law).toBe('gdpr');
    expect(text).toContain(authority('de-be-blnbdi').name);
    expect(text).toContain('spiegel.de');
    expect(text).toContain('http://www.spiegel.de/');
    expect(text).not.toContain('ref=x');
    expect(text).toMatch(/Yandex/);
    expect(text).toContain(russia);
    expect(text).toContain(EVIDENCE.files.har);
    expect(text).toContain(EVIDENCE.files.report);
    expect(text).toContain(EVIDENCE.sha256);
    for (const a of articles) expect(text).toMatch(a);
    expect(text).toContain(placeholder);
    expect(text).not.toMatch(/\$[A-Z_]+\$/);
  });

  it('lists only the recipients with a destination without protection, with their reasons and sources', () => {
    const c = draft('de-bfdi', 'en');
    expect(c.body).toMatch(/- Yandex.*headquartered in Russia: 3 requests to mc\.yandex\.ru\./);
    expect(c.body).toMatch(/- TikTok \(part of ByteDance Ltd\.\), headquartered in China: 2 requests to analytics\.tiktok\.com\./);
    // Google's destinations on record are covered (the US under the DPF for certified companies): not complained of.
    expect(CONCERNING_OF('google')).toBe(false);
    expect(c.body).not.toMatch(/google-analytics/);
    expect(c.body).toMatch(/Sources: https:\/\//);
    expect(c.body).toMatch(/not of where the company stores the data/);
  });

  it('names the operator from the dataset where known, else asks the user to fill it in', () => {
    expect(draft('de-bfdi', 'en').body).toMatch(/its operator is not in Borderline’s dataset|Its operator is not in Borderline’s dataset/);
    const temu = { ...spiegel, site: 'temu.com', url: 'https://www.temu.com/', siteAssessment: risk.assess('temu', 'EEA')! };
    expect(draft('de-bfdi', 'en', EVIDENCE, temu).body).toMatch(/temu\.com, operated by Whaleco Technology Limited/);
  });

  it('before the evidence is saved, says what to attach', () => {
    const c = draft('de-bfdi', 'en', null);
    expect(c.body).toMatch(/\[the HAR file and the report saved with Borderline’s “Save evidence”\]/);
  });
});

describe('how it can be sent: never an invented address', () => {
  const cases = authorities.map((a) => ({ id: a.id, a }));
  it.each(cases)('$id', ({ a }: { a: Authority }) => {
    const c = buildComplaint({ report: spiegel, authority: a, evidence: EVIDENCE, observedAt: T0, t: t('en'), lang: 'en' });
    if (a.emailForComplaints === 'yes' && a.email) {
      expect(c.mailto!.startsWith(`mailto:${a.email}?subject=`)).toBe(true);
      expect(decodeURIComponent(c.mailto!.split('&body=')[1]!)).toBe(c.body);
    } else {
      expect(c.mailto).toBeNull();
    }
    expect(c.channelUrl).toBe(a.complaintUrl ?? a.website);
    expect(c.channel).toBe(a.complaintUrl ? 'form' : 'website');
  });
});

describe('every law in every language', () => {
  const ids = ['de-bfdi', 'gb-ico', 'ch-fdpic', 'us-ftc'];
  it.each(LOCALES.flatMap((lang) => ids.map((id) => ({ lang, id }))))('$id in $lang fills every placeholder', ({ lang, id }) => {
    const c = draft(id, lang);
    expect(c.body).not.toMatch(/\$[A-Z_]+\$/);
    expect(c.subject).toContain('spiegel.de');
    expect(c.body).toContain(EVIDENCE.files.har);
    if (id === 'ch-fdpic') expect(c.body).toMatch(/49/);
    if (id !== 'us-ftc' && id !== 'ch-fdpic') expect(c.body).toMatch(/44/);
  });
});
