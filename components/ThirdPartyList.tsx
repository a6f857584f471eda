import { countryName } from '@/data/risk';
import type { ThirdParty, UnknownHost } from '@/data/protocol';
import { RiskBadge } from './RiskBadge';

export interface ThirdPartyListProps {
  thirdParties: ThirdParty[];
  unknown: UnknownHost[];
}

/** Companies this page sent requests to, grouped, with what they are and where they say data goes. */
export function ThirdPartyList({ thirdParties, unknown }: ThirdPartyListProps) {
  const unknownRequests = unknown.reduce((n, u) => n + u.requests, 0);
  return (
    <div data-testid="third-parties">
      {thirdParties.length === 0 && <p class="muted">No companies from the dataset among this page's requests.</p>}
      <ul class="third-parties">
        {thirdParties.map((tp) => {
          const countries = [...new Set(tp.assessment.destinations.filter((d) => d.current).map((d) => d.destination.country))];
          return (
            <li data-testid="third-party" data-company={tp.assessment.company.id}>
              <div class="tp-head">
                <strong>{tp.assessment.company.name}</strong>
                {tp.assessment.owner.id !== tp.assessment.company.id && <span class="muted"> ({tp.assessment.owner.name})</span>}{' '}
                <RiskBadge level={tp.assessment.level} small />
              </div>
              <div class="detail">
                {tp.requests} request{tp.requests === 1 ? '' : 's'} · {tp.roles.join(', ')}
                {tp.sameGroupAsSite && ' · same group as this site'}
              </div>
              <div class="detail">Hosts: {tp.hosts.join(', ')}</div>
              {countries.length > 0 && (
                <div class="detail">
                  Disclosed destinations: {countries.map((c) => (c === 'unspecified' ? 'unspecified third countries' : countryName(c))).join(', ')}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <p class="muted" data-testid="unknown-hosts">
        {unknown.length === 0
          ? 'No other third-party hosts.'
          : `${unknown.length} other third-party host${unknown.length === 1 ? '' : 's'} (${unknownRequests} request${unknownRequests === 1 ? '' : 's'}) not in the dataset: ${unknown
              .slice(0, 8)
              .map((u) => u.host)
              .join(', ')}${unknown.length > 8 ? ', …' : ''}`}
      </p>
    </div>
  );
}
