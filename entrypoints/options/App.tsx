import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Client } from '@/data/i18n/localized-client';
import type { DatasetStatus, UpdateCheck } from '@/data/protocol';
import type { Settings } from '@/data/settings';
import { sizeProblem } from '@/data/dataset/update-candidate';
import { DatasetControls } from '@/components/DatasetControls';
import { useT } from '@/components/i18n';
import { RESIDENCE_LABEL } from '@/components/residence-labels';
import { SettingsForm } from '@/components/SettingsForm';
import { Welcome } from '@/components/Welcome';
import { residenceFromTimeZone } from '@/data/assess/residence';
import { errorText, say, text } from '@/data/i18n/localized-error';

export interface AppProps {
  send: Client;
  /** Saves a text file for the user; the page passes a download, tests a spy. */
  save: (filename: string, text: string) => void;
  /** The browser's time zone, for the welcome's first guess of where the user lives. */
  timeZone?: string;
}

type Source = { source: 'url' } | { source: 'file'; data: File; signature: File | undefined };

const MAX_SIGNATURE_BYTES = 4096;

/** The size is known before reading, so a 60 MB file is refused without loading it into the page. */
async function readImport(data: File, signature: File | undefined): Promise<UpdateCheck | { text: string; signature?: string }> {
  const origin = `file:${data.name}`;
  const tooBig = sizeProblem(data.size);
  if (tooBig) return { kind: 'rejected', origin, error: tooBig, problems: [], needsAllow: false };
  if (signature && signature.size > MAX_SIGNATURE_BYTES) {
    return { kind: 'rejected', origin, error: text('importSigTooBig'), problems: [], needsAllow: false };
  }
  return { text: await data.text(), ...(signature ? { signature: await signature.text() } : {}) };
}

export function App({ send, save, timeZone }: AppProps) {
  const t = useT();
  const guess = residenceFromTimeZone(timeZone);
  const [welcomed, setWelcomed] = useState(false);
  const [status, setStatus] = useState<DatasetStatus>();
  const [settings, setSettings] = useState<Settings>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<UpdateCheck | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const last = useRef<Source | undefined>(undefined);

  const refresh = useCallback(() => send('getDatasetStatus', {}).then(setStatus), [send]);
  useEffect(() => {
    Promise.all([send('getDatasetStatus', {}), send('getSettings', {})]).then(([s, st]) => {
      setStatus(s);
      setSettings(st);
    }, (e: unknown) => setError(errorText(t, e)));
  }, [send]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    setNotice(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      await refresh().catch(() => undefined);
      setBusy(false);
    }
  };

  const show = (r: UpdateCheck) => {
    setResult(r);
    if (r.kind === 'up-to-date') setNotice(say(t, r.message));
    if (r.kind === 'preview') setNotice(t('noticePreview', [r.preview.to.version]));
  };

  const check = (src: Source) =>
    run(async () => {
      last.current = src;
      setResult(null);
      if (src.source === 'url') return show(await send('previewUpdate', { source: 'url' }));
      const read = await readImport(src.data, src.signature);
      if ('kind' in read) return show(read);
      show(await send('previewUpdate', { source: 'file', name: src.data.name, ...read }));
    });

  const changeSettings = (change: Partial<Settings>) =>
    send('setSettings', { settings: change }).then(setSettings, (e: unknown) => setError(errorText(t, e)));

  return (
    <main>
      <h1>{t('setTitle')}</h1>
      {error && (
        <p role="alert" class="error" data-testid="page-error">
          {error}
        </p>
      )}
      {settings?.residence === null && (
        <Welcome guess={guess} timeZone={timeZone} onAnswer={(residence) => void changeSettings({ residence }).then(() => setWelcomed(true))} />
      )}
      {welcomed && settings?.residence && (
        <p role="status" class="notice" data-testid="welcome-saved">
          {t('welcomeSaved', [t(RESIDENCE_LABEL[settings.residence])])}
        </p>
      )}
      <section aria-labelledby="h-dataset">
        <h2 id="h-dataset">{t('setDataset')}</h2>
        {status && settings ? (
          <DatasetControls
            status={status}
            settings={settings}
            busy={busy}
            result={result}
            notice={notice}
            onCheck={() => check({ source: 'url' })}
            onImport={(data, signature) => check({ source: 'file', data, signature })}
            onApply={() =>
              run(async () => {
                const info = await send('applyUpdate', {});
                setResult(null);
                setNotice(t('noticeApplied', [info.version]));
              })
            }
            onDiscard={() => run(async () => void (await send('discardUpdate', {}), setResult(null)))}
            onAllow={(origin, allow) =>
              run(async () => {
                await send('allowUnsigned', { origin, allow });
              }).then(() => {
                // Allowing is always followed by the same check again, so the user sees what it lets in before applying.
                if (allow && last.current) return check(last.current);
              })
            }
            onExport={() =>
              run(async () => {
                const { filename, text } = await send('exportDataset', {});
                save(filename, text);
              })
            }
            onRollback={() =>
              run(async () => {
                const info = await send('rollbackDataset', {});
                setResult(null);
                setNotice(t('noticeRolledBack', [info.version]));
              })
            }
            onReset={() =>
              run(async () => {
                const info = await send('resetDataset', {});
                setResult(null);
                setNotice(t('noticeReset', [info.version]));
              })
            }
            onSettings={changeSettings}
          />
        ) : (
          !error && <p aria-busy="true">{t('setLoading')}</p>
        )}
      </section>
      <section aria-labelledby="h-prefs">
        <h2 id="h-prefs">{t('setPrefs')}</h2>
        {settings && <SettingsForm settings={settings} guess={guess} onChange={changeSettings} />}
      </section>
    </main>
  );
}
