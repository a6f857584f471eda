import { ACTION_KIND, ACTION_STATUS, FRAMEWORK_NAME, placeIn } from '@/data/assess/localized-text';
import type { HistoryNote } from '@/data/assess/risk';
import type { Action } from '@/data/dataset/schema';
import { dayMonthYear } from '@/data/i18n/locale-format';
import { useI18n } from './i18n';
import { SourceLinks } from './SourceLinks';

export interface ActionListProps {
  actions: Action[];
  /** Actions about transfers before the adequacy decision that now covers the company: said so, next to each. */
  history?: HistoryNote[];
}

/** Complaints, fines, orders and lawsuits, newest first, each with its source. */
export function ActionList({ actions, history = [] }: ActionListProps) {
  const { t, lang } = useI18n();
  if (actions.length === 0) return <p class="muted">{t('actionsNone')}</p>;
  const newestFirst = [...actions].sort((a, b) => b.date.localeCompare(a.date));
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
    <ol class="actions" data-testid="actions">
      {newestFirst.map((a) => (
        <li data-testid="action" data-action-id={a.id}>
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
  );
}
