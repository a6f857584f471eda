// The popup's answer at a glance: how many companies this page sends data to, in how many countries, how many of
// them without protection for the user, and a picture of where: each country with its status for the user's rules
// and how many companies are there. Two kinds of "where" stay apart, as the dataset keeps them: *headquartered in*
// (a company fact) and *says it transfers data to* (disclosed destinations; never inferred from the headquarters).
// Pure: the popup renders it, tests/unit/assess/destination-picture.test.ts checks it from a table.
import { CONCERNING, STATUS_ORDER, type CompanyAssessment, type DestinationStatus } from './risk';

/** What the picture reads of one company: its assessment's status, headquarters and current disclosures. */
export type PictureCompany = Pick<CompanyAssessment, 'status' | 'hq' | 'destinations'> & { company: Pick<CompanyAssessment['company'], 'id'> };

export interface PictureCountry {
  /** ISO code, or "unspecified" for the unnamed "third countries" a company discloses. */
  country: string;
  /** Ids of the companies with this country under this status, in input order. */
  companies: string[];
}

/** One status for the user's rules, with the countries under it: a country whose companies differ (the US: some
 *  certified, some not) appears under each of their statuses, with the companies each covers. */
export interface PictureGroup {
  status: DestinationStatus;
  countries: PictureCountry[];
}

export interface DestinationPicture {
  /** Companies the page sends data to (the site's own and the third parties that the dataset knows). */
  companies: number;
  /** Countries the companies are headquartered in. */
  hqCountries: number;
  /** Companies whose worst current status leaves the user's protection (CONCERNING). */
  concerning: number;
  /** Hosts no company in the dataset claims: counted, never taken for safe. */
  unknownHosts: number;
  /** Worst status first; inside a group, the country with the most companies first, then by ISO code. */
  headquarters: PictureGroup[];
  destinations: PictureGroup[];
}

const rank = (s: DestinationStatus) => STATUS_ORDER.indexOf(s);

export type Look = 'concern' | 'ok' | 'neutral';
const OK: ReadonlySet<DestinationStatus> = new Set(['domestic', 'adequate', 'partial', 'certified']);
/** A concern, a decision that covers the transfer, or neither (Borderline cannot tell): the popup's bar and the
 *  evidence report's table mark each by its own shape or sign, never by colour alone. */
export const lookOf = (s: DestinationStatus): Look => (CONCERNING.has(s) ? 'concern' : OK.has(s) ? 'ok' : 'neutral');
export const LOOK_SIGN: Record<Look, string> = { concern: '✗', ok: '✓', neutral: '○' };

function grouped(entries: Iterable<[DestinationStatus, string, string]>): PictureGroup[] {
  const groups = new Map<DestinationStatus, Map<string, string[]>>();
  for (const [status, country, company] of entries) {
    const byCountry = groups.get(status) ?? groups.set(status, new Map()).get(status)!;
    const ids = byCountry.get(country) ?? byCountry.set(country, []).get(country)!;
    if (!ids.includes(company)) ids.push(company);
  }
  return [...groups]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([status, byCountry]) => ({
      status,
      countries: [...byCountry]
        .map(([country, companies]) => ({ country, companies }))
        // "unspecified" is not a place: after the named countries of its status.
        .sort(
          (a, b) =>
            Number(a.country === 'unspecified') - Number(b.country === 'unspecified') ||
            b.companies.length - a.companies.length ||
            a.country.localeCompare(b.country),
        ),
    }));
}

/** The picture of a page: the site's company (if any) and its third parties, each counted once. */
export function destinationPicture(companies: readonly PictureCompany[], unknownHosts = 0): DestinationPicture {
  const seen = new Set<string>();
  const unique = companies.filter((c) => !seen.has(c.company.id) && seen.add(c.company.id));
  const hq: [DestinationStatus, string, string][] = [];
  const dest: [DestinationStatus, string, string][] = [];
  for (const c of unique) {
    if (c.hq) hq.push([c.hq.status, c.hq.country, c.company.id]);
    for (const d of c.destinations) if (d.current) dest.push([d.status, d.destination.country, c.company.id]);
  }
  return {
    companies: unique.length,
    hqCountries: new Set(hq.map(([, country]) => country)).size,
    concerning: unique.filter((c) => c.status !== null && CONCERNING.has(c.status)).length,
    unknownHosts,
    headquarters: grouped(hq),
    destinations: grouped(dest),
  };
}
