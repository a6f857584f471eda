// The UI's wording for facts the risk model produces in English (reasons, actions, jurisdictions): the same facts,
// rebuilt from their structured params through message keys, so the popup, banner and badge tooltip follow the
// browser's language while the CLI keeps the model's English `text`.
import type { MessageKey, Translate } from '../i18n/translator';
import { listOf, monthYear, regionName } from '../i18n/locale-format';
import type { Jurisdiction, Reason } from './risk';
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

const CONCERN_BY: Record<NonNullable<Reason['params']['statedBy']>, MessageKey> = {
  company: 'reasonConcernCompany',
  regulator: 'reasonConcernRegulator',
  court: 'reasonConcernCourt',
  complaint: 'reasonConcernComplaint',
};

/** One reason in the user's language; falls back to the English text for a reason this build does not know. */
export function reasonText(r: Reason, t: Translate, lang: string): string {
  const p = r.params;
  if (!p) return r.text;
  const who = p.group ? t('reasonWhoGroup', [p.company, p.group]) : p.company;
  switch (r.code) {
    case 'concern-destinations': {
      const places = listOf((p.countries ?? []).map((c) => regionName(c, lang)), lang);
      const status = t(p.jurisdiction === 'US' ? 'reasonStatusConcern' : 'reasonStatusNoAdequacy');
      return t(CONCERN_BY[p.statedBy ?? 'company'], [who, places, status]);
    }
    case 'unspecified-destinations':
      return t('reasonUnspecified', [who]);
    case 'backed-by-action':
    case 'actions-on-record': {
      if (!p.action) return r.text;
      const headline = actionHeadline(p.action, t, lang);
      return (p.actionCount ?? 0) > 1 ? t('reasonActionMore', [headline, String(p.actionCount)]) : t('reasonAction', [headline]);
    }
    case 'no-sourced-transfer':
      return t('reasonNoSourced', [p.company]);
    case 'approximate-jurisdiction':
      return p.jurisdiction ? t('reasonApproximate', [jurisdictionName(p.jurisdiction, t)]) : r.text;
  }
}
