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

export interface ActionListProps {
  actions: Action[];
}

/** Complaints, fines, orders and lawsuits, newest first, each with its source. */
export function ActionList({ actions }: ActionListProps) {
  if (actions.length === 0) return <p class="muted">No enforcement actions on record.</p>;
  return (
    <ol class="actions" data-testid="actions">
      {actions.map((a) => (
        <li data-testid="action" data-action-id={a.id}>
          <div class="action-head">
            <time dateTime={a.date}>{a.date}</time> <span class="kind">{a.kind}</span>{' '}
            <span class={`action-status action-${a.status}`}>{STATUS_WORD[a.status]}</span>
          </div>
          <div class="authority">
            {a.authority} ({placeName(a.jurisdiction)})
          </div>
          <p>{a.summary}</p>
          {a.amount && <div class="amount">Amount: {a.amount}</div>}
          {a.statusNote && <div class="note">{a.statusNote}</div>}
          <SourceLinks sources={a.sources} asOf={a.asOf} confidence={a.confidence} />
        </li>
      ))}
    </ol>
  );
}
