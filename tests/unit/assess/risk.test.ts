import { describe, expect, it } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import { reasonText } from '@/data/assess/localized-text';
import { RiskModel, type Jurisdiction, type Reason } from '@/data/assess/risk';
import { translator } from '@/data/i18n/translator';
import { loadBundled } from '../bundled-dataset';

const dataset = loadBundled();
const risk = new RiskModel(dataset);
/** A reason as English users (and `npm run lookup`) read it. */
const english = (r: Reason) => reasonText(r, translator(en), 'en');

describe('destination status by jurisdiction', () => {
  const table: [Jurisdiction, string, string][] = [
    ['EEA', 'DE', 'domestic'],
    ['EEA', 'NO', 'domestic'],
    ['EEA', 'CN', 'no-adequacy'],
    ['EEA', 'SG', 'no-adequacy'],
    ['EEA', 'JP', 'adequate'],
    ['EEA', 'GB', 'adequate'],
    ['EEA', 'US', 'partial'],
    ['EEA', 'CA', 'partial'],
    ['EEA', 'unspecified', 'unspecified'],
    ['UK', 'GB', 'domestic'],
    ['UK', 'FR', 'adequate'],
    ['UK', 'CN', 'no-adequacy'],
    ['CH', 'CH', 'domestic'],
    ['CH', 'IE', 'adequate'],
    ['US', 'US', 'domestic'],
    ['US', 'CN', 'country-of-concern'],
    ['US', 'HK', 'country-of-concern'],
    ['US', 'SG', 'unrestricted'],
    ['US', 'unspecified', 'unspecified'],
  ];
  it.each(table)('%s user, destination %s → %s', (j, country, status) => {
    expect(risk.statusOf(country, j).status).toBe(status);
  });
  it('names the scope of a partial decision', () => {
    expect(risk.statusOf('US', 'EEA').scope).toMatch(/Data Privacy Framework/);
  });
});

describe('company assessment', () => {
  it('rates Temu high for EEA users, backed by the noyb complaint, with PDD Holdings as owner', () => {
    const a = risk.assess('temu', 'EEA')!;
    expect(a.level).toBe('high');
    expect(a.owner.id).toBe('pdd-holdings');
    expect(a.actions.map((x) => x.id)).toContain('noyb-2025-01-temu');
    expect(a.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['unspecified-destinations', 'backed-by-action']));
    expect(a.reasons.map(english).join(' ')).toMatch(/Datenschutzbehörde, Austria, Jan 2025/);
  });

  it('rates a company with China as a destination high for US users when an action backs it', () => {
    const a = risk.assess('tiktok', 'US')!;
    expect(a.destinations.some((d) => d.status === 'country-of-concern')).toBe(true);
    expect(a.level).toBe('high');
  });

  it('lists actions newest first and includes the parent chain', () => {
    const a = risk.assess('tiktok', 'EEA')!;
    expect(a.chain.map((c) => c.id)).toEqual(['tiktok', 'bytedance']);
    const dates = a.actions.map((x) => x.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('does not rate a company it does not know', () => {
    expect(risk.assess('no-such-company', 'EEA')).toBeUndefined();
  });

  it('rates a known company without destinations or actions low, and says why', () => {
    const lone = new RiskModel({
      ...dataset,
      companies: [...dataset.companies, { ...dataset.companies[0]!, id: 'lone', parent: null, hq: null }],
    });
    const a = lone.assess('lone', 'EEA')!;
    expect(a.level).toBe('low');
    expect(a.reasons[0]!.code).toBe('no-sourced-transfer');
  });

  it('ignores destinations whose disclosure ended before the dataset date', () => {
    const past = new RiskModel({
      ...dataset,
      companies: [...dataset.companies, { ...dataset.companies[0]!, id: 'past', parent: null, hq: null }],
      destinations: [{ ...dataset.destinations[0]!, company: 'past', until: '2020-01-01' }],
    });
    const a = past.assess('past', 'EEA')!;
    expect(a.destinations[0]!.current).toBe(false);
    expect(a.level).toBe('low');
  });
});

describe('most relevant action', () => {
  const base = dataset.actions[0]!;
  const a = (id: string, date: string, jurisdiction: string, topics: (typeof base.topics)[number][]) => ({ ...base, id, date, jurisdiction: jurisdiction as 'AT', topics });
  const actions = [a('us-new', '2025-07-17', 'US', ['transfers']), a('eu-dsa', '2025-06-01', 'EU', ['dsa']), a('at-old', '2025-01-16', 'AT', ['transfers'])];
  it.each([
    ['EEA', 'at-old'],
    ['US', 'us-new'],
    ['UK', 'us-new'],
  ] as const)('for %s users picks %s', (j, id) => {
    expect(risk.mostRelevantAction(actions, j)?.id).toBe(id);
  });
});

describe('reasons in plain words', () => {
  it('leads TikTok with the DPC fine over newer open cases, for EEA users', () => {
    const a = risk.assess('tiktok', 'EEA')!;
    expect(risk.mostRelevantAction(a.actions, 'EEA')?.id).toBe('dpc-2025-tiktok-transfers');
    expect(a.reasons.map(english).join(' ')).toMatch(/Fine under appeal: Data Protection Commission, Ireland, \w+ 2025, €530m/);
  });

  it('says who states a destination: a complaint is not a disclosure', () => {
    const text = english(risk.assess('xiaomi', 'EEA')!.reasons[0]!);
    expect(text).toMatch(/^A complaint says Xiaomi's data may go to China/);
    expect(text).not.toMatch(/discloses/);
  });

  it('names the kind and status of an action that is not about transfers', () => {
    expect(risk.assess('general-motors', 'EEA')!.reasons.map(english).join(' ')).toMatch(/\bOrder final: Federal Trade Commission\b/);
  });
});
