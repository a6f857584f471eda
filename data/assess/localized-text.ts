// The wording for the facts the risk model produces (reasons, actions, jurisdictions), rebuilt from their structured
// params through message keys: the popup, banner and badge tooltip follow the browser's language, and the CLI
// (`npm run lookup`) prints the same texts in English.
import type { MessageKey, Translate } from '../i18n/translator';
import { dayMonthYear, listOf, monthYear, regionName } from '../i18n/locale-format';
import { causeOf, levelRank, type CompanyAssessment, type FrameworkArea, type Jurisdiction, type Level, type Reason, type ReasonSubject, type StatedBy } from './risk';
import type { Action, Framework } from '../dataset/schema';

export const ACTION_KIND: Record<Action['kind'], MessageKey> = {
  complaint: 'actionComplaint',
  fine: 'actionFine',
  order: 'actionOrder',
  lawsuit: 'actionLawsuit',
  investigation: 'actionInvestigation',
  settlement: 'actionSettlement',
};

export const ACTION_STATUS: Record<Action['status'], MessageKey> = {
  pending: 'statusPending',
  open: 'statusOpen',
  decided: 'statusDecided',
  final: 'statusFinal',
  'under-appeal': 'statusUnderAppeal',
  settled: 'statusSettled',
};

const JURISDICTION_CODE: Record<Jurisdiction, MessageKey> = { EEA: 'jurCodeEEA', UK: 'jurCodeUK', CH: 'jurCodeCH', US: 'jurCodeUS' };

export const jurisdictionName = (j: Jurisdiction, t: Translate) => t(JURISDICTION_CODE[j]);

export const FRAMEWORK_NAME: Record<Framework, MessageKey> = {
  'eu-us-dpf': 'frameworkEuUsDpf',
  'uk-extension': 'frameworkUkExtension',
  'swiss-us-dpf': 'frameworkSwissUsDpf',
};

/** The instrument that covers certified US recipients for the area's users. */
const DECISION: Record<FrameworkArea, MessageKey> = { EEA: 'decisionEEA', UK: 'decisionUK', CH: 'decisionCH' };
const OWN_LIST: Record<'UK' | 'CH', MessageKey> = { UK: 'listUK', CH: 'listCH' };

/** "EU" is not a region Intl knows everywhere; the rest are ISO country codes. */
export const placeIn = (jurisdiction: string, lang: string) => regionName(jurisdiction, lang);

const capitalize = (s: string, lang: string) => s.charAt(0).toLocaleUpperCase(lang) + s.slice(1);

/** Messages have no plural syntax: a counted phrase has a "One" and an "Other" key, picked by the language's rules. */
const pluralKey = <K extends MessageKey>(n: number, lang: string, one: K, other: K): K => (new Intl.PluralRules(lang).select(n) === 'one' ? one : other);

/** "Complaint pending: Datenschutzbehörde, Austria, Jan 2025", with the amount of a fine or settlement. */
export function actionHeadline(a: Pick<Action, 'kind' | 'status' | 'authority' | 'jurisdiction' | 'date' | 'amount'>, t: Translate, lang: string): string {
  const headline = capitalize(
    t('actionHeadline', [t(ACTION_KIND[a.kind]), t(ACTION_STATUS[a.status]), a.authority, placeIn(a.jurisdiction, lang), monthYear(a.date, lang)]),
    lang,
  );
  return a.amount && (a.kind === 'fine' || a.kind === 'settlement') ? t('actionWithAmount', [headline, a.amount]) : headline;
}

/** One country or many: "Russia: a country without an adequacy decision", "China and Singapore: countries without …". */
const CONCERN_BY: Record<StatedBy, { one: MessageKey; other: MessageKey }> = {
  company: { one: 'reasonConcernCompanyOne', other: 'reasonConcernCompany' },
  regulator: { one: 'reasonConcernRegulatorOne', other: 'reasonConcernRegulator' },
  court: { one: 'reasonConcernCourtOne', other: 'reasonConcernCourt' },
  complaint: { one: 'reasonConcernComplaintOne', other: 'reasonConcernComplaint' },
};

const whoOf = (p: ReasonSubject, t: Translate) => (p.group ? t('reasonWhoGroup', [p.company, p.group]) : p.company);

/** How a certification reached the company: its own record says nothing more; a parent's record says whose it is. */
function via(p: { via?: string; generic?: boolean }, t: Translate): string {
  if (!p.via) return '';
  return ` ${t(p.generic ? 'certViaParentGeneric' : 'certViaParent', [p.via])}`;
}

