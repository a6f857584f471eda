import type { ThirdParty, UnknownHost } from '@/data/protocol';
import { CONCERNING, type AssessedDestination, type DestinationStatus, type Jurisdiction } from '@/data/assess/risk';
import type { Role } from '@/data/dataset/schema';
import { regionName } from '@/data/i18n/locale-format';
import type { MessageKey } from '@/data/i18n/translator';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ActionList, relevantAction } from './ActionList';
import { CompanyReasons } from './CompanyReasons';
import { destinationName, DestinationStatusText } from './DestinationList';
import { plural, useI18n, type I18n } from './i18n';
import { RiskBadge } from './RiskBadge';
import { ServersSeen } from './ServersSeen';
import { displayNameOf, groupByHq, hqPlaces, unknownSummary } from './third-party-groups';

const ROLE_WORD: Record<Role, MessageKey> = {
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

/** Unknown hosts shown before the rest folds behind "n more". */
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

/** "Headquartered in: Malta (Hotjar), France (Contentsquare)", or one country when the whole group is there. */
function hqLine(tp: ThirdParty, { t, lang }: I18n): string {
  const places = hqPlaces(tp.assessment.chain, t, lang);
  return places ? t('tpHq', [places]) : t('tpHqUnknown');
}

const hqHeading = (hq: string | null, { t, lang }: I18n) => (hq ? t('tpHq', [regionName(hq, lang)]) : t('tpHqUnknown'));

function ThirdPartyItem({ tp, jurisdiction }: { tp: ThirdParty; jurisdiction: Jurisdiction }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const a = tp.assessment;
  const name = displayNameOf(a.company);
  // "Google (part of Google)" says nothing: the owner is named only when users know it by another name.
  const groups = byStatus(a.destinations);
  // The actions are the longest part of the detail: rendered once the company is opened, not for every closed line.
  const [opened, setOpened] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const el = details.current;
    if (!el || opened) return;
    // Listened to directly: "toggle" does not bubble, and Preact's onToggle depends on the DOM naming ontoggle.
    const onToggle = () => el.open && setOpened(true);
    el.addEventListener('toggle', onToggle);
    return () => el.removeEventListener('toggle', onToggle);
  }, [opened]);
  const relevant = relevantAction(a);
  return (
    <li data-testid="third-party" data-company={a.company.id} data-owner={a.owner.id} data-hq={a.owner.hq ?? ''} data-level={a.level}>
      <details class="tp" ref={details}>
        <summary>
          <span class="tp-head">
            <strong data-testid="third-party-name">{name}</strong>
            {displayNameOf(a.owner) !== name && <span class="muted">{` ${t('tpOwnedBy', [displayNameOf(a.owner)])}`}</span>} <RiskBadge level={a.level} small />
            {/* Its worst status for the user's rules in words: what the level rests on. */}
            {a.status && (
              <span class="tp-status" data-testid="third-party-status">
                {' '}
                <DestinationStatusText status={a.status} jurisdiction={jurisdiction} />
              </span>
            )}
          </span>
          <span class="detail tp-line" data-testid="third-party-summary">
            {plural(i18n, tp.requests, 'requestsOne', 'requestsOther')} · {tp.roles.map((r) => t(ROLE_WORD[r])).join(', ')}
            {tp.sameGroupAsSite && ` · ${t('tpSameGroup')}`}
          </span>
          {/* The group heading says it visually; a screen reader moving from summary to summary hears it here. */}
          <span class="visually-hidden">{`, ${hqHeading(a.owner.hq, i18n)}`}</span>
        </summary>
        <div class="tp-detail">
          {name !== a.company.name && <div class="detail">{t('tpLegalName', [a.company.name])}</div>}
          <div class="detail" data-testid="third-party-hq">{hqLine(tp, i18n)}</div>
          {groups.length > 0 ? (
            <div class="detail" data-testid="third-party-says">
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
            <div class="detail" data-testid="third-party-says">{t('tpNoDestination')}</div>
          )}
          <CompanyReasons assessment={a} />
          <ServersSeen countries={tp.serversSeen} />
          {opened && a.actions.length > 0 && (
            <div class="detail tp-actions" data-testid="third-party-actions">
              {t('secActions')}
              <ActionList actions={a.actions} history={a.history} relevant={relevant} />
            </div>
          )}
          <div class="detail">{t('tpHosts', [tp.hosts.join(', ')])}</div>
          {tp.providerHosts && tp.providerHosts.length > 0 && (
            <div class="detail provider-note" data-testid="provider-note">
              {t('tpProvider', [tp.providerHosts.join(', '), name])}
            </div>
          )}
        </div>
      </details>
    </li>
  );
}

