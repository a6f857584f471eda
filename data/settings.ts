// The user's preferences: their shape, their defaults and the one validator, as a valibot schema. The worker keeps
// them in storage.local (entrypoints/background/settings-store.ts); unknown or out-of-range stored values fall back
// to the defaults one field at a time, so a bad value never takes the others with it.
import * as v from 'valibot';
import { JURISDICTIONS, type Jurisdiction } from './assess/risk';
import { residenceFromTimeZone, RESIDENCES, rulesFor, type Residence } from './assess/residence';
import { fail } from './i18n/localized-error';

export { residenceFromTimeZone, rulesFor, RESIDENCES, type Residence };

export const SettingsSchema = v.strictObject({
  /** Bumped when a default changes meaning, so stored values can be migrated (see migrateStored). */
  version: v.literal(2),
  /** The rules the risk model applies: always the rules of `residence` once the user has answered. */
  jurisdiction: v.picklist(JURISDICTIONS),
  /** Where the user said they live; null until they answer, while `jurisdiction` is a guess from the time zone. */
  residence: v.nullable(v.picklist(RESIDENCES)),
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

/** What version 1 guessed from the browser's locale ("en-GB" → UK, "en-US" → US); kept to migrate its settings. */
export function jurisdictionFromLocale(locale: string | undefined): Jurisdiction {
  const region = locale?.split(/[-_]/)[1]?.toUpperCase();
  if (region === 'GB') return 'UK';
  if (region === 'CH') return 'CH';
  if (region === 'US') return 'US';
  return 'EEA';
}

export const DEFAULT_UPDATE_URL = 'https://borderline.example/dataset/v1/dataset.json';

/** The defaults for a user who has not said where they live: the rules guessed from the time zone. */
export function defaultSettings(timeZone?: string): Settings {
  return {
    version: 2,
    jurisdiction: rulesFor(residenceFromTimeZone(timeZone)),
    residence: null,
    badgeThreshold: 'medium',
    inPageWarning: true,
    retentionDays: 7,
    retentionRows: 50_000,
    autoUpdate: 'weekly',
    updateUrl: DEFAULT_UPDATE_URL,
  };
}

const isField = (key: string): key is keyof Settings => Object.hasOwn(FIELDS, key);

/**
 * Version 1 stored a jurisdiction guessed from the UI language (an en-US browser in Berlin got US rules) and had no
 * `residence`. A stored jurisdiction other than that guess was the user's choice and becomes their residence; one
 * equal to it may be the guess, so it goes and the time zone guesses again.
 */
function migrateStored(stored: Record<string, unknown>, locale: string | undefined): Record<string, unknown> {
  if (stored.version !== 1) return stored;
  const { jurisdiction, ...rest } = stored;
  const chosen = v.is(FIELDS.jurisdiction, jurisdiction) && jurisdiction !== jurisdictionFromLocale(locale);
  return { ...rest, version: 2, ...(chosen ? { jurisdiction, residence: jurisdiction } : {}) };
}

/** Keeps each valid stored field, replaces each invalid one with its default; the rules follow an answered residence. */
export function normalizeSettings(stored: unknown, defaults: Settings, locale?: string): Settings {
  const out: Record<string, unknown> = { ...defaults };
  if (stored && typeof stored === 'object') {
    const current = migrateStored(stored as Record<string, unknown>, locale);
    for (const key of Object.keys(FIELDS) as (keyof Settings)[]) {
      const value = current[key];
      if (value !== undefined && v.is(FIELDS[key], value)) out[key] = value;
    }
  }
  const settings = out as Settings;
  return settings.residence === null ? settings : { ...settings, jurisdiction: rulesFor(settings.residence) };
}

/** Checks every field of a change; an invalid field rejects the whole change with its name. */
export function checkSettingsChange(change: Partial<Settings>): void {
  for (const [key, value] of Object.entries(change)) {
    if (!isField(key)) fail('errorSettingUnknown', key);
    if (!v.is(FIELDS[key as keyof Settings], value)) fail('errorSettingInvalid', key, JSON.stringify(value) ?? String(value));
  }
}

/**
 * The settings after a checked change. Answering where one lives sets the rules; choosing rules directly (the old
 * jurisdiction field, scripts, tests) is an answer too, since the user picked them.
 */
export function applySettingsChange(current: Settings, change: Partial<Settings>): Settings {
  checkSettingsChange(change);
  const next = { ...current, ...change };
  if (change.residence != null) next.jurisdiction = rulesFor(change.residence);
  else if (change.jurisdiction !== undefined && change.residence === undefined) next.residence = change.jurisdiction;
  return next;
}