/** One reason in the user's language. */
export function reasonText(r: Reason, t: Translate, lang: string): string {
  switch (r.code) {
    case 'concern-destinations': {
      const n = r.params.countries.length;
      const places = listOf(r.params.countries.map((c) => regionName(c, lang)), lang);
      const us = r.params.jurisdiction === 'US';
      const status = t(pluralKey(n, lang, us ? 'reasonStatusConcernOne' : 'reasonStatusNoAdequacyOne', us ? 'reasonStatusConcern' : 'reasonStatusNoAdequacy'));
      const keys = CONCERN_BY[r.params.statedBy];
      return t(pluralKey(n, lang, keys.one, keys.other), [whoOf(r.params, t), places, status]);
    }
    case 'unspecified-destinations':
      return t('reasonUnspecified', [whoOf(r.params, t)]);
    case 'not-certified': {
      const base = t('reasonNotCertified', [r.params.company, t(FRAMEWORK_NAME[r.params.framework])]) + via(r.params, t);
      return r.params.safeguard ? `${base} ${t('reasonSafeguardNamed', [r.params.safeguard])}` : base;
    }
    case 'hq-concern': {
      const who = whoOf(r.params, t);
      if (r.params.status === 'not-certified') return t('reasonHqNotCertified', [who, t(FRAMEWORK_NAME[r.params.framework ?? 'eu-us-dpf']), r.params.company]);
      const key = r.params.status === 'country-of-concern' ? 'reasonHqConcern' : 'reasonHqNoAdequacy';
      return t(key, [who, regionName(r.params.country, lang), r.params.company]);
    }
    case 'backed-by-action':
    case 'actions-on-record': {
      const headline = actionHeadline(r.params.action, t, lang);
      return r.params.actionCount > 1 ? t('reasonActionMore', [headline, String(r.params.actionCount)]) : t('reasonAction', [headline]);
    }
    case 'history-action': {
      const p = r.params;
      const subs = [actionHeadline(p.action, t, lang), t(FRAMEWORK_NAME[p.framework]), dayMonthYear(p.coveredSince, lang), p.company];
      return p.actionCount > 1 ? t('reasonHistoryMore', [subs[0]!, String(p.actionCount), ...subs.slice(1)]) : t('reasonHistory', subs);
    }
    case 'certified':
      return (
        t('reasonCertified', [r.params.company, t(FRAMEWORK_NAME[r.params.framework]), t(DECISION[r.params.jurisdiction]), dayMonthYear(r.params.since, lang)]) +
        via(r.params, t)
      );
    case 'certification-unknown':
      return (
        t(r.params.onRecord ? 'reasonCertUnknownRecord' : 'reasonCertUnknown', [r.params.company, t(FRAMEWORK_NAME[r.params.framework]), t(DECISION[r.params.jurisdiction])]) +
        via(r.params, t)
      );
    case 'dpf-challenge': {
      const cases = r.params.cases.map((c) => t('dpfCase', [c.id, c.court, dayMonthYear(c.date, lang), c.outcome])).join('; ');
      return t(r.params.status === 'pending' ? 'reasonDpfChallengePending' : 'reasonDpfChallengeDone', [cases]);
    }
    case 'unspecified-safeguard':
      return t('reasonUnspecifiedSafeguard', [whoOf(r.params, t), r.params.safeguard]);
    case 'no-sourced-transfer':
      return t('reasonNoSourced', [r.params.company]);
    case 'own-list':
      return t(r.params.partial ? 'reasonOwnListPartial' : 'reasonOwnList', [jurisdictionName(r.params.jurisdiction, t), t(OWN_LIST[r.params.jurisdiction])]);
    case 'approximate-jurisdiction':
      return t('reasonApproximate', [jurisdictionName(r.params.jurisdiction, t)]);
  }
}

/** A company's reasons as one passage, as the popup's verdict and `npm run lookup` give them. */
export const reasonsText = (reasons: readonly Reason[], t: Translate, lang: string) => reasons.map((r) => reasonText(r, t, lang)).join(' ');

const SHOWN_PLACES = 3;

/** The short form of a cause for the badge tooltip: "Russia, no adequacy decision", "based in China, a country of concern". */
function causeDetail(r: Reason, t: Translate, lang: string): string {
  switch (r.code) {
    case 'concern-destinations': {
      // A tooltip names three countries at most: TikTok's ten would hide the company behind them.
      const named = r.params.countries.slice(0, SHOWN_PLACES).map((c) => regionName(c, lang));
      const rest = r.params.countries.length - named.length;
      const places = listOf(rest > 0 ? [...named, t('causeMorePlaces', [String(rest)])] : named, lang);
      if (r.params.jurisdiction !== 'US') return t('causeNoAdequacy', [places]);
      return t(pluralKey(r.params.countries.length, lang, 'causeConcernOne', 'causeConcernOther'), [places]);
    }
    case 'not-certified':
      return t('causeNotCertified');
    case 'unspecified-destinations':
      return t('causeUnspecified');
    case 'hq-concern': {
      if (r.params.status === 'not-certified') return t('causeHqNotCertified');
      return t(r.params.status === 'country-of-concern' ? 'causeHqConcern' : 'causeHqNoAdequacy', [regionName(r.params.country, lang)]);
    }
    default:
      return 'action' in r.params ? actionHeadline(r.params.action, t, lang) : reasonText(r, t, lang);
  }
}

/**
 * The badge tooltip's "why": the company that raised the page to its level and the reason, named ("This page sends
 * data to Yandex (based in Russia, no adequacy decision)"), and how many more companies are at that level. Nothing
 * when no company is above low: the tooltip then gives the level alone.
 */
export function badgeCause(assessments: readonly CompanyAssessment[], level: Level, t: Translate, lang: string): string | undefined {
  if (levelRank(level) < levelRank('medium')) return undefined;
  const top = assessments.filter((a) => a.level === level && causeOf(a));
  const first = top[0];
  const cause = first && causeOf(first);
  if (!first || !cause) return undefined;
  const subs = [first.company.displayName ?? first.company.name, causeDetail(cause, t, lang)];
  const more = top.length - 1;
  if (more === 0) return t('tooltipCause', subs);
  return t(pluralKey(more, lang, 'tooltipCauseMoreOne', 'tooltipCauseMoreOther'), [...subs, String(more)]);
}
