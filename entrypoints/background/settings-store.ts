// Preferences live in storage.local under one key; their shape, defaults and checks are data/settings.ts.
import { browser } from 'wxt/browser';
import { currentTimeZone, residenceFromTimeZone, type Residence } from '@/data/assess/residence';
import { applySettingsChange, defaultSettings, normalizeSettings, type Settings } from '@/data/settings';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return normalizeSettings(stored, defaultSettings(currentTimeZone()), browser.i18n?.getUILanguage?.());
}

/** Applies a change after checking every field; an invalid field rejects the whole change with its name. */
export async function saveSettings(current: Settings, change: Partial<Settings>): Promise<Settings> {
  const next = applySettingsChange(current, change);
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

/** Where the user lives for the popup's "Rules for … users" line: their answer, or the time zone's guess until then. */
export function residenceOf(settings: Settings): { residence: Residence; residenceGuessed: boolean } {
  return settings.residence === null
    ? { residence: residenceFromTimeZone(currentTimeZone()), residenceGuessed: true }
    : { residence: settings.residence, residenceGuessed: false };
}
