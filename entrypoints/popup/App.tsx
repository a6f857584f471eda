import { useEffect, useState } from 'preact/hooks';
import type { TabReport } from '@/data/protocol';
import { TabReportView } from '@/components/TabReportView';

export interface AppProps {
  load: () => Promise<TabReport>;
}

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; report: TabReport };

export function App({ load }: AppProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    load().then(
      (report) => setState({ kind: 'ready', report }),
      (e: unknown) => setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, [load]);
  if (state.kind === 'loading') return <main aria-busy="true"><p>Loading…</p></main>;
  if (state.kind === 'error') return (
      <main>
        <div role="alert" data-testid="error">
          <h1>Borderline could not load this tab</h1>
          <p>{state.message}</p>
        </div>
      </main>
    );
  if (state.report.restricted) {
    return (
      <main data-testid="restricted">
        <h1>Borderline cannot look at this page</h1>
        <p>Browsers do not let extensions observe their own pages or extension stores.</p>
      </main>
    );
  }
  return <TabReportView report={state.report} />;
}
