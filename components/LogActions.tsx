import { useEffect, useRef, useState } from 'preact/hooks';

export type ExportFormat = 'json' | 'csv';

/** What an export or a clear applies to, e.g. this page, this site, everything; the caller maps ids to scopes. */
export interface LogScopeChoice {
  id: string;
  label: string;
}

export interface LogActionsProps {
  /** Resolves with the number of rows exported; rejects with the background's message. */
  onExport: (format: ExportFormat, scope: string) => Promise<number>;
  /** Resolves with the number of rows deleted; the caller reloads the report. */
  onClear: (scope: string) => Promise<number>;
  /** Offered as a choice when there is more than one; the first is the default. */
  scopes?: LogScopeChoice[];
  /** Loads the report again: the page may have sent more since the log opened. */
  onRefresh?: () => Promise<void>;
  /** Where the full-tab log lives; absent when this already is the full tab. */
  fullTabHref?: string;
  disabled?: boolean;
}

const TEXT = {
  group: 'Log actions',
  exportJson: 'Export JSON',
  exportCsv: 'Export CSV',
  clear: 'Clear this page’s log',
  confirm: 'Yes, clear it',
  cancel: 'Cancel',
  confirmQuestion: 'Delete this page’s logged requests? This cannot be undone.',
  scope: 'Applies to',
  clearScoped: 'Clear',
  confirmScoped: (what: string) => `Delete the logged requests of ${what}? This cannot be undone.`,
  refresh: 'Refresh',
  refreshed: 'Log refreshed.',
  refreshFailed: (m: string) => `Could not refresh: ${m}`,
  openTab: 'Open the log in a tab',
  newTab: ' (opens in a new tab)',
  exported: (n: number) => `Exported ${n} request${n === 1 ? '' : 's'}.`,
  cleared: (n: number) => `Cleared ${n} request${n === 1 ? '' : 's'}.`,
  exportFailed: (m: string) => `Could not export: ${m}`,
  clearFailed: (m: string) => `Could not clear: ${m}`,
};

type Note = { kind: 'ok' | 'error'; text: string } | null;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Export and clear go through the background; a failure is shown next to the buttons, never thrown. */
export function LogActions({ onExport, onClear, scopes, onRefresh, fullTabHref, disabled }: LogActionsProps) {
  const [scope, setScope] = useState(scopes?.[0]?.id ?? 'page');
  const scoped = scopes !== undefined && scopes.length > 1;
  const scopeLabel = scopes?.find((s) => s.id === scope)?.label.toLowerCase() ?? '';
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // Focus goes to the harmless choice, so a second Enter does not delete the log.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const run = async (task: () => Promise<string>, failed: (m: string) => string) => {
    setBusy(true);
    setNote(null);
    try {
      setNote({ kind: 'ok', text: await task() });
    } catch (e) {
      setNote({ kind: 'error', text: failed(messageOf(e)) });
    } finally {
      setBusy(false);
    }
  };
  const exportAs = (format: ExportFormat) => run(async () => TEXT.exported(await onExport(format, scope)), TEXT.exportFailed);
  const clear = () => {
    setConfirming(false);
    return run(async () => TEXT.cleared(await onClear(scope)), TEXT.clearFailed);
  };

  return (
    <div class="log-actions" role="group" aria-label={TEXT.group} data-testid="log-actions">
      <div class="buttons">
        {scoped && (
          <label class="scope">
            <span>{TEXT.scope}</span>{' '}
            <select value={scope} onChange={(e) => setScope(e.currentTarget.value)} data-testid="log-scope">
              {scopes.map((s) => (
                <option value={s.id}>{s.label}</option>
              ))}
            </select>
          </label>
        )}
        <button type="button" disabled={busy || disabled} onClick={() => exportAs('json')} data-testid="export-json">
          {TEXT.exportJson}
        </button>
        <button type="button" disabled={busy || disabled} onClick={() => exportAs('csv')} data-testid="export-csv">
          {TEXT.exportCsv}
        </button>
        {!confirming && (
          <button type="button" disabled={busy || disabled} onClick={() => setConfirming(true)} data-testid="clear-log">
            {scoped ? TEXT.clearScoped : TEXT.clear}
          </button>
        )}
        {onRefresh && (
          <button type="button" disabled={busy} onClick={() => run(async () => (await onRefresh(), TEXT.refreshed), TEXT.refreshFailed)} data-testid="refresh-log">
            {TEXT.refresh}
          </button>
        )}
        {fullTabHref && (
          <a href={fullTabHref} target="_blank" rel="noopener noreferrer" data-testid="open-log-tab">
            {TEXT.openTab}
            <span class="visually-hidden">{TEXT.newTab}</span>
          </a>
        )}
      </div>
      {confirming && (
        <div class="confirm" role="group" aria-label={TEXT.clear} data-testid="clear-confirm">
          <span>{scoped ? TEXT.confirmScoped(scopeLabel) : TEXT.confirmQuestion}</span>{' '}
          <button type="button" class="danger" onClick={clear} data-testid="clear-confirm-yes">
            {TEXT.confirm}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)} ref={cancelRef}>
            {TEXT.cancel}
          </button>
        </div>
      )}
      <p class={`log-note${note?.kind === 'error' ? ' error' : ''}`} role="status" data-testid="log-note">
        {note?.text}
      </p>
    </div>
  );
}
