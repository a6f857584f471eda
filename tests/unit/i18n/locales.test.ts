import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES, translator } from '@/data/i18n/translator';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const load = (lang: string): Messages => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));
const en = load('en');
const named = (m: string) => [...m.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((x) => x[1]!.toLowerCase()).sort();

describe('locales', () => {
  it('ships exactly the six supported languages', () => {
    expect(readdirSync('public/_locales').sort()).toEqual([...LOCALES].sort());
  });

  describe.each(LOCALES.filter((l) => l !== 'en'))('%s', (lang) => {
    const messages = load(lang);
    it('has every key English has, and no others', () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    });
    it.each(Object.keys(en))('%s: non-empty, same placeholders as English', (key) => {
      const m = messages[key]!;
      expect(m.message.trim()).not.toBe('');
      expect(named(m.message)).toEqual(named(en[key]!.message));
      expect(m.placeholders ?? {}).toEqual(en[key]!.placeholders ?? {});
    });
  });
});

describe('translator', () => {
  const t = translator(en);
  it('substitutes named placeholders in order', () => {
    expect(t('bannerRunBy', ['Temu', 'PDD Holdings Inc.'])).toBe('Run by Temu (owner: PDD Holdings Inc.).');
  });
  it('returns an empty string for an unknown key, as browser.i18n does', () => {
    expect(t('nope' as never)).toBe('');
  });
});
