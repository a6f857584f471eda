import { countryName, type AssessedDestination, type DestinationStatus, type Jurisdiction } from '@/data/risk';
import type { Destination } from '@/data/schema';
import { SourceLinks } from './SourceLinks';

export const DESTINATION_STATUS: Record<DestinationStatus, { word: string; concern: boolean }> = {
  domestic: { word: 'inside your area', concern: false },
  adequate: { word: 'adequacy decision', concern: false },
  partial: { word: 'partial adequacy', concern: false },
  'no-adequacy': { word: 'no adequacy decision', concern: true },
  'country-of-concern': { word: 'country of concern', concern: true },
  unrestricted: { word: 'no US restriction', concern: false },
  unspecified: { word: 'countries not named', concern: true },
};

const TEXT = {
  none: 'No disclosed destinations on record.',
  unspecified: 'Unspecified third countries',
  forUsers: (j: string) => ` for ${j} users`,
  statedBy: (kind: string, who: string) => `${kind}, stated by ${who}`,
  basis: (b: string) => `Legal basis stated: ${b}`,
  noBasis: 'No legal basis stated',
  since: (d: string) => `since ${d}`,
  period: (from: string | undefined, until: string) => `${from ? `${from} to ` : 'until '}${until}`,
  current: 'Disclosed now',
  history: 'History: no longer current',
  changes: 'What changed when',
  began: 'disclosed',
  ended: 'ended',
  concernIcon: '✗',
  okIcon: '✓',
};

const KIND: Record<Destination['kind'], string> = {
  transfer: 'Transfer',
  storage: 'Storage',
  'remote-access': 'Remote access',
};

const STATED_BY: Record<Destination['statedBy'], string> = {
  company: 'the company',
  regulator: 'a regulator',
  complainant: 'a complainant',
  court: 'a court',
};

export const destinationName = (country: string) => (country === 'unspecified' ? TEXT.unspecified : countryName(country));

export interface DestinationStatusTextProps {
  status: DestinationStatus;
  scope?: string;
  jurisdiction: Jurisdiction;
}

/** Icon and words, coloured too: "✗ no adequacy decision" reads the same without colour. */
export function DestinationStatusText({ status, scope, jurisdiction }: DestinationStatusTextProps) {
  const s = DESTINATION_STATUS[status];
  return (
    <span class={`status ${s.concern ? 'status-concern' : 'status-ok'}`} data-testid="destination-status" data-status={status}>
      <span aria-hidden="true">{s.concern ? TEXT.concernIcon : TEXT.okIcon} </span>
      {s.word}
      {scope ? ` (${scope})` : ''}
      <span class="visually-hidden">{TEXT.forUsers(jurisdiction)}</span>
    </span>
  );
}

interface Change {
  date: string;
  began: string[];
  ended: string[];
}

/** Dated disclosures become a short timeline, newest first, so "what changed when" is readable at a glance. */
function changesOf(destinations: AssessedDestination[]): Change[] {
  const byDate = new Map<string, Change>();
  const at = (date: string) => byDate.get(date) ?? byDate.set(date, { date, began: [], ended: [] }).get(date)!;
  for (const { destination: d } of destinations) {
    const label = `${destinationName(d.country)} (${KIND[d.kind].toLowerCase()})`;
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
  const { destination: d, status, scope, current } = item;
  return (
    <li class={current ? '' : 'history'} data-testid="destination" data-country={d.country} data-current={String(current)}>
      <strong>{destinationName(d.country)}</strong> <DestinationStatusText status={status} scope={scope} jurisdiction={jurisdiction} />
      <div class="detail">
        {TEXT.statedBy(KIND[d.kind], STATED_BY[d.statedBy])}
        {current && d.from ? `, ${TEXT.since(d.from)}` : ''}
        {!current && d.until ? ` (${TEXT.period(d.from, d.until)})` : ''}
      </div>
      <div class="detail" data-testid="basis">{d.basis ? TEXT.basis(d.basis) : TEXT.noBasis}</div>
      {d.note && <div class="note">{d.note}</div>}
      <SourceLinks sources={d.sources} asOf={d.asOf} confidence={d.confidence} />
    </li>
  );
}

/** Each disclosed destination with its status for the user's jurisdiction; past disclosures kept apart as history. */
export function DestinationList({ destinations, jurisdiction }: DestinationListProps) {
  if (destinations.length === 0) return <p class="muted">{TEXT.none}</p>;
  const current = destinations.filter((d) => d.current);
  const past = destinations.filter((d) => !d.current).sort((a, b) => (b.destination.until ?? '').localeCompare(a.destination.until ?? ''));
  const changes = changesOf(destinations);
  return (
    <div data-testid="destinations">
      {past.length > 0 && <h3>{TEXT.current}</h3>}
      <ul class="destinations">
        {current.map((item) => (
          <DestinationItem item={item} jurisdiction={jurisdiction} />
        ))}
      </ul>
      {past.length > 0 && (
        <>
          <h3>{TEXT.history}</h3>
          <ul class="destinations" data-testid="destination-history">
            {past.map((item) => (
              <DestinationItem item={item} jurisdiction={jurisdiction} />
            ))}
          </ul>
        </>
      )}
      {changes.length > 0 && (
        <details class="changes" data-testid="destination-changes" open={past.length > 0}>
          <summary>{TEXT.changes}</summary>
          <ol>
            {changes.map((c) => (
              <li>
                <time dateTime={c.date}>{c.date}</time>
                {c.began.length > 0 && ` ${TEXT.began}: ${c.began.join(', ')}`}
                {c.began.length > 0 && c.ended.length > 0 && ';'}
                {c.ended.length > 0 && ` ${TEXT.ended}: ${c.ended.join(', ')}`}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
