// What the in-page banner needs about a site, and nothing more: the content script runs in the page's process, so
// it gets a few facts, not the whole report.
import type { CompanyAssessment, Jurisdiction, Level, RiskModel } from './risk';
import { CONCERNING } from './risk';
import type { Action } from '../dataset/schema';

export interface SiteWarning {
  site: string;
  level: Level;
  company: string;
  /** The top of the group, when it is not the company itself. */
  owner: string | null;
  /** ISO codes of current destinations without protection for the user; "unspecified" for unnamed third countries. */
  countries: string[];
  action: Pick<Action, 'kind' | 'status' | 'authority' | 'jurisdiction' | 'date' | 'amount'> | null;
}

export function buildSiteWarning(site: string, a: CompanyAssessment, risk: RiskModel, jurisdiction: Jurisdiction): SiteWarning {
  const countries = [...new Set(a.destinations.filter((d) => d.current && CONCERNING.has(d.status)).map((d) => d.destination.country))];
  const action = risk.mostRelevantAction(a.actions, jurisdiction);
  return {
    site,
    level: a.level,
    company: a.company.name,
    owner: a.owner.id === a.company.id ? null : a.owner.name,
    countries,
    action: action
      ? { kind: action.kind, status: action.status, authority: action.authority, jurisdiction: action.jurisdiction, date: action.date, amount: action.amount }
      : null,
  };
}
