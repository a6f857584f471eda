import { useEffect, useState } from 'preact/hooks';
import type { Client, DatasetInfo, Settings } from '@/data/protocol';
import { JURISDICTIONS, type Jurisdiction } from '@/data/risk';
import { DatasetSummary } from '@/components/DatasetSummary';

export interface AppProps {
  send: Client;
}

const JURISDICTION_LABEL: Record<Jurisdiction, string> = {
  EEA: 'European Economic Area (GDPR)',
  UK: 'United Kingdom (UK GDPR)',
  CH: 'Switzerland (FADP)',
  US: 'United States (countries of concern)',
};

export function App({ send }: AppProps) {
  const [info, setInfo] = useState<DatasetInfo>();
  const [settings, setSettings] = useState<Settings>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    Promise.all([send('getDatasetInfo', {}), send('getSettings', {})]).then(([i, s]) => {
      setInfo(i);
      setSettings(s);
    }, (e: Error) => setError(e.message));
  }, [send]);
  const change = (jurisdiction: Jurisdiction) =>
    send('setSettings', { settings: { jurisdiction } }).then(setSettings, (e: Error) => setError(e.message));
  return (
    <main>
      <h1>Borderline settings</h1>
      {error && <p role="alert">{error}</p>}
      <section aria-labelledby="h-dataset">
        <h2 id="h-dataset">Dataset</h2>
        {info ? <DatasetSummary info={info} /> : <p aria-busy="true">Loading…</p>}
      </section>
      <section aria-labelledby="h-prefs">
        <h2 id="h-prefs">Preferences</h2>
        {settings && (
          <label>
            Your jurisdiction{' '}
            <select data-testid="jurisdiction" value={settings.jurisdiction} onChange={(e) => change(e.currentTarget.value as Jurisdiction)}>
              {JURISDICTIONS.map((j) => (
                <option value={j}>{JURISDICTION_LABEL[j]}</option>
              ))}
            </select>
          </label>
        )}
      </section>
    </main>
  );
}
