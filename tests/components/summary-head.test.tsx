// @vitest-environment happy-dom
// The summary the popup paints first (data/assess/summary-head.ts) leaves out what only the full report shows. This
// holds it to that: for every company in the dataset, as the site and as the page's riskiest third party, under each
// set of rules, the header and the glance render the same HTML from the summary as from the full header. A field the
// summary drops that either of them reads makes a case differ.
import { cleanup } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { GlanceSummary } from '@/components/GlanceSummary';
import { ReportHeader } from '@/components/ReportHeader';
import { JURISDICTIONS } from '@/data/assess/risk';
import { summaryHead } from '@/data/assess/summary-head';
import datasetJson from '@/data/dataset.json';
import type { Dataset } from '@/data/dataset/schema';
import type { TabReport } from '@/data/protocol';
import { risk, temuReport } from './report-fixture';
import { render } from './render';

afterEach(cleanup);

const dataset = datasetJson as Dataset;
const ids = dataset.companies.map((c) => c.id);

function html(report: TabReport): string {
  const { container } = render(
    <ReportHeader report={report}>
      <GlanceSummary report={report} />
    </ReportHeader>,
  );
  const out = container.innerHTML;
  cleanup();
  return out;
}

/** A page whose site is `site` (or unknown), with `third` and two other companies as its third parties. */
function reportWith(jurisdiction: (typeof JURISDICTIONS)[number], site: string | null, third: string): TabReport {
  const assess = (id: string) => risk.assess(id, jurisdiction)!;
  const thirdParties = [third, 'google', 'tencent']
    .filter((id, i, all) => id !== site && all.indexOf(id) === i)
    .map((id) => ({ assessment: assess(id), requests: 2, roles: ['analytics' as const], hosts: [`${id}.example`], sameGroupAsSite: false }));
  const levels = [...(site ? [assess(site).level] : []), ...thirdParties.map((tp) => tp.assessment.level)];
  const level = (['high', 'medium', 'low', 'none'] as const).find((l) => levels.includes(l)) ?? 'none';
  return temuReport({ jurisdiction, site: site ? `${site}.example` : 'unknown.example', siteAssessment: site ? assess(site) : null, thirdParties, level });
}

describe('the summary header renders as the full header', () => {
  it('leaves out most of the weight', () => {
    const full = reportWith('EEA', 'temu', 'tiktok');
    expect(JSON.stringify(summaryHead(full)).length).toBeLessThan(JSON.stringify(full).length / 2);
  });

  for (const jurisdiction of JURISDICTIONS) {
    it(`for every company as the riskiest third party and as the site, under ${jurisdiction} rules`, () => {
      const differ: string[] = [];
      for (const id of ids) {
        for (const [label, report] of [
          ['third party', reportWith(jurisdiction, null, id)],
          ['site', reportWith(jurisdiction, id, id)],
        ] as const) {
          if (html(summaryHead(report)) !== html(report)) differ.push(`${id} as ${label}`);
        }
      }
      expect(differ).toEqual([]);
    });
  }
});
