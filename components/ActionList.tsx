import { placeName } from '@/data/risk';
import type { Action } from '@/data/schema';
import { SourceLinks } from './SourceLinks';

const STATUS_WORD: Record<Action['status'], string> = {
  pending: 'pending',
  open: 'open',
  decided: 'decided',
  final: 'final',
  'under-appeal': 'under appeal',
  settled: 'settled',
};

const KIND_WORD: Record<Action['kind'], string> = {
  complaint: 'complaint',
  fine: 'fine',
  order: 'order',
  lawsuit: 'lawsuit',
  investigation: 'investigation',
  settlement: 'settlement',
};

const TEXT = {
  none: 'No enforcement actions on record.',
  status: 'Status: ',
  amount: 'Amount: ',
};

export interface ActionListProps {
  actions: Action[];
}

/** Complaints, fines, orders and lawsuits, newest first, each with its source. */
export function ActionList({ actions }: ActionListProps) {
  if (actions.length === 0) return <p class="muted">{TEXT.none}</p>;
  const newestFirst = [...actions].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <ol class="actions" data-testid="actions">
      {newestFirst.map((a) => (
        <li data-testid="action" data-action-id={a.id}>
          <div class="action-head">
            <time dateTime={a.date}>{a.date}</time> <strong class="kind">{KIND_WORD[a.kind]}</strong>{' '}
            <span class={`action-status action-${a.status}`}>
              <span class="visually-hidden">{TEXT.status}</span>
              {STATUS_WORD[a.status]}
            </span>
          </div>
          <div class="authority">
            {a.authority} ({placeName(a.jurisdiction)})
          </div>
          {a.dateNote && <div class="note">{a.dateNote}</div>}
          <p class="summary">{a.summary}</p>
          {a.amount && (
            <div class="amount">
              {TEXT.amount}
              {a.amount}
            </div>
          )}
          {a.statusNote && <div class="note">{a.statusNote}</div>}
          <SourceLinks sources={a.sources} asOf={a.asOf} confidence={a.confidence} />
        </li>
      ))}
    </ol>
  );
}
