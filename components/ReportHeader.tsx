import type { ComponentChildren } from 'preact';
import type { TabReport } from '@/data/protocol';
import { jurisdictionName, reasonsText, reasonText } from '@/data/assess/localized-text';
import { useI18n, type I18n } from './i18n';
import { RiskBadge } from './RiskBadge';

export interface ReportHeaderProps {
  report: TabReport;
  /** Shown between the level and the why: the popup's answer at a glance. */
  children?: ComponentChildren;
  /** The heading for the full-tab log, which names the page it belongs to. */
  title?: string;
}

/** The one sentence of why: the site's own reasons, else the riskiest third party's, else an honest "nothing known". */
function whySentence(r: TabReport, { t, lang }: I18n): string {
  const site = r.siteAssessment;
  if (site) return reasonsText(site.reasons, t, lang);
  const worst = r.thirdParties.find((tp) => tp.assessment.level === r.level && r.level !== 'none');
  if (worst) {
    const reason = worst.assessment.reasons[0];
    return t('headerThirdParty', [worst.assessment.company.name, reason ? reasonText(reason, t, lang) : '']).trim();
  }
  return t('headerNothingKnown');
}

/** "Rules for EEA users (guessed from your time zone) — change": which rules apply, and how to say where one lives. */
export function RulesLine({ report }: { report: Pick<TabReport, 'jurisdiction' | 'residence' | 'residenceGuessed' | 'adequacyList'> }) {
  const { t } = useI18n();
  const name = jurisdictionName(report.jurisdiction, t);
  const elsewhere = report.residence === 'elsewhere';
  const list = report.adequacyList;
  const own = report.jurisdiction === 'UK' ? 'listUK' : 'listCH';
  // The UK's and Switzerland's own lists are partly sourced: say so, or that the EEA's stands in where none is carried.
  const listNote = list && (list.own ? (list.partial ? t('rulesListPartial', [t(own)]) : '') : t('rulesListApprox'));
  const key = elsewhere
    ? report.residenceGuessed
      ? 'headerRulesElsewhereGuessed'
      : 'headerRulesElsewhere'
    : report.residenceGuessed
      ? 'headerRulesGuessed'
      : 'headerJurisdiction';
  return (
    <span class="muted jurisdiction" data-testid="rules" data-jurisdiction={report.jurisdiction} data-guessed={String(report.residenceGuessed)}>
      {t(key, [name])} —{' '}
      <a href="options.html" target="_blank" rel="noopener" data-testid="rules-change">
        {t('headerRulesChange')}
      </a>
      {listNote && <span data-testid="rules-list">{` · ${listNote}`}</span>}
    </span>
  );
}

/** The five-second verdict: site, level (icon, word, colour) and why. Nothing above it, nothing collapsible in it. */
export function ReportHeader({ report, title, children }: ReportHeaderProps) {
  const i18n = useI18n();
  return (
    <header class="report-header">
      <h1 data-testid="site">{title ?? report.site ?? report.url ?? i18n.t('headerThisTab')}</h1>
      <div class="verdict">
        <RiskBadge level={report.level} />
        <RulesLine report={report} />
      </div>
      {children}
      <p class="why" data-testid="why">
        {whySentence(report, i18n)}
      </p>
    </header>
  );
}
