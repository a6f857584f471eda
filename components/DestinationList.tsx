import { countryName, type AssessedDestination, type DestinationStatus, type Jurisdiction } from '@/data/risk';
import { SourceLinks } from './SourceLinks';

const STATUS: Record<DestinationStatus, { word: string; concern: boolean }> = {
  domestic: { word: 'inside your area', concern: false },
  adequate: { word: 'adequacy decision', concern: false },
  partial: { word: 'partial adequacy', concern: false },
  'no-adequacy': { word: 'no adequacy decision', concern: true },
  'country-of-concern': { word: 'country of concern', concern: true },
  unrestricted: { word: 'no US restriction', concern: false },
  unspecified: { word: 'countries not named', concern: true },
};

const KIND: Record<AssessedDestination['destination']['kind'], string> = {
  transfer: 'transfer',
  storage: 'storage',
  'remote-access': 'remote access',
};

const STATED_BY = { company: 'the company', regulator: 'a regulator', complainant: 'the complainant (noyb)', court: 'a court' };

export interface DestinationListProps {
  destinations: AssessedDestination[];
  jurisdiction: Jurisdiction;
}

export function DestinationList({ destinations, jurisdiction }: DestinationListProps) {
  if (destinations.length === 0) return <p class="muted">No disclosed destinations on record.</p>;
  const ordered = [...destinations].sort((a, b) => Number(b.current) - Number(a.current));
  return (
    <ul class="destinations" data-testid="destinations">
      {ordered.map(({ destination: d, status, scope, current }) => {
        const s = STATUS[status];
        return (
          <li class={current ? '' : 'history'} data-testid="destination" data-country={d.country}>
            <strong>{d.country === 'unspecified' ? 'Unspecified third countries' : countryName(d.country)}</strong>{' '}
            <span class={`status ${s.concern ? 'status-concern' : 'status-ok'}`} data-testid="destination-status">
              <span aria-hidden="true">{s.concern ? '✗ ' : '✓ '}</span>
              {s.word}
              {scope ? ` (${scope})` : ''}
              <span class="visually-hidden"> for {jurisdiction} users</span>
            </span>
            <div class="detail">
              {KIND[d.kind]}, stated by {STATED_BY[d.statedBy]}
              {d.basis ? `; legal basis: ${d.basis}` : ''}
              {d.from || d.until ? ` (${d.from ?? '…'} to ${d.until ?? 'now'})` : ''}
              {!current && ' — no longer current'}
            </div>
            {d.note && <div class="note">{d.note}</div>}
            <SourceLinks sources={d.sources} asOf={d.asOf} confidence={d.confidence} />
          </li>
        );
      })}
    </ul>
  );
}
