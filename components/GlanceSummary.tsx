import { useMemo, useRef, useState } from 'preact/hooks';
import type { DestinationStatus, Jurisdiction } from '@/data/assess/risk';
import { destinationPicture, lookOf, type DestinationPicture, type PictureGroup } from '@/data/assess/destination-picture';
import type { MessageKey } from '@/data/i18n/translator';
import type { TabReport } from '@/data/protocol';
import { destinationName, DestinationStatusText, statusWord } from './DestinationList';
import { plural, useI18n, type I18n } from './i18n';

/** The picture of a report: the site's company first, then the third parties, each once. */
export function pictureOf(report: Pick<TabReport, 'siteAssessment' | 'thirdParties' | 'unknownThirdParties'>): DestinationPicture {
  const companies = [...(report.siteAssessment ? [report.siteAssessment] : []), ...report.thirdParties.map((tp) => tp.assessment)];
  return destinationPicture(companies, report.unknownThirdParties.length);
}

/** "This page sends data to 14 companies based in 4 countries; 2 of them without protection for you." */
export function glanceSentence(p: DestinationPicture, i18n: I18n): string {
  const { t } = i18n;
  const unknown = p.unknownHosts ? ` ${plural(i18n, p.unknownHosts, 'glanceUnknownOne', 'glanceUnknownOther')}` : '';
  if (p.companies === 0) return `${t('glanceNoCompany')}${unknown}`;
  const companies = plural(i18n, p.companies, 'tpCompaniesOne', 'tpCompaniesOther');
  const concern = p.concerning === 0 ? t('glanceConcernNone') : plural(i18n, p.concerning, 'glanceConcernOne', 'glanceConcernOther');
  const sentence = p.hqCountries
    ? t('glanceSentence', [companies, plural(i18n, p.hqCountries, 'glanceCountriesOne', 'glanceCountriesOther'), concern])
    : t('glanceSentenceNoHq', [companies, concern]);
  return sentence + unknown;
}


/** A bar of the companies per status, drawn by the popup itself. Each look has its own shape as well as its colour:
 *  hatched for a concern, filled for a decision, hollow where Borderline cannot tell, so the bar reads the same in
 *  grey. The list beside it says everything in words, so the bar is hidden from screen readers. */
function StatusBar({ groups }: { groups: PictureGroup[] }) {
  const counts = groups.map((g) => g.countries.reduce((n, c) => n + c.companies.length, 0));
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let x = 0;
  return (
    <svg class="glance-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      {groups.map((g, i) => {
        const w = (counts[i]! / total) * 100;
        const rect = <rect x={x + 0.2} y={0.5} width={Math.max(w - 0.8, 0.4)} height={7} class={`bar-${lookOf(g.status)}`} data-status={g.status} data-look={lookOf(g.status)} />;
        x += w;
        return rect;
      })}
    </svg>
  );
}

/** The hatching of a concern, defined once per page (an SVG id is document-wide) and used by every bar. */
function BarPatterns() {
  return (
    <svg class="glance-defs" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        <pattern id="glance-hatch" width="3" height="3" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="3" height="3" class="hatch-bg" />
          <rect width="1.4" height="3" class="hatch-line" />
        </pattern>
      </defs>
    </svg>
  );
}

/** What the companies below are narrowed to: one country of the picture, under one status, of one kind. */
export interface PlaceFilter {
  kind: 'hq' | 'dest';
  status: DestinationStatus;
  country: string;
  /** The ids of the companies the picture counts there. */
  companies: readonly string[];
}

const sameFilter = (a: PlaceFilter | null, b: PlaceFilter) => a !== null && a.kind === b.kind && a.status === b.status && a.country === b.country;

/** "Showing the 2 companies headquartered in China (no adequacy decision)." */
export function filterText(f: PlaceFilter, i18n: I18n): string {
  const { t, lang } = i18n;
  const companies = plural(i18n, f.companies.length, 'tpCompaniesOne', 'tpCompaniesOther');
  return t(f.kind === 'hq' ? 'glanceFilterHq' : 'glanceFilterDest', [companies, destinationName(f.country, t, lang), t(statusWord(f.status))]);
}

interface FilterProps {
  filter?: PlaceFilter | null;
  /** Narrows the companies below to a country of the picture (null: all again); without it the countries are text. */
  onFilter?: (f: PlaceFilter | null) => void;
}

