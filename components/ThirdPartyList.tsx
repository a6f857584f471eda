import type { ThirdParty, UnknownHost } from '@/data/protocol';
import { CONCERNING, type AssessedDestination, type DestinationStatus, type Jurisdiction } from '@/data/risk';
import type { Role } from '@/data/schema';
import { destinationName, DestinationStatusText } from './DestinationList';
import { RiskBadge } from './RiskBadge';

export const ROLE_WORD: Record<Role, string> = {
  'first-party': 'first party',
  cdn: 'CDN',
  api: 'API',
  analytics: 'analytics',
  ads: 'ads',
  sdk: 'SDK',
  'cloud-provider': 'cloud',
};

const UNKNOWN_SHOWN = 8;

const TEXT = {
  none: 'No companies from the dataset among this page’s requests.',
  requests: (n: number) => `${n} request${n === 1 ? '' : 's'}`,
  ownedBy: (owner: string) => ` (part of ${owner})`,
  sameGroup: 'same group as this site',
  hosts: 'Hosts: ',
  destinations: 'Disclosed destinations:',
  noDestinations: 'No disclosed destinations on record.',
  noUnknown: 'No other third-party hosts.',
  unknown: (hosts: number, requests: number) =>
    `${hosts} other third-party host${hosts === 1 ? '' : 's'} (${TEXT.requests(requests)}) not in the dataset: `,
  more: (n: number) => `, and ${n} more`,
};

interface StatusGroup {
  status: DestinationStatus;
  scope?: string;
  countries: string[];
}

/** One line per status, the concerning ones first: twelve countries read as two or three lines, not twelve. */
function byStatus(destinations: AssessedDestination[]): StatusGroup[] {
  const groups = new Map<string, StatusGroup>();
  for (const d of destinations) {
    if (!d.current) continue;
    const key = `${d.status}|${d.scope ?? ''}`;
    const g = groups.get(key) ?? groups.set(key, { status: d.status, scope: d.scope, countries: [] }).get(key)!;
    if (!g.countries.includes(d.destination.country)) g.countries.push(d.destination.country);
  }
  return [...groups.values()].sort((x, y) => Number(CONCERNING.has(y.status)) - Number(CONCERNING.has(x.status)));
}

export interface ThirdPartyListProps {
  thirdParties: ThirdParty[];
  unknown: UnknownHost[];
  jurisdiction: Jurisdiction;
}

/** Companies this page sent requests to, grouped, with what they are and where they say data goes. */
export function ThirdPartyList({ thirdParties, unknown, jurisdiction }: ThirdPartyListProps) {
  const unknownRequests = unknown.reduce((n, u) => n + u.requests, 0);
  return (
    <div data-testid="third-parties">
      {thirdParties.length === 0 && <p class="muted">{TEXT.none}</p>}
      <ul class="third-parties">
        {thirdParties.map((tp) => {
          const a = tp.assessment;
          const groups = byStatus(a.destinations);
          return (
            <li data-testid="third-party" data-company={a.company.id}>
              <div class="tp-head">
                <strong>{a.company.name}</strong>
                {a.owner.id !== a.company.id && <span class="muted">{TEXT.ownedBy(a.owner.name)}</span>} <RiskBadge level={a.level} small />
              </div>
              <div class="detail" data-testid="third-party-summary">
                {TEXT.requests(tp.requests)} · {tp.roles.map((r) => ROLE_WORD[r]).join(', ')}
                {tp.sameGroupAsSite && ` · ${TEXT.sameGroup}`}
              </div>
              <div class="detail">
                {TEXT.hosts}
                {tp.hosts.join(', ')}
              </div>
              {groups.length > 0 ? (
                <div class="detail">
                  {TEXT.destinations}
                  <ul class="inline-list">
                    {groups.map((g) => (
                      <li data-testid="third-party-destinations" data-status={g.status}>
                        <DestinationStatusText status={g.status} scope={g.scope} jurisdiction={jurisdiction} />: {g.countries.map(destinationName).join(', ')}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : (
                <div class="detail">{TEXT.noDestinations}</div>
              )}
            </li>
          );
        })}
      </ul>
      <p class="muted" data-testid="unknown-hosts" data-count={unknown.length}>
        {unknown.length === 0 ? (
          TEXT.noUnknown
        ) : (
          <>
            {TEXT.unknown(unknown.length, unknownRequests)}
            {unknown
              .slice(0, UNKNOWN_SHOWN)
              .map((u) => u.host)
              .join(', ')}
            {unknown.length > UNKNOWN_SHOWN && TEXT.more(unknown.length - UNKNOWN_SHOWN)}
          </>
        )}
      </p>
    </div>
  );
}
