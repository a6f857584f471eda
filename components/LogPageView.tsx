import { useMemo } from 'preact/hooks';
import type { TabReport } from '@/data/protocol';
import { companyNamesOf } from './company-names';
import type { LogActionsProps } from './LogActions';
import { ReportHeader } from './ReportHeader';
import { RequestLog } from './RequestLog';

export interface LogPageViewProps {
  report: TabReport;
  logActions?: LogActionsProps;
}

const TEXT = {
  title: (site: string) => `Request log: ${site}`,
  thisTab: 'this tab',
};

/** The request log in a full tab: the same verdict on top, the table with room to read it. */
export function LogPageView({ report, logActions }: LogPageViewProps) {
  const companyName = useMemo(() => companyNamesOf(report), [report]);
  return (
    <main class="report log-page">
      <ReportHeader report={report} title={TEXT.title(report.site ?? report.url ?? TEXT.thisTab)} />
      <RequestLog rows={report.requests} companyName={companyName} actions={logActions} tall />
    </main>
  );
}
