import type { ThirdParty, UnknownHost } from '@/data/protocol';
import { CONCERNING, type AssessedDestination, type DestinationStatus, type Jurisdiction } from '@/data/assess/risk';
import type { Role } from '@/data/dataset/schema';
import type { MessageKey } from '@/data/i18n/translator';
import { destinationName, DestinationStatusText } from './DestinationList';
import { plural, useI18n } from './i18n';
import { RiskBadge } from './RiskBadge';
import { ServersSeen } from './ServersSeen';

export const ROLE_WORD: Record<Role, MessageKey> = {
  'first-party': 'roleFirstParty',
  cdn: 'roleCdn',
  api: 'roleApi',
  analytics: 'roleAnalytics',
  ads: 'roleAds',
  sdk: 'roleSdk',
  'cloud-provider': 'roleCloud',
  social: 'roleSocial',
  consent: 'roleConsent',
  'tag-manager': 'roleTagManager',
  payments: 'rolePayments',
  identity: 'roleIdentity',
  monitoring: 'roleMonitoring',
  support: 'roleSupport',
  video: 'roleVideo',
  fonts: 'roleFonts',
};

const UNKNOWN_SHOWN = 8;

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
  const i18n = useI18n();
  const { t, lang } = i18n;
  const requests = (n: number) => plural(i18n, n, 'requestsOne', 'requestsOther');
  const unknownRequests = unknown.reduce((n, u) => n + u.requests, 0);
  return (
    <div data-testid="third-parties">
      {thirdParties.length === 0 && <p class="muted">{t('tpNone')}</p>}
      <ul class="third-parties">
        {thirdParties.map((tp) => {
          const a = tp.assessment;
          const groups = byStatus(a.destinations);
          return (
            <li data-testid="third-party" data-company={a.company.id}>
              <div class="tp-head">
                <strong>{a.company.name}</strong>
                {a.owner.id !== a.company.id && <span class="muted">{` ${t('tpOwnedBy', [a.owner.name])}`}</span>} <RiskBadge level={a.level} small />
              </div>
              <div class="detail" data-testid="third-party-summary">
                {requests(tp.requests)} · {tp.roles.map((r) => t(ROLE_WORD[r])).join(', ')}
                {tp.sameGroupAsSite && ` · ${t('tpSameGroup')}`}
              </div>
              <div class="detail">
                {t('tpHosts', [tp.hosts.join(', ')])}
              </div>
              <ServersSeen countries={tp.serversSeen} />
              {groups.length > 0 ? (
                <div class="detail">
                  {t('tpDestinations')}
                  <ul class="inline-list">
                    {groups.map((g) => (
                      <li data-testid="third-party-destinations" data-status={g.status}>
                        <DestinationStatusText status={g.status} scope={g.scope} jurisdiction={jurisdiction} />: {g.countries.map((c) => destinationName(c, t, lang)).join(', ')}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : (
                <div class="detail">{t('destNone')}</div>
              )}
            </li>
          );
        })}
      </ul>
      <p class="muted" data-testid="unknown-hosts" data-count={unknown.length}>
        {unknown.length === 0 ? (
          t('tpNoUnknown')
        ) : (
          <>
            {`${plural(i18n, unknown.length, 'tpUnknownOne', 'tpUnknownOther', [requests(unknownRequests)])} `}
            {unknown
              .slice(0, UNKNOWN_SHOWN)
              .map((u) => u.host)
              .join(', ')}
            {unknown.length > UNKNOWN_SHOWN && `, ${t('moreCount', [String(unknown.length - UNKNOWN_SHOWN)])}`}
          </>
        )}
      </p>
    </div>
  );
}
