import { useMemo } from 'preact/hooks';
import type { TabReport } from '@/data/protocol';
import { companyNamesOf } from './company-names';
import { EvidencePanel, type EvidenceActions } from './EvidencePanel';
import { useT } from './i18n';
import type { LogActionsProps } from './LogActions';
import { ReportHeader } from './ReportHeader';
import { RequestLog } from './RequestLog';

export interface LogPageViewProps {
  report: TabReport;
  logActions?: LogActionsProps;
  evidence?: EvidenceActions;
}

/** The request log in a full tab: the same verdict on top, the table with room to read it. */
export function LogPageView({ report, logActions, evidence }: LogPageViewProps) {
  const t = useT();
  const companyName = useMemo(() => companyNamesOf(report), [report]);
  return (
    <main class="report log-page">
      <ReportHeader report={report} title={t('logPageTitle', [report.site ?? report.url ?? t('logThisTab')])} />
      <RequestLog rows={report.requests} companyName={companyName} actions={logActions} tall />
      {evidence && (
        <section class="section" aria-labelledby="h-act" data-testid="section-act">
          <h2 id="h-act">{t('secAct')}</h2>
          <EvidencePanel report={report} actions={evidence} />
        </section>
      )}
    </main>
  );
}
