import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '@/data/i18n/translator';
import { jurisdictionName } from '@/data/assess/localized-text';
import type { TabReport } from '@/data/protocol';
import { ActionList, relevantAction } from './ActionList';
import { AskList } from './AskList';
import { CompanyChain } from './CompanyChain';
import { CompanyReasons } from './CompanyReasons';
import { companyNamesOf } from './company-names';
import { DestinationList } from './DestinationList';
import { EvidencePanel, type EvidenceActions } from './EvidencePanel';
import { filterText, GlanceSummary, type PlaceFilter } from './GlanceSummary';
import { ServersSeen } from './ServersSeen';
import { useI18n } from './i18n';
import type { LogActionsProps } from './LogActions';
import { ReportHeader } from './ReportHeader';
import { RequestLog } from './RequestLog';
import { Section } from './Section';
import { SectionNav, type SectionNavItem } from './SectionNav';
import { ThirdPartyList } from './ThirdPartyList';
import { displayNameOf } from './third-party-groups';
import { useAfterFirstPaint } from './useAfterFirstPaint';
import type { SectionChoices } from './section-memory';

export interface TabReportViewProps {
  report: TabReport;
  logActions?: LogActionsProps;
  /** Puts "Ask them" in the report; without it (a read-only view) the section is left out. */
  copy?: (text: string) => Promise<void>;
  /** "Save evidence" and the complaint draft; left out of a read-only view. */
  evidence?: EvidenceActions;
  /** The sections the user opened or closed before (any site), and where to remember a new choice. */
  sections?: { initial: SectionChoices; onChange: (choices: SectionChoices) => void };
  /** Called once the sections' content (below the fold, rendered after the first paint) is in the DOM. */
  onDetail?: () => void;
}

const SECTION: Record<SectionId, { title: MessageKey; nav: MessageKey }> = {
  who: { title: 'secWho', nav: 'navWho' },
  where: { title: 'secWhere', nav: 'navWhere' },
  actions: { title: 'secActions', nav: 'navActions' },
  about: { title: 'secAbout', nav: 'navAbout' },
  ask: { title: 'secAsk', nav: 'navAsk' },
  act: { title: 'secAct', nav: 'navAct' },
  third: { title: 'secThird', nav: 'navThird' },
  log: { title: 'secLog', nav: 'navLog' },
};

type SectionId = 'who' | 'where' | 'actions' | 'about' | 'ask' | 'act' | 'third' | 'log';

/** The whole report for one tab: the verdict first and always in view, the details in sections below it. */
export function TabReportView({ report, logActions, copy, evidence, sections, onDetail }: TabReportViewProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const painted = useAfterFirstPaint();
  useLayoutEffect(() => {
    if (painted) onDetail?.();
  }, [painted]);
  const site = report.siteAssessment;
  const companyName = useMemo(() => companyNamesOf(report), [report]);
  // The request text is long: it waits behind its heading until asked for, so the verdict's details stay in reach.
  // What the user chose before, on any site, overrides that; a toggle is remembered, a jump or a filter is not.
  const [closed, setClosed] = useState<ReadonlySet<string>>(() => {
    const start = new Set(['ask', 'act']);
    for (const [id, open] of Object.entries(sections?.initial ?? {})) {
      if (open) start.delete(id);
      else start.add(id);
    }
    return start;
  });
  const choices = useRef<SectionChoices>(sections?.initial ?? {});
  const toggle = (id: string) => {
    const open = closed.has(id);
    setClosed((prev) => {
      const next = new Set(prev);
      if (open) next.delete(id);
      else next.add(id);
      return next;
    });
    choices.current = { ...choices.current, [id]: open };
    sections?.onChange(choices.current);
  };
  // A country of the picture narrows the companies below to it; their section opens so the narrowing shows.
  const [place, setPlace] = useState<PlaceFilter | null>(null);
  const narrow = (f: PlaceFilter | null) => {
    setPlace(f);
    if (f)
      setClosed((prev) => {
        const next = new Set(prev);
        next.delete('third');
        return next;
      });
  };
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
  const ids: SectionId[] = [...(site ? (['who', 'where', 'actions'] as const) : (['about'] as const)), ...(copy ? (['ask'] as const) : []), ...(evidence ? (['act'] as const) : []), 'third', 'log'];
  const nav: SectionNavItem[] = ids.map((id) => ({ id, label: t(SECTION[id].nav), count: counts[id] }));
  const props = (id: SectionId) => ({ id, title: t(SECTION[id].title), open: !closed.has(id), onToggle: toggle, count: counts[id], ready: painted });

  return (
    <main class="report">
      <ReportHeader report={report}>
        <GlanceSummary report={report} filter={place} onFilter={narrow} />
      </ReportHeader>
      <SectionNav items={nav} onJump={jump} />
      {site ? (
        <>
          <Section {...props('who')}>
            <CompanyChain assessment={site} />
          </Section>
          <Section {...props('where')}>
            <h3>{t('destHeading')}</h3>
            <DestinationList destinations={site.destinations} jurisdiction={report.jurisdiction} />
            <CompanyReasons assessment={site} only="protection" />
            <ServersSeen countries={report.siteServersSeen} />
          </Section>
          <Section {...props('actions')}>
            <ActionList actions={site.actions} history={site.history} relevant={relevantAction(site)} />
          </Section>
        </>
      ) : (
        <Section {...props('about')}>
          <p data-testid="not-in-dataset">{t('notInDataset', [report.site ?? report.url ?? ''])}</p>
        </Section>
      )}
      {copy && (
        <Section {...props('ask')}>
          <AskList report={report} copy={copy} />
        </Section>
      )}
      {evidence && (
        <Section {...props('act')}>
          <EvidencePanel report={report} actions={evidence} />
        </Section>
      )}
      <Section {...props('third')}>
        <ThirdPartyList
          thirdParties={report.thirdParties}
          unknown={report.unknownThirdParties}
          jurisdiction={report.jurisdiction}
          {...(place
            ? {
                filter: {
                  text: filterText(place, i18n),
                  companies: new Set(place.companies),
                  ...(site && place.companies.includes(site.company.id) ? { siteName: displayNameOf(site.company) } : {}),
                  onClear: () => {
                    narrow(null);
                    // The button goes with the filter: focus stays in the section, on its heading.
                    document.querySelector<HTMLButtonElement>('#h-third button')?.focus();
                  },
                },
              }
            : {})}
        />
      </Section>
      <Section {...props('log')}>
        {report.logIncomplete && (
          <p role="status" class="notice" data-testid="log-incomplete">
            {t('logIncomplete')}
          </p>
        )}
        <RequestLog rows={report.requests} companyName={companyName} actions={logActions} />
      </Section>
      <footer class="muted">{t('reportFooter', [report.dataset.version, report.dataset.date, jurisdictionName(report.jurisdiction, t)])}</footer>
    </main>
  );
}
