import type { Settings } from '@/data/settings';
import type { MessageKey } from '@/data/i18n/translator';
import { JURISDICTIONS, type Jurisdiction } from '@/data/assess/risk';
import { useT } from './i18n';

export interface SettingsFormProps {
  settings: Settings;
  onChange: (change: Partial<Settings>) => void;
}

const JURISDICTION_LABEL: Record<Jurisdiction, MessageKey> = { EEA: 'jurEEA', UK: 'jurUK', CH: 'jurCH', US: 'jurUS' };

/** A number field that reports only whole values inside its range; the worker checks again. */
function NumberField(props: { label: string; testid: string; value: number; min: number; max: number; onChange: (n: number) => void }) {
  return (
    <label>
      {props.label}{' '}
      <input
        type="number"
        data-testid={props.testid}
        value={props.value}
        min={props.min}
        max={props.max}
        step={1}
        onChange={(e) => {
          const n = Number(e.currentTarget.value);
          if (Number.isInteger(n) && n >= props.min && n <= props.max) props.onChange(n);
          else e.currentTarget.value = String(props.value);
        }}
      />
    </label>
  );
}

export function SettingsForm({ settings, onChange }: SettingsFormProps) {
  const t = useT();
  return (
    <div class="settings-form">
      <p>
        <label>
          {t('setJurisdiction')}{' '}
          <select data-testid="jurisdiction" value={settings.jurisdiction} onChange={(e) => onChange({ jurisdiction: e.currentTarget.value as Jurisdiction })}>
            {JURISDICTIONS.map((j) => (
              <option value={j}>{t(JURISDICTION_LABEL[j])}</option>
            ))}
          </select>
        </label>
      </p>
      <p>
        <label>
          {t('setBadgeFrom')}{' '}
          <select
            data-testid="badge-threshold"
            value={settings.badgeThreshold}
            onChange={(e) => onChange({ badgeThreshold: e.currentTarget.value as Settings['badgeThreshold'] })}
          >
            <option value="low">{t('setBadgeLow')}</option>
            <option value="medium">{t('setBadgeMedium')}</option>
            <option value="high">{t('setBadgeHigh')}</option>
          </select>
        </label>
      </p>
      <p>
        <label>
          <input type="checkbox" data-testid="in-page-warning" checked={settings.inPageWarning} onChange={(e) => onChange({ inPageWarning: e.currentTarget.checked })} />{' '}
          {t('setInPage')}
        </label>
      </p>
      <p>
        <NumberField label={t('setRetentionDays')} testid="retention-days" value={settings.retentionDays} min={1} max={365} onChange={(n) => onChange({ retentionDays: n })} />
      </p>
      <p>
        <NumberField label={t('setRetentionRows')} testid="retention-rows" value={settings.retentionRows} min={1000} max={1_000_000} onChange={(n) => onChange({ retentionRows: n })} />
      </p>
    </div>
  );
}
