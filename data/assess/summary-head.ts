// The report header as the worker stores it for the popup's first paint (background/tab-summaries.ts): the same
// header, with what only the full report shows left out. A page with 22 known companies made a 382 kB summary, most
// of it every company's full record (entities, notes, sources) three times over (company, owner, chain) and its
// actions; writing it after each batch and reading it at every popup open was the largest native cost of a page load
// after the log itself (`npm run measure`). The header and the glance read of a company only its id and names, so
// that is what stays (the headquarters' company too); reasons, destinations and certification stay whole. tests/components/
// summary-head.test.tsx renders the header and the glance from both forms, for every company in the dataset under
// each set of rules, and holds them to the same HTML.
import type { Company } from '../dataset/schema';
import type { ThirdParty } from '../protocol';
import type { CompanyAssessment } from './risk';
import type { ReportHead } from './tab-report';

/**
 * A company as the summary names it. Typed as a Company so the header's code reads it as it reads the report's; the
 * fields left out are never read from a summary (the test above fails if one is).
 */
function named(c: Company): Company {
  const kept: Pick<Company, 'id' | 'name' | 'parent' | 'hq'> & Partial<Pick<Company, 'displayName'>> = { id: c.id, name: c.name, parent: c.parent, hq: c.hq };
  if (c.displayName !== undefined) kept.displayName = c.displayName;
  return kept as Company;
}

function slim(a: CompanyAssessment): CompanyAssessment {
  const { dpfChallenge: _challenge, ...rest } = a;
  return {
    ...rest,
    company: named(a.company),
    owner: named(a.owner),
    chain: a.chain.map(named),
    hq: a.hq && { ...a.hq, company: named(a.hq.company) },
    actions: [],
    history: [],
  };
}

/** The header for the summary: each assessment with its companies named only, and without actions or history. */
export function summaryHead<H extends ReportHead>(head: H): H {
  return {
    ...head,
    siteAssessment: head.siteAssessment ? slim(head.siteAssessment) : null,
    thirdParties: head.thirdParties.map((tp): ThirdParty => ({ ...tp, assessment: slim(tp.assessment) })),
  };
}
