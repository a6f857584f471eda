import type { TabReport } from '@/data/protocol';
import { RiskBadge } from './RiskBadge';

export interface ReportHeaderProps {
  report: TabReport;
  /** The heading for the full-tab log, which names the page it belongs to. */
  title?: string;
}

const TEXT = {
  thisTab: 'This tab',
  thirdParty: (name: string, reason: string) => `This page sends requests to ${name}. ${reason}`,
  nothingKnown:
    'No company in Borderline’s dataset was seen on this page. That does not mean no data leaves it: only that no sourced transfer is known.',
  jurisdiction: (j: string) => `Rules for ${j} users`,
};

/** The one sentence of why: the site's own reasons, else the riskiest third party's, else an honest "nothing known". */
export function whySentence(r: TabReport): string {
  const site = r.siteAssessment;
  if (site) return site.reasons.map((x) => x.text).join(' ');
  const worst = r.thirdParties.find((tp) => tp.assessment.level === r.level && r.level !== 'none');
  if (worst) return TEXT.thirdParty(worst.assessment.company.name, worst.assessment.reasons[0]?.text ?? '');
  return TEXT.nothingKnown;
}

/** The five-second verdict: site, level (icon, word, colour) and why. Nothing above it, nothing collapsible in it. */
export function ReportHeader({ report, title }: ReportHeaderProps) {
  return (
    <header class="report-header">
      <h1 data-testid="site">{title ?? report.site ?? report.url ?? TEXT.thisTab}</h1>
      <div class="verdict">
        <RiskBadge level={report.level} />
        <span class="muted jurisdiction">{TEXT.jurisdiction(report.jurisdiction)}</span>
      </div>
      <p class="why" data-testid="why">
        {whySentence(report)}
      </p>
    </header>
  );
}
