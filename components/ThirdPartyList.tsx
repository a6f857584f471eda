import type { ThirdParty, UnknownHost } from '@/data/protocol';
import type { Jurisdiction } from '@/data/risk';
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
          const seen = new Set<string>();
          const destinations = a.destinations.filter((d) => d.current && !seen.has(d.destination.country) && seen.add(d.destination.country));
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
              {destinations.length > 0 ? (
                <div class="detail">
                  {TEXT.destinations}
                  <ul class="inline-list">
                    {destinations.map((d) => (
                      <li>
                        {destinationName(d.destination.country)} <DestinationStatusText status={d.status} scope={d.scope} jurisdiction={jurisdiction} />
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
