import type { Settings } from '@/data/protocol';
import { JURISDICTIONS, type Jurisdiction } from '@/data/risk';

export interface SettingsFormProps {
  settings: Settings;
  onChange: (change: Partial<Settings>) => void;
}

const JURISDICTION_LABEL: Record<Jurisdiction, string> = {
  EEA: 'European Economic Area (GDPR)',
  UK: 'United Kingdom (UK GDPR)',
  CH: 'Switzerland (FADP)',
  US: 'United States (countries of concern)',
};

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
  return (
    <div class="settings-form">
      <p>
        <label>
          Your jurisdiction{' '}
          <select data-testid="jurisdiction" value={settings.jurisdiction} onChange={(e) => onChange({ jurisdiction: e.currentTarget.value as Jurisdiction })}>
            {JURISDICTIONS.map((j) => (
              <option value={j}>{JURISDICTION_LABEL[j]}</option>
            ))}
          </select>
        </label>
      </p>
      <p>
        <label>
          Show the toolbar badge from{' '}
          <select
            data-testid="badge-threshold"
            value={settings.badgeThreshold}
            onChange={(e) => onChange({ badgeThreshold: e.currentTarget.value as Settings['badgeThreshold'] })}
          >
            <option value="low">low risk up</option>
            <option value="medium">medium risk up</option>
            <option value="high">high risk only</option>
          </select>
        </label>
      </p>
      <p>
        <label>
          <input type="checkbox" data-testid="in-page-warning" checked={settings.inPageWarning} onChange={(e) => onChange({ inPageWarning: e.currentTarget.checked })} />{' '}
          Show a warning inside high-risk pages
        </label>
      </p>
      <p>
        <NumberField label="Keep the request log for (days)" testid="retention-days" value={settings.retentionDays} min={1} max={365} onChange={(n) => onChange({ retentionDays: n })} />
      </p>
      <p>
        <NumberField label="Keep at most (rows)" testid="retention-rows" value={settings.retentionRows} min={1000} max={1_000_000} onChange={(n) => onChange({ retentionRows: n })} />
      </p>
    </div>
  );
}
