import { regionName } from '@/data/i18n/locale-format';
import { useI18n } from './i18n';

export interface ServersSeenProps {
  /** ISO codes, or "local", of the servers that answered this page's requests for one company. */
  countries: string[] | undefined;
}

/** The observed server location, labelled as such: a second signal beside the disclosed destinations, never mixed in. */
export function ServersSeen({ countries }: ServersSeenProps) {
  const { t, lang } = useI18n();
  if (!countries?.length) return null;
  const names = countries.map((c) => (c === 'local' ? t('serverLocal') : regionName(c, lang))).join(', ');
  return (
    <div class="detail" data-testid="servers-seen">
      {t('serversSeen', [names])} <span class="muted">({t('serversSeenNote')})</span>
    </div>
  );
}
