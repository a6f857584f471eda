import type { TabReport } from '@/data/protocol';

/** Company id → display name for every company the report mentions, so the log shows names, not ids. */
export function companyNamesOf(report: TabReport): (id: string) => string | undefined {
  const names = new Map<string, string>();
  report.siteAssessment?.chain.forEach((c) => names.set(c.id, c.name));
  for (const tp of report.thirdParties) for (const c of tp.assessment.chain) names.set(c.id, c.name);
  return (id) => names.get(id);
}
