import { LEVELS, type Level } from '@/data/risk';
import { NO_COMPANY, type LogFilter } from './log-filter';

export interface LogFiltersProps {
  filter: LogFilter;
  onChange: (filter: LogFilter) => void;
  types: string[];
  companies: { id: string; name: string }[];
  /** Offer "no company" only when some rows have none. */
  unattributed: boolean;
}

const TEXT = {
  search: 'Search',
  searchPlaceholder: 'host, URL, company…',
  risk: 'Risk',
  anyRisk: 'Any risk',
  company: 'Company',
  anyCompany: 'Any company',
  noCompany: 'Not in the dataset',
  type: 'Type',
  anyType: 'Any type',
  levels: { high: 'High', medium: 'Medium', low: 'Low', none: 'None' } satisfies Record<Level, string>,
};

const HIGHEST_FIRST = [...LEVELS].reverse();

export function LogFilters({ filter, onChange, types, companies, unattributed }: LogFiltersProps) {
  const set = <K extends keyof LogFilter>(key: K, value: LogFilter[K]) => onChange({ ...filter, [key]: value });
  return (
    <div class="log-filters" data-testid="log-filters">
      <label class="search">
        <span>{TEXT.search}</span>
        <input
          type="search"
          value={filter.text}
          placeholder={TEXT.searchPlaceholder}
          onInput={(e) => set('text', e.currentTarget.value)}
          data-testid="log-search"
        />
      </label>
      <label>
        <span>{TEXT.risk}</span>
        <select value={filter.level} onChange={(e) => set('level', e.currentTarget.value as Level | '')} data-testid="filter-risk">
          <option value="">{TEXT.anyRisk}</option>
          {HIGHEST_FIRST.map((l) => (
            <option value={l}>{TEXT.levels[l]}</option>
          ))}
        </select>
      </label>
      <label>
        <span>{TEXT.company}</span>
        <select value={filter.company} onChange={(e) => set('company', e.currentTarget.value)} data-testid="filter-company">
          <option value="">{TEXT.anyCompany}</option>
          {companies.map((c) => (
            <option value={c.id}>{c.name}</option>
          ))}
          {unattributed && <option value={NO_COMPANY}>{TEXT.noCompany}</option>}
        </select>
      </label>
      <label>
        <span>{TEXT.type}</span>
        <select value={filter.type} onChange={(e) => set('type', e.currentTarget.value)} data-testid="filter-type">
          <option value="">{TEXT.anyType}</option>
          {types.map((t) => (
            <option value={t}>{t}</option>
          ))}
        </select>
      </label>
    </div>
  );
}
