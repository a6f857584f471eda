import { describe, expect, it } from 'vitest';
import { residenceFromTimeZone, rulesFor } from '@/data/assess/residence';
import { applySettingsChange, defaultSettings, jurisdictionFromLocale, normalizeSettings } from '@/data/settings';

describe('where the user lives, guessed from the time zone', () => {
  it.each([
    ['Europe/Berlin', 'EEA'],
    ['Europe/Paris', 'EEA'],
    ['Europe/Oslo', 'EEA'],
    ['Atlantic/Reykjavik', 'EEA'],
    ['Europe/Vaduz', 'EEA'],
    ['Atlantic/Canary', 'EEA'],
    ['Asia/Nicosia', 'EEA'],
    ['Europe/London', 'UK'],
    ['Europe/Zurich', 'CH'],
    ['America/New_York', 'US'],
    ['America/Los_Angeles', 'US'],
    ['America/Indiana/Indianapolis', 'US'],
    ['Pacific/Honolulu', 'US'],
    ['America/Toronto', 'elsewhere'],
    ['America/Sao_Paulo', 'elsewhere'],
    ['Europe/Gibraltar', 'elsewhere'],
    ['Europe/Jersey', 'elsewhere'],
    ['Arctic/Longyearbyen', 'elsewhere'],
    ['Europe/Istanbul', 'elsewhere'],
    ['Asia/Tokyo', 'elsewhere'],
    ['Etc/UTC', 'elsewhere'],
    [undefined, 'elsewhere'],
  ] as const)('%s → %s', (zone, residence) => {
    expect(residenceFromTimeZone(zone)).toBe(residence);
  });

  it('applies the EEA rules as a reference for users elsewhere, and each area its own', () => {
    expect(rulesFor('elsewhere')).toBe('EEA');
    expect((['EEA', 'UK', 'CH', 'US'] as const).map(rulesFor)).toEqual(['EEA', 'UK', 'CH', 'US']);
  });

  it('starts unanswered, with the rules of the guess: an en-US browser in Berlin gets EEA rules', () => {
    expect(defaultSettings('Europe/Berlin')).toMatchObject({ jurisdiction: 'EEA', residence: null });
    expect(defaultSettings('Europe/London')).toMatchObject({ jurisdiction: 'UK', residence: null });
    expect(defaultSettings('America/Chicago')).toMatchObject({ jurisdiction: 'US', residence: null });
    expect(defaultSettings('Asia/Tokyo')).toMatchObject({ jurisdiction: 'EEA', residence: null });
  });
});

describe('settings', () => {
  it('keeps valid stored fields and replaces invalid ones with defaults', () => {
    const d = defaultSettings('Europe/London');
    const s = normalizeSettings({ version: 2, jurisdiction: 'US', retentionDays: -4, badgeThreshold: 'none', updateUrl: 'http://x', extra: 1 }, d);
    expect(s).toEqual({ ...d, jurisdiction: 'US' });
  });

  it('falls back to defaults for garbage', () => {
    const d = defaultSettings();
    expect(normalizeSettings('nonsense', d)).toEqual(d);
    expect(normalizeSettings(null, d)).toEqual(d);
  });

  it('follows the answered residence over a stale stored jurisdiction', () => {
    const s = normalizeSettings({ version: 2, jurisdiction: 'US', residence: 'elsewhere' }, defaultSettings('Europe/Berlin'));
    expect(s).toMatchObject({ jurisdiction: 'EEA', residence: 'elsewhere' });
  });

  it.each([
    // The v1 default for an en-US browser was US: it may be a guess, so the time zone guesses again.
    ['en-US', 'US', { jurisdiction: 'EEA', residence: null }],
    // Not what the locale would give: the user chose it, so it is their answer.
    ['en-US', 'CH', { jurisdiction: 'CH', residence: 'CH' }],
    ['de-DE', 'UK', { jurisdiction: 'UK', residence: 'UK' }],
    ['de-DE', 'EEA', { jurisdiction: 'EEA', residence: null }],
  ] as const)('migrates version 1 (locale %s, stored %s)', (locale, stored, expected) => {
    expect(jurisdictionFromLocale(locale)).toBe(locale === 'en-US' ? 'US' : 'EEA');
    const s = normalizeSettings({ version: 1, jurisdiction: stored, retentionDays: 30 }, defaultSettings('Europe/Berlin'), locale);
    expect(s).toMatchObject({ ...expected, version: 2, retentionDays: 30 });
  });

  it('answers where the user lives with a residence, or with a directly chosen jurisdiction', () => {
    const d = defaultSettings('Europe/Berlin');
    expect(applySettingsChange(d, { residence: 'UK' })).toMatchObject({ residence: 'UK', jurisdiction: 'UK' });
    expect(applySettingsChange(d, { residence: 'elsewhere' })).toMatchObject({ residence: 'elsewhere', jurisdiction: 'EEA' });
    expect(applySettingsChange(d, { jurisdiction: 'US' })).toMatchObject({ residence: 'US', jurisdiction: 'US' });
    expect(applySettingsChange(d, { retentionDays: 3 })).toMatchObject({ residence: null, jurisdiction: 'EEA', retentionDays: 3 });
  });

  it('rejects a residence it does not know, naming the field', () => {
    expect(() => applySettingsChange(defaultSettings(), { residence: 'Mars' as 'EEA' })).toThrow(/residence/);
  });
});
