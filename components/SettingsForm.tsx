import type { Settings } from '@/data/settings';
import { RESIDENCES, type Residence } from '@/data/assess/residence';
import { useT } from './i18n';
import { RESIDENCE_LABEL } from './residence-labels';

export interface SettingsFormProps {
  settings: Settings;
  /** What the time zone suggests, shown while the user has not said where they live. */
  guess: Residence;
  onChange: (change: Partial<Settings>) => void;
}

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

export function SettingsForm({ settings, guess, onChange }: SettingsFormProps) {
  const t = useT();
  const residence = settings.residence ?? guess;
  return (
    <div class="settings-form">
      <p>
        <label>
          {t('setJurisdiction')}{' '}
          <select data-testid="jurisdiction" value={residence} onChange={(e) => onChange({ residence: e.currentTarget.value as Residence })}>
            {RESIDENCES.map((r) => (
              <option value={r}>{t(RESIDENCE_LABEL[r])}</option>
            ))}
          </select>
        </label>
        {settings.residence === null && (
          <span class="muted" data-testid="jurisdiction-guessed">
            {' '}
            {t('setGuessed')}
          </span>
        )}
      </p>
      {residence === 'elsewhere' && (
        <p class="muted" data-testid="elsewhere-note">
          {t('setElsewhereNote')}
        </p>
      )}
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
