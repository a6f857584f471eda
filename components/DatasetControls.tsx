import { useState } from 'preact/hooks';
import type { DatasetStatus, Settings, UpdateCheck } from '@/data/protocol';
import { DatasetSummary } from './DatasetSummary';
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
  return (
    <div role="alert" class="error" data-testid="update-error">
      <p data-testid="update-error-message">{result.error}</p>
      {result.problems.length > 1 && (
        <ul data-testid="update-problems">
          {result.problems.slice(0, SHOWN_PROBLEMS).map((p) => (
            <li>{p}</li>
          ))}
          {result.problems.length > SHOWN_PROBLEMS && <li>and {result.problems.length - SHOWN_PROBLEMS} more</li>}
        </ul>
      )}
      {result.needsAllow && (
        <p>
          <button type="button" data-testid="allow-unsigned" disabled={busy} onClick={() => onAllow(result.origin, true)}>
            Allow data from {result.origin} without the maintainers’ signature
          </button>
        </p>
      )}
    </div>
  );
}

function UrlField({ value, fallback, onSave }: { value: string; fallback: string; onSave: (url: string) => void }) {
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<string>();
  const save = (url: string) => {
    if (!/^https:\/\/\S+$/.test(url)) return setProblem('The update URL must start with https:// and contain no spaces.');
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
        Update URL <input type="url" size={48} data-testid="update-url" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
      </label>{' '}
      <button type="submit" data-testid="save-url">
        Save
      </button>{' '}
      {value !== fallback && (
        <button type="button" onClick={() => (setDraft(fallback), save(fallback))}>
          Use the default
        </button>
      )}
      {problem && (
        <p role="alert" class="error" data-testid="url-error">
          {problem}
        </p>
      )}
      <p class="muted">
        Default: <code>{fallback}</code>. The signature is read from the same address with <code>.sig</code> appended.
      </p>
    </form>
  );
}

export function DatasetControls(p: DatasetControlsProps) {
  const { status, settings, busy, result } = p;
  const [data, setData] = useState<File>();
  const [signature, setSignature] = useState<File>();
  const info = status.info;
  return (
    <div data-testid="dataset-controls" aria-busy={busy}>
      <DatasetSummary info={info} />
      <p data-testid="dataset-source">
        {info.source === 'bundled'
          ? 'Source: bundled with the extension.'
          : `Source: ${info.origin ?? 'an update'}, ${info.signed === 'maintainers' ? "signed by Borderline's maintainers" : 'unsigned data you allowed'}${info.appliedAt ? `, applied ${new Date(info.appliedAt).toLocaleString()}` : ''}.`}
      </p>
      {status.lastCheck && (
        <p class="muted" data-testid="last-check">
          Last check {new Date(status.lastCheck.time).toLocaleString()}: {status.lastCheck.message}
        </p>
      )}

      <h3>Updates</h3>
      <p>
        <button type="button" data-testid="check-now" disabled={busy} onClick={p.onCheck}>
          Check for updates now
        </button>{' '}
        <label>
          Automatic updates{' '}
          <select data-testid="auto-update" value={settings.autoUpdate} onChange={(e) => p.onSettings({ autoUpdate: e.currentTarget.value as Settings['autoUpdate'] })}>
            <option value="off">off</option>
            <option value="daily">daily</option>
            <option value="weekly">weekly</option>
          </select>
        </label>
      </p>
      <UrlField key={settings.updateUrl} value={settings.updateUrl} fallback={status.defaultUpdateUrl} onSave={(updateUrl) => p.onSettings({ updateUrl })} />

      <h3>Import from a file</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (data) p.onImport(data, signature);
        }}
      >
        <label>
          Dataset (.json) <input type="file" accept=".json,application/json" data-testid="import-file" onChange={(e) => setData(e.currentTarget.files?.[0])} />
        </label>{' '}
        <label>
          Signature (.sig, optional) <input type="file" accept=".sig" data-testid="import-signature" onChange={(e) => setSignature(e.currentTarget.files?.[0])} />
        </label>{' '}
        <button type="submit" data-testid="import-check" disabled={busy || !data}>
          Check file
        </button>
      </form>

      {p.notice && (
        <p role="status" data-testid="update-notice">
          {p.notice}
        </p>
      )}
      {result?.kind === 'rejected' && <Rejection result={result} busy={busy} onAllow={p.onAllow} />}
      {status.pending && <UpdatePreview preview={status.pending} busy={busy} onApply={p.onApply} onDiscard={p.onDiscard} />}

      <h3>Data in force</h3>
      <p>
        <button type="button" data-testid="export-dataset" disabled={busy} onClick={p.onExport}>
          Export the current dataset
        </button>{' '}
        <button type="button" data-testid="rollback" disabled={busy || !status.previous} onClick={p.onRollback}>
          {status.previous ? `Roll back to version ${status.previous.version}${status.previous.source === 'bundled' ? ' (bundled)' : ''}` : 'Roll back (no previous dataset)'}
        </button>{' '}
        <button type="button" data-testid="reset-bundled" disabled={busy || info.source === 'bundled'} onClick={p.onReset}>
          Reset to the bundled dataset
        </button>
      </p>
      {status.unsignedAllowed.length > 0 && (
        <div>
          <p>Sources allowed without the maintainers’ signature:</p>
          <ul data-testid="unsigned-allowed">
            {status.unsignedAllowed.map((o) => (
              <li>
                <code>{o}</code>{' '}
                <button type="button" disabled={busy} onClick={() => p.onAllow(o, false)}>
                  Revoke
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