function GroupList({ groups, kind, jurisdiction, filter, onFilter }: { groups: PictureGroup[]; kind: 'hq' | 'dest'; jurisdiction: Jurisdiction } & FilterProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  return (
    <ul class="glance-groups">
      {groups.map((g) => (
        <li data-testid="picture-group" data-kind={kind} data-status={g.status}>
          <DestinationStatusText status={g.status} jurisdiction={jurisdiction} />
          {': '}
          <ul class="glance-countries">
            {g.countries.map((c) => {
              const place: PlaceFilter = { kind, status: g.status, country: c.country, companies: c.companies };
              const label = (
                <>
                  <span class="glance-country">{destinationName(c.country, t, lang)}</span>{' '}
                  <span class="count" aria-hidden="true">{`(${c.companies.length})`}</span>
                  <span class="visually-hidden">{`, ${plural(i18n, c.companies.length, 'tpCompaniesOne', 'tpCompaniesOther')}`}</span>
                </>
              );
              const pressed = sameFilter(filter ?? null, place);
              return (
                <li data-testid="picture-country" data-kind={kind} data-country={c.country} data-status={g.status} data-companies={c.companies.length}>
                  {onFilter ? (
                    <button type="button" class="glance-place" aria-pressed={pressed} aria-describedby="glance-filter-hint" onClick={() => onFilter(pressed ? null : place)}>
                      {label}
                    </button>
                  ) : (
                    label
                  )}
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ul>
  );
}

const PART: Record<'hq' | 'dest', { heading: MessageKey; none: MessageKey }> = {
  dest: { heading: 'glanceDestHeading', none: 'glanceDestNone' },
  hq: { heading: 'glanceHqHeading', none: 'glanceHqNone' },
};

/**
 * The answer before any scrolling: one sentence, then where the data goes: the countries the companies say they
 * transfer data to, and apart from them the countries they are headquartered in, each under its status for the
 * user's rules in words, with the number of companies. Each country is a toggle button that narrows the companies
 * below to it; the line under the picture says so (a live region, so a screen reader hears it) and undoes it.
 * The detail (companies, log) stays in the sections below.
 */
export function GlanceSummary({ report, filter = null, onFilter }: { report: TabReport } & FilterProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const picture = useMemo(() => pictureOf(report), [report]);
  const root = useRef<HTMLElement>(null);
  // Once the user has narrowed the list, "all again" is said too; before that the live region stays empty.
  const [used, setUsed] = useState(false);
  const choose = (f: PlaceFilter | null) => {
    setUsed(true);
    onFilter?.(f);
  };
  const showAll = () => {
    // The button goes away with the filter: focus returns to the country that set it, not to the page's start.
    root.current?.querySelector<HTMLButtonElement>('button[aria-pressed="true"]')?.focus();
    choose(null);
  };
  const parts = [
    { kind: 'dest' as const, groups: picture.destinations },
    { kind: 'hq' as const, groups: picture.headquarters },
  ];
  return (
    <section class="glance" aria-labelledby="glance-h" data-testid="glance" ref={root}>
      <h2 id="glance-h" class="visually-hidden">{t('glanceHeading')}</h2>
      <p class="glance-sentence" data-testid="glance-sentence" data-companies={picture.companies} data-concerning={picture.concerning}>
        {glanceSentence(picture, i18n)}
      </p>
      {picture.companies > 0 && (
        <div class="glance-picture" data-testid="picture">
          <BarPatterns />
          {parts.map(({ kind, groups }) => (
            <div class="glance-part" data-testid={`picture-${kind}`}>
              <h3>{t(PART[kind].heading)}</h3>
              <StatusBar groups={groups} />
              {groups.length ? (
                <GroupList groups={groups} kind={kind} jurisdiction={report.jurisdiction} filter={filter} {...(onFilter ? { onFilter: choose } : {})} />
              ) : (
                <p class="muted">{t(PART[kind].none)}</p>
              )}
            </div>
          ))}
          {onFilter && (
            <div class="glance-filter" data-testid="glance-filter" data-active={String(filter !== null)}>
              <span id="glance-filter-hint" hidden>
                {t('glanceFilterHint')}
              </span>
              <span role="status" data-testid="glance-filter-status" class={filter ? undefined : 'visually-hidden'}>
                {filter ? filterText(filter, i18n) : used ? t('glanceFilterAll') : ''}
              </span>
              {filter && (
                <>
                  {' '}
                  <button type="button" data-testid="glance-show-all" onClick={showAll}>
                    {t('glanceShowAll')}
                  </button>
                </>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
