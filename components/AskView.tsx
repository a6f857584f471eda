import type { TabReport } from '@/data/protocol';
import { AskList } from './AskList';
import { useT } from './i18n';
import { ReportHeader } from './ReportHeader';

export interface AskViewProps {
  report: TabReport;
  copy: (text: string) => Promise<void>;
  /** The same tab's full report, for a reader who wants the facts behind the request. */
  reportHref: string;
}

/** What the banner's "Ask them" opens: the verdict, then the request itself, nothing to unfold first. */
export function AskView({ report, copy, reportHref }: AskViewProps) {
  const t = useT();
  return (
    <main class="report ask-view" data-testid="ask-view">
      <ReportHeader report={report} />
      <h2>{t('secAsk')}</h2>
      <AskList report={report} copy={copy} />
      <p>
        <a href={reportHref} data-testid="ask-full-report">
          {t('askShowAll')}
        </a>
      </p>
    </main>
  );
}
