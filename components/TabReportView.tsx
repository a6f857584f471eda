import { useMemo, useState } from 'preact/hooks';
import type { TabReport } from '@/data/protocol';
import { ActionList } from './ActionList';
import { CompanyChain } from './CompanyChain';
import { companyNamesOf } from './company-names';
import { DestinationList } from './DestinationList';
import type { LogActionsProps } from './LogActions';
import { ReportHeader } from './ReportHeader';
import { RequestLog } from './RequestLog';
import { Section } from './Section';
import { SectionNav, type SectionNavItem } from './SectionNav';
import { ThirdPartyList } from './ThirdPartyList';

export interface TabReportViewProps {
  report: TabReport;
  logActions?: LogActionsProps;
}

const TEXT = {
  who: 'Who runs this site',
  where: 'Where your data may go',
  actions: 'Actions',
  about: 'About this site',
  third: 'Third parties on this page',
  log: 'Request log',
  nav: { who: 'Who', where: 'Where', actions: 'Actions', about: 'Site', third: 'Third parties', log: 'Log' },
  notInDataset: (site: string) =>
    `${site} is not in Borderline’s dataset: there is no sourced fact about who runs it or where it sends data. That is “no known transfers”, not “safe”.`,
  footer: (version: string, date: string, j: string) => `Dataset ${version} of ${date} · rules for ${j} users`,
};

type SectionId = keyof typeof TEXT.nav;

/** The whole report for one tab: the verdict first and always in view, the details in sections below it. */
export function TabReportView({ report, logActions }: TabReportViewProps) {
  const site = report.siteAssessment;
  const companyName = useMemo(() => companyNamesOf(report), [report]);
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setClosed((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const jump = (id: string) => {
    setClosed((prev) => {
      const next = new Set(prev);
      next.delete(id);
      return next;
    });
    const button = document.querySelector<HTMLButtonElement>(`#h-${id} button`);
    button?.scrollIntoView({ block: 'start' });
    button?.focus();
  };

  const counts: Partial<Record<SectionId, number>> = {
    where: site?.destinations.filter((d) => d.current).length,
    actions: site?.actions.length,
    third: report.thirdParties.length,
    log: report.requests.length,
  };
  const ids: SectionId[] = site ? ['who', 'where', 'actions', 'third', 'log'] : ['about', 'third', 'log'];
  const nav: SectionNavItem[] = ids.map((id) => ({ id, label: TEXT.nav[id], count: counts[id] }));
  const props = (id: SectionId) => ({ id, open: !closed.has(id), onToggle: toggle, count: counts[id] });

  return (
    <main class="report">
      <ReportHeader report={report} />
      <SectionNav items={nav} onJump={jump} />
      {site ? (
        <>
          <Section title={TEXT.who} {...props('who')}>
            <CompanyChain assessment={site} />
          </Section>
          <Section title={TEXT.where} {...props('where')}>
            <DestinationList destinations={site.destinations} jurisdiction={report.jurisdiction} />
          </Section>
          <Section title={TEXT.actions} {...props('actions')}>
            <ActionList actions={site.actions} />
          </Section>
        </>
      ) : (
        <Section title={TEXT.about} {...props('about')}>
          <p data-testid="not-in-dataset">{TEXT.notInDataset(report.site ?? report.url ?? '')}</p>
        </Section>
      )}
      <Section title={TEXT.third} {...props('third')}>
        <ThirdPartyList thirdParties={report.thirdParties} unknown={report.unknownThirdParties} jurisdiction={report.jurisdiction} />
      </Section>
      <Section title={TEXT.log} {...props('log')}>
        <RequestLog rows={report.requests} companyName={companyName} actions={logActions} />
      </Section>
      <footer class="muted">{TEXT.footer(report.dataset.version, report.dataset.date, report.jurisdiction)}</footer>
    </main>
  );
}
