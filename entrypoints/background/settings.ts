// Preferences live in storage.local under a versioned shape: unknown or out-of-range stored values fall back to the
// defaults one field at a time, so a bad value never takes the others with it.
import { browser } from 'wxt/browser';
import type { Settings } from '@/data/protocol';
import { JURISDICTIONS, type Jurisdiction } from '@/data/risk';

const KEY = 'settings';

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

type Check = { [K in keyof Settings]: (v: unknown) => boolean };

const VALID: Check = {
  version: (v) => v === 1,
  jurisdiction: (v) => typeof v === 'string' && (JURISDICTIONS as readonly string[]).includes(v),
  badgeThreshold: (v) => v === 'low' || v === 'medium' || v === 'high',
  inPageWarning: (v) => typeof v === 'boolean',
  retentionDays: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 365,
  retentionRows: (v) => Number.isInteger(v) && (v as number) >= 1_000 && (v as number) <= 1_000_000,
  autoUpdate: (v) => v === 'off' || v === 'daily' || v === 'weekly',
  updateUrl: (v) => typeof v === 'string' && /^https:\/\/[^\s]+$/.test(v),
};

/** Keeps each valid stored field, replaces each invalid one with its default. */
export function normalizeSettings(stored: unknown, defaults: Settings): Settings {
  const out = { ...defaults } as Record<string, unknown>;
  if (stored && typeof stored === 'object') {
    for (const key of Object.keys(VALID) as (keyof Settings)[]) {
      const value = (stored as Record<string, unknown>)[key];
      if (value !== undefined && VALID[key](value)) out[key] = value;
    }
  }
  return out as unknown as Settings;
}

export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return normalizeSettings(stored, defaultSettings(browser.i18n?.getUILanguage?.()));
}

/** Applies a change after checking every field; an invalid field rejects the whole change with its name. */
export async function saveSettings(current: Settings, change: Partial<Settings>): Promise<Settings> {
  for (const [key, value] of Object.entries(change)) {
    const check = VALID[key as keyof Settings];
    if (!check) throw new Error(`Unknown setting "${key}"`);
    if (!check(value)) throw new Error(`Invalid value for ${key}: ${JSON.stringify(value)}`);
  }
  const next = { ...current, ...change };
  await browser.storage.local.set({ [KEY]: next });
  return next;
}
