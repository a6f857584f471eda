import { LEVELS, type Level } from '@/data/assess/risk';
import type { MessageKey } from '@/data/i18n/translator';
import { useT } from './i18n';
import { NO_COMPANY, type LogFilter } from './log-filter';

export interface LogFiltersProps {
  filter: LogFilter;
  onChange: (filter: LogFilter) => void;
  types: string[];
  companies: { id: string; name: string }[];
  /** Offer "no company" only when some rows have none. */
  unattributed: boolean;
}

const LEVEL_WORD: Record<Level, MessageKey> = { high: 'filterLevelHigh', medium: 'filterLevelMedium', low: 'filterLevelLow', none: 'filterLevelNone' };

const HIGHEST_FIRST = [...LEVELS].reverse();

export function LogFilters({ filter, onChange, types, companies, unattributed }: LogFiltersProps) {
  const t = useT();
  const set = <K extends keyof LogFilter>(key: K, value: LogFilter[K]) => onChange({ ...filter, [key]: value });
  return (
    <div class="log-filters" data-testid="log-filters">
      <label class="search">
        <span>{t('filterSearch')}</span>
        <input
          type="search"
          value={filter.text}
          placeholder={t('filterPlaceholder')}
          onInput={(e) => set('text', e.currentTarget.value)}
          data-testid="log-search"
        />
      </label>
      <label>
        <span>{t('logColRisk')}</span>
        <select value={filter.level} onChange={(e) => set('level', e.currentTarget.value as Level | '')} data-testid="filter-risk">
          <option value="">{t('filterAnyRisk')}</option>
          {HIGHEST_FIRST.map((l) => (
            <option value={l}>{t(LEVEL_WORD[l])}</option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('logColCompany')}</span>
        <select value={filter.company} onChange={(e) => set('company', e.currentTarget.value)} data-testid="filter-company">
          <option value="">{t('filterAnyCompany')}</option>
          {companies.map((c) => (
            <option value={c.id}>{c.name}</option>
          ))}
          {unattributed && <option value={NO_COMPANY}>{t('filterNoCompany')}</option>}
        </select>
      </label>
      <label>
        <span>{t('logColType')}</span>
        <select value={filter.type} onChange={(e) => set('type', e.currentTarget.value)} data-testid="filter-type">
          <option value="">{t('filterAnyType')}</option>
          {types.map((t) => (
            <option value={t}>{t}</option>
          ))}
        </select>
      </label>
    </div>
  );
}
