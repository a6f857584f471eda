// The directory of supervisory authorities the complaint draft picks from (reference.authorities): every EEA country,
// the ICO and the FDPIC, each with an https page to complain on (or, where no complaint page is sourced, the
// authority's https website, which the draft then names instead) and a source; validated like every other record.
import { describe, expect, it } from 'vitest';
import { validateDataset } from '@/data/dataset/schema';
import { loadBundled } from '../bundled-dataset';

const dataset = loadBundled();
const authorities = dataset.reference.authorities ?? [];
const eea = dataset.reference.eea.countries;

/**
 * EEA authorities for which the stored research found no complaint page over https (each record's note says why);
 * the draft points to their website. A dataset update that adds one shrinks this list; one that drops a page fails.
 */
const NO_COMPLAINT_PAGE = new Set(['ee-aki', 'it-garante', 'li-dss', 'pt-cnpd', 'de-bw-lfdi', 'de-th-tlfdi']);

describe('the authority directory', () => {
  it('covers all 30 EEA countries, the UK (ICO) and Switzerland (FDPIC)', () => {
    expect(eea).toHaveLength(30);
    const covered = new Set(authorities.map((a) => a.country));
    expect(eea.filter((c) => !covered.has(c))).toEqual([]);
    expect(authorities.find((a) => a.id === 'gb-ico')).toMatchObject({ country: 'GB' });
    expect(authorities.find((a) => a.id === 'ch-fdpic')).toMatchObject({ country: 'CH' });
  });

  it('has Germany’s federal BfDI and Land authorities, each Land once per sector it names', () => {
    const german = authorities.filter((a) => a.country === 'DE');
    expect(german.some((a) => a.id === 'de-bfdi' && a.region === undefined)).toBe(true);
    expect(new Set(german.filter((a) => a.region).map((a) => a.region)).size).toBe(16);
  });

  it.each(authorities.map((a) => ({ id: a.id, a })))('$id: an https complaint page (or website), sources and an as-of date', ({ a }) => {
    const page = a.complaintUrl ?? a.website;
    expect(page).toMatch(/^https:\/\//);
    if (a.complaintUrl === undefined) expect(NO_COMPLAINT_PAGE.has(a.id) || !eea.includes(a.country)).toBe(true);
    expect(a.sources.length).toBeGreaterThan(0);
    expect(a.sources.every((s) => s.startsWith('https://'))).toBe(true);
    expect(a.asOf <= dataset.date).toBe(true);
    expect(a.languages.length).toBeGreaterThan(0);
  });

  it('every EEA country has at least one authority with a complaint page, except where none is sourced', () => {
    const withPage = new Set(authorities.filter((a) => a.complaintUrl).map((a) => a.country));
    const without = eea.filter((c) => !withPage.has(c)).sort();
    expect(without).toEqual(['EE', 'IT', 'LI', 'PT']);
  });

  it('offers e-mail only where a channel is sourced: every "yes" has an address', () => {
    for (const a of authorities.filter((x) => x.emailForComplaints === 'yes')) expect(a.email, a.id).toMatch(/@/);
  });

  it('is checked by the one validator: a broken authority is rejected with its path', () => {
    const problemsOf = (d: unknown) => {
      const r = validateDataset(d);
      return r.ok ? '' : r.problems.join('\n');
    };
    const insecure = structuredClone(dataset);
    insecure.reference.authorities![0]!.complaintUrl = 'http://insecure.example/';
    expect(problemsOf(insecure)).toMatch(/reference\.authorities\.0.*https|reference\.authorities\[0\].*https/);
    const duplicate = structuredClone(dataset);
    duplicate.reference.authorities!.push({ ...duplicate.reference.authorities![1]! });
    expect(problemsOf(duplicate)).toMatch(/duplicate authority id/);
    expect(problemsOf(dataset)).toBe('');
  });
});
