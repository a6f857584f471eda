import type { TabReport } from '@/data/protocol';
import { AccessRequest } from './AccessRequest';
import { useT } from './i18n';

export interface AskListProps {
  report: TabReport;
  copy: (text: string) => Promise<void>;
}

/** The site's company first and open; every other dataset company on the page one click away, so the list stays short. */
export function AskList({ report, copy }: AskListProps) {
  const t = useT();
  const site = report.siteAssessment;
  const others = report.thirdParties.filter((tp) => tp.assessment.company.id !== site?.company.id);
  if (!site && others.length === 0) return <p class="muted">{t('askNone')}</p>;
  return (
    <div class="ask-list" data-testid="ask-list">
      {site && <AccessRequest assessment={site} copy={copy} />}
      {others.length > 0 && (
        <>
          <h3>{t('askOthers')}</h3>
          {others.map((tp) => (
            <details class="ask-other" data-testid="ask-third-party" data-company={tp.assessment.company.id}>
              <summary>{t('requestHeading', [tp.assessment.company.name])}</summary>
              <AccessRequest assessment={tp.assessment} copy={copy} hideHeading />
            </details>
          ))}
        </>
      )}
    </div>
  );
}
