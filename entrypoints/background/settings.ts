// Preferences live in storage.local; the defaults are versioned so a later release can migrate old values.
import { browser } from 'wxt/browser';
import type { Settings } from '@/data/protocol';
import { JURISDICTIONS, type Jurisdiction } from '@/data/risk';

const KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = { jurisdiction: 'EEA' };

function isJurisdiction(v: unknown): v is Jurisdiction {
  return typeof v === 'string' && (JURISDICTIONS as readonly string[]).includes(v);
}

export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<Settings> | undefined;
  return { jurisdiction: isJurisdiction(stored?.jurisdiction) ? stored.jurisdiction : DEFAULT_SETTINGS.jurisdiction };
}

export async function saveSettings(current: Settings, change: Partial<Settings>): Promise<Settings> {
  const next: Settings = { ...current };
  if (change.jurisdiction !== undefined) {
    if (!isJurisdiction(change.jurisdiction)) throw new Error(`Unknown jurisdiction "${String(change.jurisdiction)}"`);
    next.jurisdiction = change.jurisdiction;
  }
  await browser.storage.local.set({ [KEY]: next });
  return next;
}
