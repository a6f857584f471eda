import { useId, useState } from 'preact/hooks';
import { ACTION_KIND, ACTION_STATUS, FRAMEWORK_NAME, placeIn } from '@/data/assess/localized-text';
import type { ActionReason, CompanyAssessment, HistoryNote } from '@/data/assess/risk';
import type { Action } from '@/data/dataset/schema';
import { dayMonthYear } from '@/data/i18n/locale-format';
import { plural, useI18n } from './i18n';
import { SourceLinks } from './SourceLinks';

export interface ActionListProps {
  actions: Action[];
  /** Actions about transfers before the adequacy decision that now covers the company: said so, next to each. */
  history?: HistoryNote[];
  /** The one shown before "n more": the risk model's most relevant action (relevantAction); else the newest. */
  relevant?: Action | undefined;
}

/** The action the risk model picked as most relevant for the user (closest authority, about transfers, decided). */
export const relevantAction = (a: Pick<CompanyAssessment, 'reasons'>): Action | undefined =>
  a.reasons.find((r): r is ActionReason => r.code === 'backed-by-action' || r.code === 'actions-on-record')?.params.action;

/**
 * Complaints, fines, orders and lawsuits, newest first, each with its source. Eight actions are a wall of text: the
 * most relevant one shows, the rest wait behind "n more" (a disclosure button; they stay in the DOM, hidden, in
 * their place in time, so opening them never reorders what was read).
 */
export function ActionList({ actions, history = [], relevant }: ActionListProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [all, setAll] = useState(false);
  const listId = useId();
  if (actions.length === 0) return <p class="muted">{t('actionsNone')}</p>;
  const newestFirst = [...actions].sort((a, b) => b.date.localeCompare(a.date));
  const shownId = (relevant && newestFirst.some((a) => a.id === relevant.id) ? relevant : newestFirst[0]!).id;
  const more = newestFirst.length - 1;
  const historyNote = (id: string) => {
    const h = history.find((x) => x.action === id);
    if (!h) return null;
    return (
      <div class="detail history-note" data-testid="action-history">
        {t('actionHistoryNote', [dayMonthYear(h.conductUntil, lang), t(FRAMEWORK_NAME[h.framework]), dayMonthYear(h.coveredSince, lang)])}
      </div>
    );
  };
  return (
    <>
      <ol class="actions" data-testid="actions" id={listId}>
        {newestFirst.map((a) => (
          <li data-testid="action" data-action-id={a.id} data-shown={String(a.id === shownId)} hidden={!all && a.id !== shownId}>
            <div class="action-head">
              <time dateTime={a.date}>{a.date}</time> <strong class="kind">{t(ACTION_KIND[a.kind])}</strong>{' '}
              <span class={`action-status action-${a.status}`}>
                <span class="visually-hidden">{t('actionStatusLabel')} </span>
                {t(ACTION_STATUS[a.status])}
              </span>
            </div>
            <div class="authority">
              {a.authority} ({placeIn(a.jurisdiction, lang)})
            </div>
            {a.dateNote && <div class="note">{a.dateNote}</div>}
            {a.addressee && (
              <div class="detail" data-testid="action-addressee">
                {t('actionAddressee', [a.addressee])}
              </div>
            )}
            <p class="summary">{a.summary}</p>
            {a.amount && <div class="amount">{t('actionAmount', [a.amount])}</div>}
            {a.statusNote && <div class="note">{a.statusNote}</div>}
            {historyNote(a.id)}
            <SourceLinks sources={a.sources} asOf={a.asOf} confidence={a.confidence} />
          </li>
        ))}
      </ol>
      {more > 0 && (
        <button type="button" class="more-toggle" data-testid="actions-more" aria-expanded={all} aria-controls={listId} onClick={() => setAll(!all)}>
          {all ? t('actionsFewer') : plural(i18n, more, 'actionsMoreOne', 'actionsMoreOther')}
        </button>
      )}
    </>
  );
}
