import { errorText } from '@/data/i18n/localized-error';
import { useEffect, useRef, useState } from 'preact/hooks';
import { plural, useI18n } from './i18n';

export type ExportFormat = 'json' | 'csv';

/** What an export or a clear applies to, e.g. this page, this site, everything; the caller maps ids to scopes. */
export interface LogScopeChoice {
  id: string;
  label: string;
  /** The question asked before clearing this scope: a whole sentence, so every language can phrase it. */
  confirm: string;
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

type Note = { kind: 'ok' | 'error'; text: string } | null;


/** Export and clear go through the background; a failure is shown next to the buttons, never thrown. */
export function LogActions({ onExport, onClear, scopes, onRefresh, fullTabHref, disabled }: LogActionsProps) {
  const [scope, setScope] = useState(scopes?.[0]?.id ?? 'page');
  const scoped = scopes !== undefined && scopes.length > 1;
  const i18n = useI18n();
  const { t } = i18n;
  const confirmQuestion = (scoped && scopes.find((s) => s.id === scope)?.confirm) || t('logConfirmQuestion');
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
      setNote({ kind: 'error', text: failed(errorText(t, e)) });
    } finally {
      setBusy(false);
    }
  };
  const exportAs = (format: ExportFormat) =>
    run(async () => plural(i18n, await onExport(format, scope), 'logExportedOne', 'logExportedOther'), (m) => t('logExportFailed', [m]));
  const clear = () => {
    setConfirming(false);
    return run(async () => plural(i18n, await onClear(scope), 'logClearedOne', 'logClearedOther'), (m) => t('logClearFailed', [m]));
  };

  return (
    <div class="log-actions" role="group" aria-label={t('logGroup')} data-testid="log-actions">
      <div class="buttons">
        {scoped && (
          <label class="scope">
            <span>{t('logScope')}</span>{' '}
            <select value={scope} onChange={(e) => setScope(e.currentTarget.value)} data-testid="log-scope">
              {scopes.map((s) => (
                <option value={s.id}>{s.label}</option>
              ))}
            </select>
          </label>
        )}
        <button type="button" disabled={busy || disabled} onClick={() => exportAs('json')} data-testid="export-json">
          {t('logExportJson')}
        </button>
        <button type="button" disabled={busy || disabled} onClick={() => exportAs('csv')} data-testid="export-csv">
          {t('logExportCsv')}
        </button>
        {!confirming && (
          <button type="button" disabled={busy || disabled} onClick={() => setConfirming(true)} data-testid="clear-log">
            {scoped ? t('logClearScoped') : t('logClear')}
          </button>
        )}
        {onRefresh && (
          <button type="button" disabled={busy} onClick={() => run(async () => (await onRefresh(), t('logRefreshed')), (m) => t('logRefreshFailed', [m]))} data-testid="refresh-log">
            {t('logRefresh')}
          </button>
        )}
        {fullTabHref && (
          <a href={fullTabHref} target="_blank" rel="noopener noreferrer" data-testid="open-log-tab">
            {t('logOpenTab')}
            <span class="visually-hidden">{` ${t('newTab')}`}</span>
          </a>
        )}
      </div>
      {confirming && (
        <div class="confirm" role="group" aria-label={t('logClear')} data-testid="clear-confirm">
          <span>{confirmQuestion}</span>{' '}
          <button type="button" class="danger" onClick={clear} data-testid="clear-confirm-yes">
            {t('logConfirm')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)} ref={cancelRef}>
            {t('logCancel')}
          </button>
        </div>
      )}
      <p class={`log-note${note?.kind === 'error' ? ' error' : ''}`} role="status" data-testid="log-note">
        {note?.text}
      </p>
    </div>
  );
}
