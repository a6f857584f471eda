import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { errorText } from '@/data/i18n/localized-error';
import type { Translate } from '@/data/i18n/translator';
import type { LogExport, LogScope, TabReport } from '@/data/protocol';
import { AskView } from '@/components/AskView';
import type { EvidenceActions } from '@/components/EvidencePanel';
import { useT } from '@/components/i18n';
import type { ExportFormat, LogActionsProps, LogScopeChoice } from '@/components/LogActions';
import { LogPageView } from '@/components/LogPageView';
import { GlanceSummary } from '@/components/GlanceSummary';
import { ReportHeader } from '@/components/ReportHeader';
import { ErrorState, LoadingState, RestrictedState } from '@/components/StateViews';
import { TabReportView } from '@/components/TabReportView';
import type { SectionChoices, SectionMemory } from '@/components/section-memory';
import { localSections } from './section-store';

export type View = 'popup' | 'log' | 'ask';

export interface AppProps {
  load: () => Promise<TabReport>;
  exportLog: (scope: LogScope, format: ExportFormat) => Promise<LogExport>;
  clearLog: (scope: LogScope) => Promise<{ deleted: number }>;
  /** Hands the exported file to the user (a download in the page). */
  save: (file: LogExport) => void;
  view: View;
  /** Puts a text on the clipboard (navigator.clipboard in the page). */
  copy: (text: string) => Promise<void>;
  /** "Save evidence" and the complaint draft (the popup and the full-tab log). */
  evidence?: EvidenceActions;
  /** Which sections the user opened or closed, remembered across popups and sites (storage.local by default). */
  sections?: SectionMemory;
  /**
   * The tab's summary, if one can be read without the worker: its header is shown until the report comes. Only the
   * header, since its request counts may be behind the log's.
   */
  summary?: () => Promise<TabReport | undefined>;
  /**
   * A summary read before the first render: the popup's first paint is then the answer, not a loading state that the
   * summary replaces a frame later.
   */
  initial?: TabReport;
  /** Called after the first render that shows the answer (from the summary, then again from the report): the
   *  performance marks' hook. */
  onReady?: (from: 'summary' | 'report') => void;
}

// The sections below the fold render a frame after the answer (TabReportView): this mark says when, so npm run
// measure prints it beside popup-ready.
const markDetail = () => performance.mark('popup-detail-ready');

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'summary'; report: TabReport } | { kind: 'ready'; report: TabReport; opened: SectionChoices };


/** The popup acts on the page it shows; the full-tab log also offers the whole site and everything. */
function scopesFor(report: TabReport, view: View, t: Translate): { choices?: LogScopeChoice[]; scopeOf: (id: string) => LogScope } {
  const scopes: Record<string, LogScope> = { page: { tabId: report.tabId }, all: { all: true } };
  if (report.site) scopes.site = { site: report.site };
  const scopeOf = (id: string) => scopes[id] ?? { tabId: report.tabId };
  if (view !== 'log') return { scopeOf };
  const choices: LogScopeChoice[] = [{ id: 'page', label: t('scopePage'), confirm: t('confirmScopePage') }];
  if (report.site) choices.push({ id: 'site', label: t('scopeSite', [report.site]), confirm: t('confirmScopeSite', [report.site]) });
  choices.push({ id: 'all', label: t('scopeAll'), confirm: t('confirmScopeAll') });
  return { choices, scopeOf };
}

export function App({ load, exportLog, clearLog, save, view, copy, evidence, sections = localSections, summary, initial, onReady }: AppProps) {
  const t = useT();
  const [state, setState] = useState<State>(() => (initial && !initial.restricted ? { kind: 'summary', report: initial } : { kind: 'loading' }));
  const reported = useRef<State['kind'] | undefined>(undefined);
  // Read once, beside the report's round trip (which takes far longer), so the first render already has it.
  const opened = useMemo(() => sections.read(), [sections]);
  /** Rejects on failure, so a refresh or a clear can say what went wrong next to its button. */
  const refresh = useCallback(async () => {
    const [report, choices] = await Promise.all([load(), opened]);
    setState({ kind: 'ready', report, opened: choices });
  }, [load, opened]);
  const start = useCallback(() => refresh().catch((e: unknown) => setState({ kind: 'error', message: errorText(t, e) })), [refresh, t]);
  useEffect(() => void start(), [start]);
  useEffect(() => {
    void summary?.().then((s) => s && !s.restricted && setState((now) => (now.kind === 'loading' ? { kind: 'summary', report: s } : now)));
  }, []);
  useEffect(() => {
    if ((state.kind === 'ready' || state.kind === 'summary') && reported.current !== state.kind && reported.current !== 'ready') {
      reported.current = state.kind;
      onReady?.(state.kind === 'ready' ? 'report' : 'summary');
    }
  }, [state]);

  if (state.kind === 'loading') return <LoadingState />;
  if (state.kind === 'summary')
    return (
      <main class="report" aria-busy="true" data-testid="report-summary">
        <ReportHeader report={state.report}>
          <GlanceSummary report={state.report} />
        </ReportHeader>
        <p role="status" class="muted">
          {t('stateLoading')}
        </p>
      </main>
    );
  if (state.kind === 'error')
    return (
      <ErrorState
        message={state.message}
        onRetry={() => {
          setState({ kind: 'loading' });
          void start();
        }}
      />
    );
  const { report } = state;
  if (report.restricted) return <RestrictedState url={report.url} />;

  if (view === 'ask') return <AskView report={report} copy={copy} reportHref={`popup.html?tabId=${report.tabId}`} />;

  const { choices, scopeOf } = scopesFor(report, view, t);
  const logActions: LogActionsProps = {
    ...(choices ? { scopes: choices } : {}),
    async onExport(format, scope) {
      const file = await exportLog(scopeOf(scope), format);
      save(file);
      return file.rows;
    },
    async onClear(scope) {
      const { deleted } = await clearLog(scopeOf(scope));
      await refresh();
      return deleted;
    },
    onRefresh: refresh,
    ...(view === 'popup' ? { fullTabHref: `popup.html?tabId=${report.tabId}&view=log` } : {}),
  };
  return view === 'log' ? (
    <LogPageView report={report} logActions={logActions} {...(evidence ? { evidence } : {})} />
  ) : (
    <TabReportView
      report={report}
      logActions={logActions}
      copy={copy}
      sections={{ initial: state.opened, onChange: (c) => void sections.write(c) }}
      onDetail={markDetail}
      {...(evidence ? { evidence } : {})}
    />
  );
}
