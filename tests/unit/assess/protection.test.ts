// Issue 15's table: for each jurisdiction and company of a small fixture dataset (real sources, frozen, so the table
// does not move when the bundled data grows), the summary status, the level and the reason codes in order.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reasonsText } from '@/data/assess/localized-text';
import { RiskModel, type Jurisdiction } from '@/data/assess/risk';
import { validateDataset, type Dataset } from '@/data/dataset/schema';
import { translator } from '@/data/i18n/translator';

interface Case {
  company: string;
  jurisdiction: Jurisdiction;
  status: string;
  level: string;
  reasons: string[];
}

const fixture = JSON.parse(readFileSync('tests/fixtures/protection.json', 'utf8')) as { dataset: unknown; cases: Case[] };
const checked = validateDataset(fixture.dataset);
if (!checked.ok) throw new Error(`tests/fixtures/protection.json is not a valid dataset:\n${checked.problems.join('\n')}`);
const dataset: Dataset = checked.dataset;
const risk = new RiskModel(dataset);
const en = translator(JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')));

describe('is it protected? (tests/fixtures/protection.json)', () => {
  it('covers every jurisdiction for each company the issue names', () => {
    const companies = ['google', 'apple', 'yandex', 'tiktok', 'hotjar', 'criteo', 'onetrust'];
    for (const c of companies) expect(fixture.cases.filter((x) => x.company === c).map((x) => x.jurisdiction).sort()).toEqual(['CH', 'EEA', 'UK', 'US']);
  });

  it.each(fixture.cases.map((c) => [`${c.company} for ${c.jurisdiction} users`, c] as const))('%s', (_, c) => {
    const a = risk.assess(c.company, c.jurisdiction)!;
    expect({ status: a.status, level: a.level, reasons: a.reasons.map((r) => r.code) }).toEqual({ status: c.status, level: c.level, reasons: c.reasons });
  });
});

describe('what the table rests on', () => {
  it('takes Google as certified under each area’s own framework, with the decision’s date', () => {
    const since = (j: Jurisdiction) => {
      const r = risk.assess('google', j)!.reasons.find((x) => x.code === 'certified');
      return r?.code === 'certified' ? [r.params.framework, r.params.since] : null;
    };
    expect(since('EEA')).toEqual(['eu-us-dpf', '2023-07-10']);
    expect(since('UK')).toEqual(['uk-extension', '2023-10-12']);
    expect(since('CH')).toEqual(['swiss-us-dpf', '2024-09-15']);
  });

  it('shows the DPF’s court challenge with an EU-DPF verdict only', () => {
    expect(risk.assess('google', 'EEA')!.dpfChallenge?.cases.map((c) => c.id)).toEqual(['T-553/23', 'C-703/25 P']);
    expect(risk.assess('google', 'UK')!.dpfChallenge).toBeUndefined();
    expect(risk.assess('apple', 'EEA')!.dpfChallenge).toBeUndefined();
  });

  it('treats the 2021 Google Analytics decision and Meta’s 2023 fine as history once the company is certified', () => {
    expect(risk.assess('google', 'EEA')!.history).toEqual([{ action: 'dsb-2021-google-analytics', conductUntil: '2020-08-14', framework: 'eu-us-dpf', coveredSince: '2023-07-10' }]);
    expect(risk.assess('meta', 'EEA')!.history.map((h) => h.action)).toEqual(['dpc-2023-meta-transfers']);
    // The UK Extension is not on record for Meta: the fine is not history there, and it is an Irish decision.
    expect(risk.assess('meta', 'UK')!.history).toEqual([]);
  });

  it('names the safeguard Apple names instead of the DPF', () => {
    const r = risk.assess('apple', 'EEA')!.reasons[0]!;
    expect(reasonsText([r], en, 'en')).toBe(
      'Apple is not certified under the EU-US Data Privacy Framework, so no adequacy decision covers its transfers to the United States. It names instead: Standard Contractual Clauses.',
    );
  });

  it('says Yandex is based in Russia, without adequacy, and that no statement of where it stores data is on record', () => {
    expect(reasonsText(risk.assess('yandex', 'EEA')!.reasons, en, 'en')).toBe(
      'Yandex is based in Russia, which has no adequacy decision; Borderline has no sourced statement of where Yandex stores the data. Likely: read from the headquarters, not from a disclosure.',
    );
  });

  it('says which list UK and Swiss users get, and that it is partial', () => {
    const why = (j: Jurisdiction) => reasonsText(risk.assess('criteo', j)!.reasons, en, 'en');
    expect(why('UK')).toContain('For UK users Borderline applies the UK’s own adequacy regulations; its copy in the dataset is partial');
    expect(why('UK')).toContain('under the UK’s adequacy regulations, only certified companies are');
    expect(why('CH')).toContain('For CH users Borderline applies Switzerland’s own adequacy list (Annex 1 of the Data Protection Ordinance)');
  });

  it('keeps "certification not on record" apart from a record that says unknown', () => {
    const unknown = (id: string) => {
      const r = risk.assess(id, 'EEA')!.reasons.find((x) => x.code === 'certification-unknown');
      return r?.code === 'certification-unknown' ? r.params.onRecord : undefined;
    };
    expect(unknown('onetrust')).toBe(false);
    expect(unknown('criteo')).toBe(true);
  });

  it('falls back to the EEA and the EU list, and says so, for a dataset without the UK’s own list', () => {
    const { ukAdequacy: _, ukAdequacyNote: __, ...reference } = dataset.reference;
    const old = new RiskModel({ ...dataset, reference });
    const a = old.assess('hotjar', 'UK')!;
    expect(a.reasons.map((r) => r.code)).toEqual(['no-sourced-transfer', 'approximate-jurisdiction']);
    expect(old.statusOf('KR', 'UK').status).toBe('no-adequacy'); // KR is on the UK's list, not in this fixture's EU list
    expect(risk.statusOf('KR', 'UK').status).toBe('adequate');
  });

  it('inherits a parent’s certification only where the parent’s record names the company, or covers its US subsidiaries', () => {
    const sub = (id: string, name: string, hq: string | null) => ({ ...dataset.companies.find((c) => c.id === 'google')!, id, name, displayName: undefined, parent: 'google', hq });
    const d: Dataset = { ...dataset, companies: [...dataset.companies, sub('youtube', 'YouTube, LLC', 'US'), sub('google-ireland', 'Google Ireland Limited', 'IE')] };
    const m = new RiskModel(d);
    expect(m.assess('youtube', 'EEA')!.certification).toMatchObject({ status: 'certified', generic: true, inheritedFrom: { id: 'google' } });
    expect(m.assess('google-ireland', 'EEA')!.certification).toBeUndefined(); // not based in the US, no US destination
    const named = { ...d, certifications: d.certifications!.map((c) => (c.company === 'google' && c.framework === 'uk-extension' ? { ...c, entity: 'Google LLC and YouTube, LLC' } : c)) };
    expect(new RiskModel(named).assess('youtube', 'UK')!.certification).toMatchObject({ status: 'certified', inheritedFrom: { id: 'google' } });
    expect(new RiskModel(named).assess('youtube', 'UK')!.certification?.generic).toBeUndefined();
    // The Swiss record says "Google LLC" only: not this subsidiary.
    expect(m.assess('youtube', 'CH')!.certification).toEqual({ framework: 'swiss-us-dpf', status: 'unknown' });
  });

  it('counts a pending complaint about present transfers: an action after the DPF raises a certified company', () => {
    const ga = dataset.actions.find((a) => a.id === 'dsb-2021-google-analytics')!;
    const d: Dataset = { ...dataset, actions: [...dataset.actions, { ...ga, id: 'new-complaint', kind: 'complaint', status: 'pending', date: '2026-01-10', conductUntil: undefined }] };
    const a = new RiskModel(d).assess('google', 'EEA')!;
    expect(a.level).toBe('medium');
    expect(a.reasons.map((r) => r.code)).toEqual(['backed-by-action', 'certified', 'dpf-challenge', 'history-action']);
  });
});
