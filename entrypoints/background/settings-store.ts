// Preferences live in storage.local under one key; their shape, defaults and checks are data/settings.ts.
import { browser } from 'wxt/browser';
import { checkSettingsChange, defaultSettings, normalizeSettings, type Settings } from '@/data/settings';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return normalizeSettings(stored, defaultSettings(browser.i18n?.getUILanguage?.()));
}

/** Applies a change after checking every field; an invalid field rejects the whole change with its name. */
export async function saveSettings(current: Settings, change: Partial<Settings>): Promise<Settings> {
  checkSettingsChange(change);
  const next = { ...current, ...change };
  await browser.storage.local.set({ [KEY]: next });
  return next;
}
