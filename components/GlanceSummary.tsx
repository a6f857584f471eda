import { useMemo } from 'preact/hooks';
import { CONCERNING, type DestinationStatus, type Jurisdiction } from '@/data/assess/risk';
import { destinationPicture, type DestinationPicture, type PictureGroup } from '@/data/assess/destination-picture';
import type { MessageKey } from '@/data/i18n/translator';
import type { TabReport } from '@/data/protocol';
import { destinationName, DestinationStatusText } from './DestinationList';
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

type Look = 'concern' | 'ok' | 'neutral';
const OK: ReadonlySet<DestinationStatus> = new Set(['domestic', 'adequate', 'partial', 'certified']);
const lookOf = (s: DestinationStatus): Look => (CONCERNING.has(s) ? 'concern' : OK.has(s) ? 'ok' : 'neutral');

/** A bar of the companies per status, drawn by the popup itself (filled for a concern or a decision, hollow where
 *  Borderline cannot tell). The list beside it says everything in words, so the bar is hidden from screen readers. */
function StatusBar({ groups }: { groups: PictureGroup[] }) {
  const counts = groups.map((g) => g.countries.reduce((n, c) => n + c.companies.length, 0));
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let x = 0;
  return (
    <svg class="glance-bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      {groups.map((g, i) => {
        const w = (counts[i]! / total) * 100;
        const rect = <rect x={x} y={0} width={Math.max(w - 0.6, 0.4)} height={6} class={`bar-${lookOf(g.status)}`} data-status={g.status} />;
        x += w;
        return rect;
      })}
    </svg>
  );
}

function GroupList({ groups, kind, jurisdiction }: { groups: PictureGroup[]; kind: 'hq' | 'dest'; jurisdiction: Jurisdiction }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  return (
    <ul class="glance-groups">
      {groups.map((g) => (
        <li data-testid="picture-group" data-kind={kind} data-status={g.status}>
          <DestinationStatusText status={g.status} jurisdiction={jurisdiction} />
          {': '}
          <ul class="glance-countries">
            {g.countries.map((c) => (
              <li data-testid="picture-country" data-kind={kind} data-country={c.country} data-status={g.status} data-companies={c.companies.length}>
                <span class="glance-country">{destinationName(c.country, t, lang)}</span>{' '}
                <span class="count" aria-hidden="true">{`(${c.companies.length})`}</span>
                <span class="visually-hidden">{`, ${plural(i18n, c.companies.length, 'tpCompaniesOne', 'tpCompaniesOther')}`}</span>
              </li>
            ))}
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
 * user's rules in words, with the number of companies. The detail (companies, log) stays in the sections below.
 */
export function GlanceSummary({ report }: { report: TabReport }) {
  const i18n = useI18n();
  const { t } = i18n;
  const picture = useMemo(() => pictureOf(report), [report]);
  const parts = [
    { kind: 'dest' as const, groups: picture.destinations },
    { kind: 'hq' as const, groups: picture.headquarters },
  ];
  return (
    <section class="glance" aria-labelledby="glance-h" data-testid="glance">
      <h2 id="glance-h" class="visually-hidden">{t('glanceHeading')}</h2>
      <p class="glance-sentence" data-testid="glance-sentence" data-companies={picture.companies} data-concerning={picture.concerning}>
        {glanceSentence(picture, i18n)}
      </p>
      {picture.companies > 0 && (
        <div class="glance-picture" data-testid="picture">
          {parts.map(({ kind, groups }) => (
            <div class="glance-part" data-testid={`picture-${kind}`}>
              <h3>{t(PART[kind].heading)}</h3>
              <StatusBar groups={groups} />
              {groups.length ? <GroupList groups={groups} kind={kind} jurisdiction={report.jurisdiction} /> : <p class="muted">{t(PART[kind].none)}</p>}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
