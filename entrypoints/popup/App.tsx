import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { LogExport, LogScope, TabReport } from '@/data/protocol';
import type { ExportFormat, LogActionsProps, LogScopeChoice } from '@/components/LogActions';
import { LogPageView } from '@/components/LogPageView';
import { ErrorState, LoadingState, RestrictedState } from '@/components/StateViews';
import { TabReportView } from '@/components/TabReportView';

export type View = 'popup' | 'log';

export interface AppProps {
  load: () => Promise<TabReport>;
  exportLog: (scope: LogScope, format: ExportFormat) => Promise<LogExport>;
  clearLog: (scope: LogScope) => Promise<{ deleted: number }>;
  /** Hands the exported file to the user (a download in the page). */
  save: (file: LogExport) => void;
  view: View;
  /** Called once, after the first render that shows a report: the performance mark's hook. */
  onReady?: () => void;
}

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; report: TabReport };

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

const TEXT = {
  page: 'This page',
  site: (site: string) => `All of ${site}`,
  all: 'Everything logged',
};

/** The popup acts on the page it shows; the full-tab log also offers the whole site and everything. */
function scopesFor(report: TabReport, view: View): { choices?: LogScopeChoice[]; scopeOf: (id: string) => LogScope } {
  const scopes: Record<string, LogScope> = { page: { tabId: report.tabId }, all: { all: true } };
  if (report.site) scopes.site = { site: report.site };
  const scopeOf = (id: string) => scopes[id] ?? { tabId: report.tabId };
  if (view === 'popup') return { scopeOf };
  const choices: LogScopeChoice[] = [{ id: 'page', label: TEXT.page }];
  if (report.site) choices.push({ id: 'site', label: TEXT.site(report.site) });
  choices.push({ id: 'all', label: TEXT.all });
  return { choices, scopeOf };
}

export function App({ load, exportLog, clearLog, save, view, onReady }: AppProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const reported = useRef(false);
  /** Rejects on failure, so a refresh or a clear can say what went wrong next to its button. */
  const refresh = useCallback(async () => {
    const report = await load();
    setState({ kind: 'ready', report });
  }, [load]);
  const start = useCallback(() => refresh().catch((e: unknown) => setState({ kind: 'error', message: messageOf(e) })), [refresh]);
  useEffect(() => void start(), [start]);
  useEffect(() => {
    if (state.kind === 'ready' && !reported.current) {
      reported.current = true;
      onReady?.();
    }
  }, [state]);

  if (state.kind === 'loading') return <LoadingState />;
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

  const { choices, scopeOf } = scopesFor(report, view);
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
  return view === 'log' ? <LogPageView report={report} logActions={logActions} /> : <TabReportView report={report} logActions={logActions} />;
}
