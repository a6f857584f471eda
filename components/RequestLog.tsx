import type { LogRow } from '@/data/log-row';

export interface RequestLogProps {
  rows: LogRow[];
  companyName: (id: string) => string | undefined;
}

const time = (t: number) => new Date(t).toLocaleTimeString(undefined, { hour12: false });

export function RequestLog({ rows, companyName }: RequestLogProps) {
  if (rows.length === 0) return <p class="muted">No requests logged for this page yet.</p>;
  return (
    <table class="request-log" data-testid="request-log">
      <caption class="visually-hidden">Requests this page sent</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Host</th>
          <th scope="col">Type</th>
          <th scope="col">Company</th>
          <th scope="col">Risk</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr data-testid="log-row" data-level={r.level}>
            <td>{time(r.time)}</td>
            <td title={r.url}>{r.host}</td>
            <td>{r.type}</td>
            <td>{r.company ? (companyName(r.company) ?? r.company) : '—'}</td>
            <td class={`risk-text risk-${r.level}`}>{r.level}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

