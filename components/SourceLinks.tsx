import { useT } from './i18n';

export interface SourceLinksProps {
  sources: string[];
  asOf: string;
  confidence: 'confirmed' | 'likely';
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
};

/** Where a fact comes from; links open in a new tab and tell the reader so. */
export function SourceLinks({ sources, asOf, confidence }: SourceLinksProps) {
  const t = useT();
  return (
    <span class="sources">
      {confidence === 'likely' && (
        <>
          <span class="likely" data-testid="likely">
            {t('sourceLikely')}
            <span class="visually-hidden"> {t('sourceLikelyWhy')}</span>
          </span>{' '}
        </>
      )}
      <span class="as-of">{t('sourceAsOf', [asOf])}</span>
      {' · '}
      {sources.map((url, i) => (
        <>
          {i > 0 && ', '}
          <a href={url} target="_blank" rel="noopener noreferrer" data-testid="source-link">
            {hostOf(url)}
            <span class="visually-hidden"> {t('sourceNewTab')}</span>
          </a>
        </>
      ))}
    </span>
  );
}
