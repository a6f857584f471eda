import { useState } from 'preact/hooks';
import { say } from '@/data/i18n/localized-error';
import type { DatasetStatus, UpdateCheck } from '@/data/protocol';
import type { Settings } from '@/data/settings';
import { DatasetSummary } from './DatasetSummary';
import { useI18n, useT } from './i18n';
import { UpdatePreview } from './UpdatePreview';

export interface DatasetControlsProps {
  status: DatasetStatus;
  settings: Settings;
  busy: boolean;
  /** The answer to the last check or import made on this page. */
  result: UpdateCheck | null;
  notice: string | null;
  onCheck: () => void;
  onImport: (data: File, signature: File | undefined) => void;
  onApply: () => void;
  onDiscard: () => void;
  onAllow: (origin: string, allow: boolean) => void;
  onExport: () => void;
  onRollback: () => void;
  onReset: () => void;
  onSettings: (change: Partial<Settings>) => void;
}

const SHOWN_PROBLEMS = 20;

function Rejection({ result, busy, onAllow }: { result: Extract<UpdateCheck, { kind: 'rejected' }>; busy: boolean; onAllow: (origin: string, allow: boolean) => void }) {
  const t = useT();
  return (
    <div role="alert" class="error" data-testid="update-error">
      <p data-testid="update-error-message">
        {say(t, result.error)} {result.needsAllow ? t('updAllowIfTrusted') : t('updNothingChanged')}
      </p>
      {result.problems.length > 0 && (
        <ul data-testid="update-problems">
          {result.problems.slice(0, SHOWN_PROBLEMS).map((p) => (
            <li>{p}</li>
          ))}
          {result.problems.length > SHOWN_PROBLEMS && <li>{t('moreCount', [String(result.problems.length - SHOWN_PROBLEMS)])}</li>}
        </ul>
      )}
      {result.needsAllow && (
        <p>
          <button type="button" data-testid="allow-unsigned" disabled={busy} onClick={() => onAllow(result.origin, true)}>
            {t('allowUnsigned', [result.origin])}
          </button>
        </p>
      )}
    </div>
  );
}

function UrlField({ value, fallback, onSave }: { value: string; fallback: string; onSave: (url: string) => void }) {
  const [draft, setDraft] = useState(value);
  const t = useT();
  const [problem, setProblem] = useState<string>();
  const save = (url: string) => {
    if (!/^https:\/\/\S+$/.test(url)) return setProblem(t('updUrlProblem'));
    setProblem(undefined);
    onSave(url);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save(draft.trim());
      }}
    >
      <label>
        {t('updUrl')} <input type="url" size={48} data-testid="update-url" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
      </label>{' '}
      <button type="submit" data-testid="save-url">
        {t('updSave')}
      </button>{' '}
      {value !== fallback && (
        <button type="button" onClick={() => (setDraft(fallback), save(fallback))}>
          {t('updUseDefault')}
        </button>
      )}
      {problem && (
        <p role="alert" class="error" data-testid="url-error">
          {problem}
        </p>
      )}
      <p class="muted">
        {t('updDefault')} <code>{fallback}</code>. {t('updSigNote')}
      </p>
    </form>
  );
}

export function DatasetControls(p: DatasetControlsProps) {
  const { t, lang } = useI18n();
  const { status, settings, busy, result } = p;
  const [data, setData] = useState<File>();
  const [signature, setSignature] = useState<File>();
  const info = status.info;
  const origin = info.origin ?? t('srcAnUpdate');
  const signed = info.signed === 'maintainers' ? t('srcSigned') : t('srcUnsigned');
  return (
    <div data-testid="dataset-controls" aria-busy={busy}>
      <DatasetSummary info={info} />
      <p data-testid="dataset-source">
        {info.source === 'bundled'
          ? t('srcBundled')
          : info.appliedAt
            ? t('srcUpdateApplied', [origin, signed, new Date(info.appliedAt).toLocaleString(lang)])
            : t('srcUpdate', [origin, signed])}
      </p>
      {status.lastCheck && (
        <p class="muted" data-testid="last-check">
          {t('lastCheck', [new Date(status.lastCheck.time).toLocaleString(lang), say(t, status.lastCheck.message)])}
        </p>
      )}

      <h3>{t('updHeading')}</h3>
      <p>
        <button type="button" data-testid="check-now" disabled={busy} onClick={p.onCheck}>
          {t('updCheckNow')}
        </button>{' '}
        <label>
          {t('updAuto')}{' '}
          <select data-testid="auto-update" value={settings.autoUpdate} onChange={(e) => p.onSettings({ autoUpdate: e.currentTarget.value as Settings['autoUpdate'] })}>
            <option value="off">{t('updOff')}</option>
            <option value="daily">{t('updDaily')}</option>
            <option value="weekly">{t('updWeekly')}</option>
          </select>
        </label>
      </p>
      <UrlField key={settings.updateUrl} value={settings.updateUrl} fallback={status.defaultUpdateUrl} onSave={(updateUrl) => p.onSettings({ updateUrl })} />

      <h3>{t('impHeading')}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (data) p.onImport(data, signature);
        }}
      >
        <label>
          {t('impData')} <input type="file" accept=".json,application/json" data-testid="import-file" onChange={(e) => setData(e.currentTarget.files?.[0])} />
        </label>{' '}
        <label>
          {t('impSignature')} <input type="file" accept=".sig" data-testid="import-signature" onChange={(e) => setSignature(e.currentTarget.files?.[0])} />
        </label>{' '}
        <button type="submit" data-testid="import-check" disabled={busy || !data}>
          {t('impCheck')}
        </button>
      </form>

      {p.notice && (
        <p role="status" data-testid="update-notice">
          {p.notice}
        </p>
      )}
      {result?.kind === 'rejected' && <Rejection result={result} busy={busy} onAllow={p.onAllow} />}
      {status.pending && <UpdatePreview preview={status.pending} busy={busy} onApply={p.onApply} onDiscard={p.onDiscard} />}

      <h3>{t('inForce')}</h3>
      <p>
        <button type="button" data-testid="export-dataset" disabled={busy} onClick={p.onExport}>
          {t('exportDataset')}
        </button>{' '}
        <button type="button" data-testid="rollback" disabled={busy || !status.previous} onClick={p.onRollback}>
          {status.previous
            ? t(status.previous.source === 'bundled' ? 'rollbackToBundled' : 'rollbackTo', [status.previous.version])
            : t('rollbackNone')}
        </button>{' '}
        <button type="button" data-testid="reset-bundled" disabled={busy || info.source === 'bundled'} onClick={p.onReset}>
          {t('resetBundled')}
        </button>
      </p>
      {status.unsignedAllowed.length > 0 && (
        <div>
          <p>{t('allowedSources')}</p>
          <ul data-testid="unsigned-allowed">
            {status.unsignedAllowed.map((o) => (
              <li>
                <code>{o}</code>{' '}
                <button type="button" disabled={busy} onClick={() => p.onAllow(o, false)}>
                  {t('revoke')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
