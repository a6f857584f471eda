import type { DatasetInfo } from '@/data/protocol';

export interface DatasetSummaryProps {
  info: DatasetInfo;
}

const LABELS: Record<string, string> = {
  companies: 'Companies',
  domains: 'Domain entries',
  destinations: 'Disclosed destinations',
  actions: 'Enforcement actions',
  eea: 'EEA members',
  adequacy: 'Adequacy decisions',
};

export function DatasetSummary({ info }: DatasetSummaryProps) {
  return (
    <div data-testid="dataset-summary">
      <p>
        Version <strong data-testid="dataset-version">{info.version}</strong> of <time dateTime={info.date}>{info.date}</time> (
        {info.source === 'bundled' ? 'bundled with the extension' : 'updated'})
      </p>
      <dl>
        {Object.entries(info.counts).map(([k, n]) => (
          <>
            <dt>{LABELS[k] ?? k}</dt>
            <dd data-testid={`count-${k}`}>{n}</dd>
          </>
        ))}
      </dl>
      <p class="muted">Licence: {info.license}</p>
    </div>
  );
}
