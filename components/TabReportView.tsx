import type { TabReport } from '@/data/protocol';
import { ActionList } from './ActionList';
import { CompanyChain } from './CompanyChain';
import { DestinationList } from './DestinationList';
import { RequestLog } from './RequestLog';
import { RiskBadge } from './RiskBadge';
import { ThirdPartyList } from './ThirdPartyList';

export interface TabReportViewProps {
  report: TabReport;
}

function whySentence(r: TabReport): string {
  const site = r.siteAssessment;
  if (site) return site.reasons.map((x) => x.text).join(' ');
  const worst = r.thirdParties.find((tp) => tp.assessment.level === r.level && r.level !== 'none');
  if (worst) return `This page sends requests to ${worst.assessment.company.name}. ${worst.assessment.reasons[0]?.text ?? ''}`;
  return 'No company in Borderline’s dataset was seen on this page. That does not mean no data leaves it: only that no sourced transfer is known.';
}

/** The whole report for one tab: header first so the verdict is readable in five seconds, details below. */
export function TabReportView({ report }: TabReportViewProps) {
  const site = report.siteAssessment;
  const names = new Map<string, string>();
  if (site) site.chain.forEach((c) => names.set(c.id, c.name));
  report.thirdParties.forEach((tp) => names.set(tp.assessment.company.id, tp.assessment.company.name));
  return (
    <main>
      <header class="report-header">
        <h1 data-testid="site">{report.site ?? report.url ?? 'This tab'}</h1>
        <RiskBadge level={report.level} />
        <p class="why" data-testid="why">
          {whySentence(report)}
        </p>
      </header>
      {site && (
        <>
          <section aria-labelledby="h-who">
            <h2 id="h-who">Who runs this site</h2>
            <CompanyChain assessment={site} />
          </section>
          <section aria-labelledby="h-where">
            <h2 id="h-where">Where your data may go</h2>
            <DestinationList destinations={site.destinations} jurisdiction={report.jurisdiction} />
          </section>
          <section aria-labelledby="h-actions">
            <h2 id="h-actions">Actions</h2>
            <ActionList actions={site.actions} />
          </section>
        </>
      )}
      <section aria-labelledby="h-third">
        <h2 id="h-third">Third parties on this page</h2>
        <ThirdPartyList thirdParties={report.thirdParties} unknown={report.unknownThirdParties} />
      </section>
      <section aria-labelledby="h-log">
        <h2 id="h-log">Request log ({report.requests.length})</h2>
        <RequestLog rows={report.requests} companyName={(id) => names.get(id)} />
      </section>
      <footer class="muted">
        Dataset {report.dataset.version} of {report.dataset.date} · rules for {report.jurisdiction} users
      </footer>
    </main>
  );
}
