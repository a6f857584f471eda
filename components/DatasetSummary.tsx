import type { MessageKey } from '@/data/i18n/translator';
import type { DatasetInfo } from '@/data/protocol';
import { useT } from './i18n';

export interface DatasetSummaryProps {
  info: DatasetInfo;
}

const LABELS: Record<string, MessageKey> = {
  companies: 'countCompanies',
  domains: 'countDomains',
  destinations: 'countDestinations',
  actions: 'countActions',
  eea: 'countEea',
  adequacy: 'countAdequacy',
};

export function DatasetSummary({ info }: DatasetSummaryProps) {
  const t = useT();
  const label = (k: string) => (LABELS[k] ? t(LABELS[k]) : k);
  return (
    <div data-testid="dataset-summary">
      <p>
        {t('sumVersion')} <strong data-testid="dataset-version">{info.version}</strong> <time dateTime={info.date}>{t('sumOf', [info.date])}</time> (
        {info.source === 'bundled' ? t('sumBundled') : t('sumUpdated')})
      </p>
      <dl>
        {Object.entries(info.counts).map(([k, n]) => (
          <>
            <dt>{label(k)}</dt>
            <dd data-testid={`count-${k}`}>{n}</dd>
          </>
        ))}
      </dl>
      <p class="muted">{t('sumLicence', [info.license])}</p>
    </div>
  );
}
