import type { MessageKey, Translate } from '@/data/i18n/translator';
import { regionName } from '@/data/i18n/locale-format';
import { jurisdictionName } from '@/data/assess/localized-text';
import type { AssessedDestination, DestinationStatus, Jurisdiction } from '@/data/assess/risk';
import type { Destination } from '@/data/dataset/schema';
import { useI18n, useT } from './i18n';
import { SourceLinks } from './SourceLinks';

/**
 * Each status with its words and its look: ✗ for a concern, ✓ only where a decision covers the transfer, ○ where
 * Borderline cannot tell (certification not on record, unnamed countries under named safeguards, no US restriction):
 * never a green tick for a transfer no decision covers.
 */
const DESTINATION_STATUS: Record<DestinationStatus, { word: MessageKey; look: Look }> = {
  domestic: { word: 'destStatusDomestic', look: 'ok' },
  adequate: { word: 'destStatusAdequate', look: 'ok' },
  partial: { word: 'destStatusPartial', look: 'ok' },
  certified: { word: 'destStatusCertified', look: 'ok' },
  'not-certified': { word: 'destStatusNotCertified', look: 'concern' },
  'certification-unknown': { word: 'destStatusCertUnknown', look: 'neutral' },
  'no-adequacy': { word: 'destStatusNoAdequacy', look: 'concern' },
  'country-of-concern': { word: 'destStatusConcern', look: 'concern' },
  unrestricted: { word: 'destStatusUnrestricted', look: 'neutral' },
  unspecified: { word: 'destStatusUnspecified', look: 'concern' },
  'unspecified-safeguard': { word: 'destStatusUnspecifiedSafeguard', look: 'neutral' },
};

export type Look = 'concern' | 'ok' | 'neutral';
/** A status's words and look, for text that names it without the component (the picture's filter line). */
export const statusWord = (status: DestinationStatus): MessageKey => DESTINATION_STATUS[status].word;
export const statusLook = (status: DestinationStatus): Look => DESTINATION_STATUS[status].look;
export const ICON: Record<Look, string> = { concern: '✗', ok: '✓', neutral: '○' };

const KIND: Record<Destination['kind'], { title: MessageKey; short: MessageKey }> = {
  transfer: { title: 'destKindTransfer', short: 'destKindTransferShort' },
  storage: { title: 'destKindStorage', short: 'destKindStorageShort' },
  'remote-access': { title: 'destKindRemote', short: 'destKindRemoteShort' },
};

const STATED_BY: Record<Destination['statedBy'], MessageKey> = {
  company: 'destByCompany',
  regulator: 'destByRegulator',
  complainant: 'destByComplainant',
  court: 'destByCourt',
};

export const destinationName = (country: string, t: Translate, lang: string) =>
  country === 'unspecified' ? t('destUnspecified') : regionName(country, lang);

export interface DestinationStatusTextProps {
  status: DestinationStatus;
  scope?: string;
  jurisdiction: Jurisdiction;
}

/** Icon and words, coloured too: "✗ no adequacy decision" reads the same without colour. */
export function DestinationStatusText({ status, scope, jurisdiction }: DestinationStatusTextProps) {
  const t = useT();
  const s = DESTINATION_STATUS[status];
  return (
    <span class={`status status-${s.look}`} data-testid="destination-status" data-status={status}>
      <span aria-hidden="true">{ICON[s.look]} </span>
      {t(s.word)}
      {scope ? ` (${scope})` : ''}
      <span class="visually-hidden"> {t('destForUsers', [jurisdictionName(jurisdiction, t)])}</span>
    </span>
  );
}

interface Change {
  date: string;
  began: string[];
  ended: string[];
}

/** Dated disclosures become a short timeline, newest first, so "what changed when" is readable at a glance. */
function changesOf(destinations: AssessedDestination[], t: Translate, lang: string): Change[] {
  const byDate = new Map<string, Change>();
  const at = (date: string) => byDate.get(date) ?? byDate.set(date, { date, began: [], ended: [] }).get(date)!;
  for (const { destination: d } of destinations) {
    const label = `${destinationName(d.country, t, lang)} (${t(KIND[d.kind].short)})`;
    if (d.from) at(d.from).began.push(label);
    if (d.until) at(d.until).ended.push(label);
  }
  return [...byDate.values()].sort((a, b) => b.date.localeCompare(a.date));
}

export interface DestinationListProps {
  destinations: AssessedDestination[];
  jurisdiction: Jurisdiction;
}

function DestinationItem({ item, jurisdiction }: { item: AssessedDestination; jurisdiction: Jurisdiction }) {
  const { t, lang } = useI18n();
  const { destination: d, status, scope, current } = item;
  const period = d.until ? (d.from ? t('destPeriod', [d.from, d.until]) : t('destUntil', [d.until])) : '';
  return (
    <li class={current ? '' : 'history'} data-testid="destination" data-country={d.country} data-current={String(current)}>
      <strong>{destinationName(d.country, t, lang)}</strong> <DestinationStatusText status={status} scope={scope} jurisdiction={jurisdiction} />
      <div class="detail">
        {t('destStatedBy', [t(KIND[d.kind].title), t(STATED_BY[d.statedBy])])}
        {current && d.from ? `, ${t('destSince', [d.from])}` : ''}
        {!current && period ? ` (${period})` : ''}
      </div>
      <div class="detail" data-testid="basis">{d.basis ? t('destBasis', [d.basis]) : t('destNoBasis')}</div>
      {d.note && <div class="note">{d.note}</div>}
      <SourceLinks sources={d.sources} asOf={d.asOf} confidence={d.confidence} />
    </li>
  );
}

/** Each disclosed destination with its status for the user's jurisdiction; past disclosures kept apart as history. */
export function DestinationList({ destinations, jurisdiction }: DestinationListProps) {
  const { t, lang } = useI18n();
  if (destinations.length === 0) return <p class="muted">{t('destNone')}</p>;
  const current = destinations.filter((d) => d.current);
  const past = destinations.filter((d) => !d.current).sort((a, b) => (b.destination.until ?? '').localeCompare(a.destination.until ?? ''));
  const changes = changesOf(destinations, t, lang);
  return (
    <div data-testid="destinations">
      {past.length > 0 && <h3>{t('destCurrent')}</h3>}
      <ul class="destinations">
        {current.map((item) => (
          <DestinationItem item={item} jurisdiction={jurisdiction} />
        ))}
      </ul>
      {past.length > 0 && (
        <>
          <h3>{t('destHistory')}</h3>
          <ul class="destinations" data-testid="destination-history">
            {past.map((item) => (
              <DestinationItem item={item} jurisdiction={jurisdiction} />
            ))}
          </ul>
        </>
      )}
      {changes.length > 0 && (
        <details class="changes" data-testid="destination-changes" open={past.length > 0}>
          <summary>{t('destChanges')}</summary>
          <ol>
            {changes.map((c) => (
              <li>
                <time dateTime={c.date}>{c.date}</time>
                {c.began.length > 0 && ` ${t('destBegan', [c.began.join(', ')])}`}
                {c.began.length > 0 && c.ended.length > 0 && ';'}
                {c.ended.length > 0 && ` ${t('destEnded', [c.ended.join(', ')])}`}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
