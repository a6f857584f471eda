import { describe, expect, it } from 'vitest';
import { defaultSettings, jurisdictionFromLocale, normalizeSettings } from '@/data/settings';

describe('settings', () => {
  it.each([
    ['en-GB', 'UK'],
    ['de-CH', 'CH'],
    ['fr-CH', 'CH'],
    ['en-US', 'US'],
    ['de-AT', 'EEA'],
    ['el', 'EEA'],
    [undefined, 'EEA'],
  ])('guesses the jurisdiction from locale %s → %s', (locale, j) => {
    expect(jurisdictionFromLocale(locale)).toBe(j);
  });

  it('keeps valid stored fields and replaces invalid ones with defaults', () => {
    const d = defaultSettings('en-GB');
    const s = normalizeSettings({ jurisdiction: 'US', retentionDays: -4, badgeThreshold: 'none', updateUrl: 'http://x', extra: 1 }, d);
    expect(s).toEqual({ ...d, jurisdiction: 'US' });
  });

  it('falls back to defaults for garbage', () => {
    const d = defaultSettings();
    expect(normalizeSettings('nonsense', d)).toEqual(d);
    expect(normalizeSettings(null, d)).toEqual(d);
  });
});
