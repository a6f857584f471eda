import type { TabReport } from '@/data/protocol';
import { jurisdictionName, reasonText } from '@/data/assess/localized-text';
import { useI18n, type I18n } from './i18n';
import { RiskBadge } from './RiskBadge';

export interface ReportHeaderProps {
  report: TabReport;
  /** The heading for the full-tab log, which names the page it belongs to. */
  title?: string;
}

/** The one sentence of why: the site's own reasons, else the riskiest third party's, else an honest "nothing known". */
export function whySentence(r: TabReport, { t, lang }: I18n): string {
  const site = r.siteAssessment;
  if (site) return site.reasons.map((x) => reasonText(x, t, lang)).join(' ');
  const worst = r.thirdParties.find((tp) => tp.assessment.level === r.level && r.level !== 'none');
  if (worst) {
    const reason = worst.assessment.reasons[0];
    return t('headerThirdParty', [worst.assessment.company.name, reason ? reasonText(reason, t, lang) : '']).trim();
  }
  return t('headerNothingKnown');
}

/** The five-second verdict: site, level (icon, word, colour) and why. Nothing above it, nothing collapsible in it. */
export function ReportHeader({ report, title }: ReportHeaderProps) {
  const i18n = useI18n();
  return (
    <header class="report-header">
      <h1 data-testid="site">{title ?? report.site ?? report.url ?? i18n.t('headerThisTab')}</h1>
      <div class="verdict">
        <RiskBadge level={report.level} />
        <span class="muted jurisdiction">{i18n.t('headerJurisdiction', [jurisdictionName(report.jurisdiction, i18n.t)])}</span>
      </div>
      <p class="why" data-testid="why">
        {whySentence(report, i18n)}
      </p>
    </header>
  );
}
