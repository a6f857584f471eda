// Truth rules for the bundled dataset: every record says where it comes from, when, and how sure we are; no date lies
// in the future of the dataset; every company can actually be met on the web. Failures name the record.
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../bundled-dataset';

const d = loadBundled();

type Sourced = { sources: string[]; asOf: string; confidence: string };
const records: [string, Sourced][] = [
  ...d.companies.map((c) => [`company ${c.id}`, c] as [string, Sourced]),
  ...d.domains.map((e) => [`domain ${e.host}`, e] as [string, Sourced]),
  ...d.destinations.map((e, i) => [`destination[${i}] ${e.company}→${e.country} (${e.kind})`, e] as [string, Sourced]),
  ...d.actions.map((a) => [`action ${a.id}`, a] as [string, Sourced]),
  ['reference.eea', d.reference.eea],
  ...d.reference.euAdequacy.map((a) => [`adequacy ${a.country}`, a] as [string, Sourced]),
  ['reference.usCountriesOfConcern', d.reference.usCountriesOfConcern],
  ...(d.reference.usForeignAdversaries ? [['reference.usForeignAdversaries', d.reference.usForeignAdversaries] as [string, Sourced]] : []),
];

describe('provenance of every record', () => {
  it('covers the whole dataset', () => {
    expect(records.length).toBe(d.companies.length + d.domains.length + d.destinations.length + d.actions.length + d.reference.euAdequacy.length + 2 + (d.reference.usForeignAdversaries ? 1 : 0));
  });

  it('has https sources, an as-of date no later than the dataset date, and a confidence label', () => {
    const problems: string[] = [];
    for (const [what, r] of records) {
      if (r.sources.length === 0) problems.push(`${what}: no source`);
      for (const s of r.sources) if (!s.startsWith('https://')) problems.push(`${what}: source is not https: ${s}`);
      if (new Set(r.sources).size !== r.sources.length) problems.push(`${what}: the same source is listed twice`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(r.asOf)) problems.push(`${what}: asOf "${r.asOf}" is not a date`);
      else if (r.asOf > d.date) problems.push(`${what}: asOf ${r.asOf} is after the dataset date ${d.date}`);
      if (r.confidence !== 'confirmed' && r.confidence !== 'likely') problems.push(`${what}: confidence "${r.confidence}"`);
    }
    expect(problems).toEqual([]);
  });

  it('dates no event after the dataset date, and no disclosure ends before it starts', () => {
    const problems: string[] = [];
    for (const a of d.actions) if (a.date > d.date) problems.push(`action ${a.id}: date ${a.date} is after ${d.date}`);
    for (const [i, x] of d.destinations.entries()) {
      if (x.from && x.from > d.date) problems.push(`destination[${i}]: from ${x.from} is after ${d.date}`);
      if (x.from && x.until && x.until < x.from) problems.push(`destination[${i}]: until ${x.until} is before from ${x.from}`);
    }
    for (const a of d.reference.euAdequacy) if (a.decided && a.decided > d.date) problems.push(`adequacy ${a.country}: decided after ${d.date}`);
    expect(problems).toEqual([]);
  });

  it('gives every company at least one domain of its own or of a subsidiary, so it can be met on the web', () => {
    const reachable = new Set<string>();
    for (const e of d.domains) {
      // Credit the company and every parent up its chain (a holding such as PDD Holdings is met through Temu).
      for (let c = d.companies.find((x) => x.id === e.company); c && !reachable.has(c.id); c = d.companies.find((x) => x.id === c!.parent)) reachable.add(c.id);
    }
    expect(d.companies.filter((c) => !reachable.has(c.id)).map((c) => c.id)).toEqual([]);
    // Companies that are not a group parent must have a domain of their own.
    const parents = new Set(d.companies.map((c) => c.parent).filter((p): p is string => p !== null));
    const own = new Set(d.domains.map((e) => e.company));
    expect(d.companies.filter((c) => !parents.has(c.id) && !own.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  it('labels "likely" facts with a reason a reader can see', () => {
    const unexplained = [...d.companies, ...d.domains].filter((r) => r.confidence === 'likely' && !r.note && !('conflict' in r && r.conflict)).map((r) => ('id' in r ? r.id : r.host));
    expect(unexplained).toEqual([]);
  });

  it('explains every source conflict it resolves', () => {
    for (const e of d.domains.filter((x) => x.conflict !== undefined)) expect(e.conflict!.length, e.host).toBeGreaterThan(40);
    expect(d.domains.filter((x) => x.conflict !== undefined).map((x) => x.host)).toEqual(expect.arrayContaining(['adkwai.com', 'eckwai.com', 'hihonorcloud.com']));
  });

  it('marks cloud-storage domains as cloud-provider and says the controller may be the customer', () => {
    for (const host of ['myqcloud.com', 'qcloud.com', 'myhuaweicloud.com', 'oss-cn-hangzhou.aliyuncs.com']) {
      const e = d.domains.find((x) => x.host === host);
      expect(e?.role, host).toBe('cloud-provider');
      expect(e?.note ?? '', host).toMatch(/customer/);
    }
  });

  it('dates no conduct after the action that concerns it', () => {
    const late = d.actions.filter((a) => a.conductUntil !== undefined && a.conductUntil > a.date).map((a) => a.id);
    expect(late).toEqual([]);
  });

  it('has a supervisory authority for every EEA country, the UK and Switzerland, each reachable and sourced', () => {
    const authorities = d.reference.authorities ?? [];
    const covered = new Set(authorities.map((a) => a.country));
    expect([...d.reference.eea.countries, 'GB', 'CH'].filter((c) => !covered.has(c))).toEqual([]);
    for (const a of authorities) {
      expect(a.complaintUrl ?? a.website, a.id).toMatch(/^https:\/\//);
      expect(a.sources.length, a.id).toBeGreaterThan(0);
      // An e-mail draft is offered only where a source names e-mail as a complaint channel.
      if (a.emailForComplaints === 'yes') expect(a.email, a.id).toBeDefined();
    }
  });

  it('records the DPF challenge and the UK and Swiss lists with the US as partial (framework participants only)', () => {
    expect(d.reference.dpfChallenge?.cases.map((c) => c.id)).toEqual(['T-553/23', 'C-703/25 P']);
    expect(d.reference.ukAdequacy?.find((a) => a.country === 'US')?.coverage).toBe('partial');
    expect(d.reference.chAdequacy?.find((a) => a.country === 'US')?.coverage).toBe('partial');
    expect(d.reference.ukAdequacy?.filter((a) => d.reference.eea.countries.includes(a.country as string))).toHaveLength(30);
    expect(d.reference.ukAdequacyNote).toMatch(/partial/);
    expect(d.reference.chAdequacyNote).toMatch(/partial/);
  });

  it('meets the acceptance counts of issue #3', () => {
    expect(d.companies.length).toBeGreaterThanOrEqual(14);
    expect(d.domains.length).toBeGreaterThanOrEqual(300);
    expect(d.actions.length).toBeGreaterThanOrEqual(25);
    expect(d.reference.eea.countries.length).toBe(30);
  });
});