function UnknownHosts({ unknown }: { unknown: UnknownHost[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { hosts, requests } = unknownSummary(unknown);
  if (hosts.length === 0) {
    return (
      <p class="muted" data-testid="unknown-hosts" data-count={0}>
        {t('tpNoUnknown')}
      </p>
    );
  }
  const item = (u: UnknownHost) => (
    <li data-testid="unknown-host" data-host={u.host}>
      {u.host} <span class="muted">· {plural(i18n, u.requests, 'requestsOne', 'requestsOther')}</span>
    </li>
  );
  return (
    <section class="tp-group" aria-labelledby="tp-group-unknown" data-testid="unknown-hosts" data-count={hosts.length} data-requests={requests}>
      <h3 id="tp-group-unknown">
        <span aria-hidden="true">? </span>
        {t('tpUnknownHeading')}
      </h3>
      <p class="detail" data-testid="unknown-summary">
        {plural(i18n, hosts.length, 'tpUnknownOne', 'tpUnknownOther', [plural(i18n, requests, 'requestsOne', 'requestsOther')])}
      </p>
      <ul class="unknown-hosts">{hosts.slice(0, UNKNOWN_SHOWN).map(item)}</ul>
      {hosts.length > UNKNOWN_SHOWN && (
        <details class="more">
          <summary>{t('moreCount', [String(hosts.length - UNKNOWN_SHOWN)])}</summary>
          <ul class="unknown-hosts">{hosts.slice(UNKNOWN_SHOWN).map(item)}</ul>
        </details>
      )}
    </section>
  );
}

/** The companies narrowed to one country of the picture: what the line above the list says, and how to undo it. */
export interface CompanyFilter {
  text: string;
  companies: ReadonlySet<string>;
  /** The site's own company, when it is among them: it is not a third party, so the list says where it is. */
  siteName?: string;
  onClear: () => void;
}

export interface ThirdPartyListProps {
  thirdParties: ThirdParty[];
  unknown: UnknownHost[];
  jurisdiction: Jurisdiction;
  filter?: CompanyFilter;
}

/**
 * The companies this page sent requests to, grouped by where their owner is headquartered, the most concerning first;
 * each one line, opening in place to its three kinds of "where" kept apart (headquartered in, says it transfers data
 * to, servers seen in), its hosts and, for cloud and CDN infrastructure, who decides what is sent. Hosts no company
 * claims come last, as "unknown" with their count.
 */
export function ThirdPartyList({ thirdParties, unknown, jurisdiction, filter }: ThirdPartyListProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const shown = filter ? thirdParties.filter((tp) => filter.companies.has(tp.assessment.company.id)) : thirdParties;
  return (
    <div data-testid="third-parties" data-filtered={String(filter !== undefined)}>
      {filter && (
        <p class="notice tp-filter" data-testid="tp-filter">
          {filter.text}{' '}
          <button type="button" data-testid="tp-show-all" onClick={filter.onClear}>
            {t('glanceShowAll')}
          </button>
          {filter.siteName && <span class="detail" data-testid="tp-filter-site">{` ${t('tpFilterSite', [filter.siteName])}`}</span>}
        </p>
      )}
      {thirdParties.length === 0 && <p class="muted">{t('tpNone')}</p>}
      {groupByHq(shown).map((g) => {
        const id = `tp-group-${g.hq ?? 'none'}`;
        return (
          <section class="tp-group" aria-labelledby={id} data-testid="hq-group" data-hq={g.hq ?? ''}>
            <h3 id={id}>
              {hqHeading(g.hq, i18n)}
              <span class="count">{` · ${plural(i18n, g.companies.length, 'tpCompaniesOne', 'tpCompaniesOther')}`}</span>
            </h3>
            <ul class="third-parties">
              {g.companies.map((tp) => (
                <ThirdPartyItem tp={tp} jurisdiction={jurisdiction} />
              ))}
            </ul>
          </section>
        );
      })}
      {/* Hosts no company claims are in no country of the picture. */}
      {!filter && <UnknownHosts unknown={unknown} />}
    </div>
  );
}
