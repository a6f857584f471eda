export interface SourceLinksProps {
  sources: string[];
  asOf: string;
  confidence: 'confirmed' | 'likely';
}

const TEXT = {
  likely: 'likely',
  likelyWhy: ': only secondary sources state this',
  asOf: (day: string) => `as of ${day}`,
  newTab: ' (source, opens in a new tab)',
};

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
};

/** Where a fact comes from; links open in a new tab and tell the reader so. */
export function SourceLinks({ sources, asOf, confidence }: SourceLinksProps) {
  return (
    <span class="sources">
      {confidence === 'likely' && (
        <>
          <span class="likely" data-testid="likely">
            {TEXT.likely}
            <span class="visually-hidden">{TEXT.likelyWhy}</span>
          </span>{' '}
        </>
      )}
      <span class="as-of">{TEXT.asOf(asOf)}</span>
      {' · '}
      {sources.map((url, i) => (
        <>
          {i > 0 && ', '}
          <a href={url} target="_blank" rel="noopener noreferrer" data-testid="source-link">
            {hostOf(url)}
            <span class="visually-hidden">{TEXT.newTab}</span>
          </a>
        </>
      ))}
    </span>
  );
}
