// The wording for the facts the risk model produces (reasons, actions, jurisdictions), rebuilt from their structured
// params through message keys: the popup, banner and badge tooltip follow the browser's language, and the CLI
// (`npm run lookup`) prints the same texts in English.
import type { MessageKey, Translate } from '../i18n/translator';
import { listOf, monthYear, regionName } from '../i18n/locale-format';
import type { Jurisdiction, Reason, ReasonSubject, StatedBy } from './risk';
import type { Action } from '../dataset/schema';

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

/** "EU" is not a region Intl knows everywhere; the rest are ISO country codes. */
export const placeIn = (jurisdiction: string, lang: string) => regionName(jurisdiction, lang);

const capitalize = (s: string, lang: string) => s.charAt(0).toLocaleUpperCase(lang) + s.slice(1);

/** "Complaint pending: Datenschutzbehörde, Austria, Jan 2025", with the amount of a fine or settlement. */
export function actionHeadline(a: Pick<Action, 'kind' | 'status' | 'authority' | 'jurisdiction' | 'date' | 'amount'>, t: Translate, lang: string): string {
  const headline = capitalize(
    t('actionHeadline', [t(ACTION_KIND[a.kind]), t(ACTION_STATUS[a.status]), a.authority, placeIn(a.jurisdiction, lang), monthYear(a.date, lang)]),
    lang,
  );
  return a.amount && (a.kind === 'fine' || a.kind === 'settlement') ? t('actionWithAmount', [headline, a.amount]) : headline;
}

const CONCERN_BY: Record<StatedBy, MessageKey> = {
  company: 'reasonConcernCompany',
  regulator: 'reasonConcernRegulator',
  court: 'reasonConcernCourt',
  complaint: 'reasonConcernComplaint',
};

const whoOf = (p: ReasonSubject, t: Translate) => (p.group ? t('reasonWhoGroup', [p.company, p.group]) : p.company);

/** One reason in the user's language. */
export function reasonText(r: Reason, t: Translate, lang: string): string {
  switch (r.code) {
    case 'concern-destinations': {
      const places = listOf(r.params.countries.map((c) => regionName(c, lang)), lang);
      const status = t(r.params.jurisdiction === 'US' ? 'reasonStatusConcern' : 'reasonStatusNoAdequacy');
      return t(CONCERN_BY[r.params.statedBy], [whoOf(r.params, t), places, status]);
    }
    case 'unspecified-destinations':
      return t('reasonUnspecified', [whoOf(r.params, t)]);
    case 'backed-by-action':
    case 'actions-on-record': {
      const headline = actionHeadline(r.params.action, t, lang);
      return r.params.actionCount > 1 ? t('reasonActionMore', [headline, String(r.params.actionCount)]) : t('reasonAction', [headline]);
    }
    case 'no-sourced-transfer':
      return t('reasonNoSourced', [r.params.company]);
    case 'approximate-jurisdiction':
      return t('reasonApproximate', [jurisdictionName(r.params.jurisdiction, t)]);
  }
}

/** A company's reasons as one passage, as the popup's verdict and `npm run lookup` give them. */
export const reasonsText = (reasons: readonly Reason[], t: Translate, lang: string) => reasons.map((r) => reasonText(r, t, lang)).join(' ');
