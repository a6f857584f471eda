import type { TabReport } from '@/data/protocol';
import { displayNameOf } from './third-party-groups';

/** Company id → the name users know (displayName, else the legal name) for every company the report mentions, so the log shows names, not ids. */
export function companyNamesOf(report: TabReport): (id: string) => string | undefined {
  const names = new Map<string, string>();
  report.siteAssessment?.chain.forEach((c) => names.set(c.id, displayNameOf(c)));
  for (const tp of report.thirdParties) for (const c of tp.assessment.chain) names.set(c.id, displayNameOf(c));
  return (id) => names.get(id);
}
