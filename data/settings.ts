// The user's preferences: their shape, their defaults and the one validator, as a valibot schema. The worker keeps
// them in storage.local (entrypoints/background/settings-store.ts); unknown or out-of-range stored values fall back
// to the defaults one field at a time, so a bad value never takes the others with it.
import * as v from 'valibot';
import { JURISDICTIONS, type Jurisdiction } from './assess/risk';

export const SettingsSchema = v.strictObject({
  /** Bumped when a default changes meaning, so stored values can be migrated. */
  version: v.literal(1),
  jurisdiction: v.picklist(JURISDICTIONS),
  /** The badge shows levels at or above this; lower levels leave it empty. */
  badgeThreshold: v.picklist(['low', 'medium', 'high']),
  inPageWarning: v.boolean(),
  retentionDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(365)),
  retentionRows: v.pipe(v.number(), v.integer(), v.minValue(1_000), v.maxValue(1_000_000)),
  autoUpdate: v.picklist(['off', 'daily', 'weekly']),
  updateUrl: v.pipe(v.string(), v.regex(/^https:\/\/[^\s]+$/)),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;

const FIELDS = SettingsSchema.entries;

/** A first guess from the browser's locale ("en-GB" → UK, "en-US" → US); EEA when the region says nothing. */
export function jurisdictionFromLocale(locale: string | undefined): Jurisdiction {
  const region = locale?.split(/[-_]/)[1]?.toUpperCase();
  if (region === 'GB') return 'UK';
  if (region === 'CH') return 'CH';
  if (region === 'US') return 'US';
  return 'EEA';
}

export const DEFAULT_UPDATE_URL = 'https://borderline.example/dataset/v1/dataset.json';

export function defaultSettings(locale?: string): Settings {
  return {
    version: 1,
    jurisdiction: jurisdictionFromLocale(locale),
    badgeThreshold: 'medium',
    inPageWarning: true,
    retentionDays: 7,
    retentionRows: 50_000,
    autoUpdate: 'weekly',
    updateUrl: DEFAULT_UPDATE_URL,
  };
}

const isField = (key: string): key is keyof Settings => Object.hasOwn(FIELDS, key);

/** Keeps each valid stored field, replaces each invalid one with its default. */
export function normalizeSettings(stored: unknown, defaults: Settings): Settings {
  const out: Record<string, unknown> = { ...defaults };
  if (stored && typeof stored === 'object') {
    for (const key of Object.keys(FIELDS) as (keyof Settings)[]) {
      const value = (stored as Record<string, unknown>)[key];
      if (value !== undefined && v.is(FIELDS[key], value)) out[key] = value;
    }
  }
  return out as Settings;
}

/** Checks every field of a change; an invalid field rejects the whole change with its name. */
export function checkSettingsChange(change: Partial<Settings>): void {
  for (const [key, value] of Object.entries(change)) {
    if (!isField(key)) throw new Error(`Unknown setting "${key}"`);
    if (!v.is(FIELDS[key], value)) throw new Error(`Invalid value for ${key}: ${JSON.stringify(value)}`);
  }
}
