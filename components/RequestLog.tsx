import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ReportRow } from '@/data/log/packed-log';
import { EMPTY_FILTER, filterRows, optionsOf, searchTexts, type LogFilter } from './log-filter';
import { LogActions, type LogActionsProps } from './LogActions';
import { LogFilters } from './LogFilters';
import { RISK_WORD, riskIcon } from './RiskBadge';
import type { MessageKey } from '@/data/i18n/translator';
import { plural, useI18n, useT } from './i18n';
import { useWindow } from './useWindow';
import { hostParts } from './host-parts';

/** Must match `.request-log tr.log-row` in theme.css: the windowing arithmetic relies on it. */
const ROW_HEIGHT = 24;

export interface RequestLogProps {
  rows: ReportRow[];
  companyName: (id: string) => string | undefined;
  /** Export, clear and the full-tab link; left out where the log is read-only. */
  actions?: LogActionsProps;
  /** The full-tab log gives the table most of the window; the popup a fixed slice. */
  tall?: boolean;
}

const COLUMNS: MessageKey[] = ['logColTime', 'logColHost', 'logColType', 'logColCompany', 'logColRisk'];

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

function LogRowView({ row, index, company }: { row: ReportRow; index: number; company: string | undefined }) {
  const t = useT();
  const [start, end] = hostParts(row.host);
  // A host no company claims is "unknown", in words: never a dash that could read as "nobody".
  return (
    <tr class="log-row" data-testid="log-row" data-level={row.level} aria-rowindex={index + 2}>
      <td>
        <time dateTime={new Date(row.time).toISOString()}>{clock.format(row.time)}</time>
      </td>
      <td class="log-host" title={row.url}>
        {/* Elided in the middle; focusable, and on focus the whole host shows (its text is the full host either way). */}
        <span class="host" tabIndex={0} data-full={row.host}>
          <span class="host-start">{start}</span>
          <span class="host-end">{end}</span>
        </span>
      </td>
      <td>{row.type}</td>
      {company === undefined ? <td class="muted">{t('logCompanyUnknown')}</td> : <td title={company}>{company}</td>}
      <td class={`risk-text risk-${row.level}`}>
        <span aria-hidden="true">{riskIcon(row.level)} </span>
        {t(RISK_WORD[row.level])}
      </td>
    </tr>
  );
}

function once<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: make() }).v;
}

/** Every request the page sent, filterable and searchable; only the rows in view are in the DOM. */
export function RequestLog({ rows, companyName, actions, tall }: RequestLogProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [filter, setFilter] = useState<LogFilter>(EMPTY_FILTER);
  const texts = useMemo(() => once(() => searchTexts(rows, companyName)), [rows, companyName]);
  const options = useMemo(() => optionsOf(rows, companyName), [rows, companyName]);
  const shown = useMemo(() => filterRows(rows, filter, texts), [rows, texts, filter]);
  const viewport = tall ? 600 : 288;
  const { ref, onScroll, slice } = useWindow(shown.length, ROW_HEIGHT, viewport);
  // A new filter shows its first matches, not a scroll position that belonged to the old list.
  useEffect(() => {
    if (ref.current) ref.current.scrollTop = 0;
    onScroll();
  }, [filter]);

  return (
    <div class={`request-log-view${tall ? ' tall' : ''}`} data-testid="request-log-view">
      {actions && <LogActions {...actions} disabled={rows.length === 0 && !actions.scopes} />}
      {rows.length === 0 ? (
        <p class="muted" data-testid="log-empty">{t('logEmpty')}</p>
      ) : (
        <>
          <LogFilters filter={filter} onChange={setFilter} {...options} />
          <p class="muted log-count" role="status" data-testid="log-count">
            {shown.length === rows.length ? plural(i18n, rows.length, 'requestsOne', 'requestsOther') : t('logShowing', [String(shown.length), String(rows.length)])}
          </p>
          {shown.length === 0 ? (
            <p data-testid="log-no-match">
              {t('logNoMatch')}{' '}
              <button type="button" onClick={() => setFilter(EMPTY_FILTER)}>
                {t('logReset')}
              </button>
            </p>
          ) : (
            <div class="log-scroll" ref={ref} onScroll={onScroll} tabIndex={0} role="region" aria-label={t('logScroller')} style={tall ? undefined : { maxHeight: `${viewport}px` }}>
              <table class="request-log" data-testid="request-log" aria-rowcount={shown.length + 1}>
                <caption class="visually-hidden">{t('logCaption')}</caption>
                <colgroup>
                  <col class="c-time" />
                  <col class="c-host" />
                  <col class="c-type" />
                  <col class="c-company" />
                  <col class="c-risk" />
                </colgroup>
                <thead>
                  <tr aria-rowindex={1}>
                    {COLUMNS.map((c) => (
                      <th scope="col">{t(c)}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {slice.before > 0 && (
                    <tr class="spacer" aria-hidden="true">
                      <td colSpan={5} style={{ height: `${slice.before}px` }} />
                    </tr>
                  )}
                  {shown.slice(slice.start, slice.end).map((row, i) => (
                    <LogRowView
                      key={`${slice.start + i}:${row.time}:${row.url}`}
                      row={row}
                      index={slice.start + i}
                      company={row.company ? (companyName(row.company) ?? row.company) : undefined}
                    />
                  ))}
                  {slice.after > 0 && (
                    <tr class="spacer" aria-hidden="true">
                      <td colSpan={5} style={{ height: `${slice.after}px` }} />
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
