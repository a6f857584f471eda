import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES, translator } from '@/data/i18n/translator';
import { reasonText } from '@/data/assess/localized-text';
import { JURISDICTIONS, RiskModel, type ActionReason } from '@/data/assess/risk';
import { loadBundled } from '../bundled-dataset';

const dataset = loadBundled();
const risk = new RiskModel(dataset);
const t = (lang: string) => translator(JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')));

describe('reasons in the user language', () => {
  // The model's own English sentences are gone; these are the words they said, which English users still read.
  it('say in English what the model said, for the reasons the popup leads with', () => {
    const temu = risk.assess('temu', 'EEA')!;
    const unspecified = temu.reasons.find((r) => r.code === 'unspecified-destinations')!;
    expect(reasonText(unspecified, t('en'), 'en-US')).toBe('Temu says data may go to "third countries" without naming them, so no adequacy decision can be relied on.');
    const xiaomi = risk.assess('xiaomi', 'EEA')!.reasons[0]!;
    expect(reasonText(xiaomi, t('en'), 'en-US')).toBe("A complaint says Xiaomi's data may go to China: a country without an adequacy decision.");
  });

  it('name the action, its authority, place and month in German', () => {
    const action = risk.assess('temu', 'EEA')!.reasons.find((r) => r.code === 'backed-by-action')!;
    expect(reasonText(action, t('de'), 'de')).toMatch(/^Beschwerde anhängig: Datenschutzbehörde, Österreich, Jan\.? 2025 \(\d+ Verfahren verzeichnet\)\.$/);
  });

  it('name countries in the language: China is Cina in Italian and Κίνα in Greek', () => {
    const concern = risk.assess('xiaomi', 'EEA')!.reasons.find((r) => r.code === 'concern-destinations')!;
    expect(reasonText(concern, t('it'), 'it')).toContain('Cina');
    expect(reasonText(concern, t('el'), 'el')).toContain('Κίνα');
  });

  it('keeps a dataset amount as written, dollar sign and all', () => {
    const settlement = risk.assess('temu', 'US')!.reasons.find((r): r is ActionReason => 'action' in r.params && !!r.params.action.amount?.startsWith('$'));
    expect(settlement).toBeDefined();
    expect(reasonText(settlement!, t('de'), 'de')).toContain(settlement!.params.action.amount!);
  });

  it.each(LOCALES)('%s: every reason of every company and jurisdiction is filled in', (lang) => {
    const tr = t(lang);
    for (const company of dataset.companies) {
      for (const j of JURISDICTIONS) {
        for (const r of risk.assess(company.id, j)!.reasons) {
          const text = reasonText(r, tr, lang);
          expect(text.trim(), `${company.id} ${j} ${r.code}`).not.toBe('');
          expect(text, `${company.id} ${j} ${r.code}`).not.toMatch(/\$[A-Z_]+\$/);
        }
      }
    }
  });
});
