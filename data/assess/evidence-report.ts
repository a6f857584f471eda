// The readable half of "Save evidence": one self-contained HTML page (no script, no outside resource) that the browser
// can print to PDF. It keeps apart what Borderline observed (requests to hosts, servers' countries) from what the
// dataset says (owner, headquarters, disclosed destinations, actions, each with its sources), and carries the SHA-256
// of the HAR file saved with it, so the two can be shown to belong together.
import type { MessageKey, Translate } from '../i18n/translator';
import { regionName } from '../i18n/locale-format';
import type { TabReport } from '../protocol';
import { actionHeadline, jurisdictionName } from './localized-text';
import { destinationPicture, lookOf, LOOK_SIGN, type PictureGroup } from './destination-picture';
import { levelRank, type AssessedDestination, type CompanyAssessment, type DestinationStatus } from './risk';

export const DESTINATION_STATUS: Record<DestinationStatus, MessageKey> = {
  domestic: 'destStatusDomestic',
  adequate: 'destStatusAdequate',
  partial: 'destStatusPartial',
  certified: 'destStatusCertified',
  'not-certified': 'destStatusNotCertified',
  'certification-unknown': 'destStatusCertUnknown',
  'no-adequacy': 'destStatusNoAdequacy',
  'country-of-concern': 'destStatusConcern',
  unrestricted: 'destStatusUnrestricted',
  unspecified: 'destStatusUnspecified',
  'unspecified-safeguard': 'destStatusUnspecifiedSafeguard',
};

const DESTINATION_KIND: Record<AssessedDestination['destination']['kind'], MessageKey> = {
  transfer: 'destKindTransferShort',
  storage: 'destKindStorageShort',
  'remote-access': 'destKindRemoteShort',
};

/** "1 request", "3 requests", by the language's plural rules. */
export const requestCount = (n: number, t: Translate, lang: string) =>
  t(new Intl.PluralRules(lang).select(n) === 'one' ? 'requestsOne' : 'requestsOther', [String(n)]);

const LEVEL_WORD: Record<CompanyAssessment['level'], MessageKey> = {
  high: 'riskWordHigh',
  medium: 'riskWordMedium',
  low: 'riskWordLow',
  none: 'riskWordNone',
};

export interface EvidenceReportInput {
  report: Pick<TabReport, 'site' | 'url' | 'jurisdiction' | 'siteAssessment' | 'thirdParties' | 'unknownThirdParties' | 'dataset'>;
  /** How many requests the HAR holds. */
  requests: number;
  files: { har: string; report: string };
  sha256: string;
  savedAt: number;
  keepQuery: boolean;
  creator: { name: string; version: string };
  browser: { name: string; version: string };
  t: Translate;
  lang: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const link = (url: string) => `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(url)}</a>`;

/** A place name for an ISO code, "unspecified" or "local". */
function place(code: string, t: Translate, lang: string): string {
  if (code === 'unspecified') return t('destUnspecified');
  if (code === 'local') return t('serverLocal');
  return regionName(code, lang);
}

interface Recipient {
  assessment: CompanyAssessment;
  requests: number;
  hosts: string[];
  serversSeen: string[];
  isSite: boolean;
}

function recipientsOf(input: EvidenceReportInput): Recipient[] {
  const { report } = input;
  const list: Recipient[] = report.thirdParties.map((tp) => ({
    assessment: tp.assessment,
    requests: tp.requests,
    hosts: tp.hosts,
    serversSeen: tp.serversSeen ?? [],
    isSite: false,
  }));
  // The most concerning first, as the popup orders them: a reader meets Yandex and TikTok before a font CDN.
  list.sort((a, b) => levelRank(b.assessment.level) - levelRank(a.assessment.level) || b.requests - a.requests);
  if (report.siteAssessment) list.unshift({ assessment: report.siteAssessment, requests: 0, hosts: [], serversSeen: [], isSite: true });
  return list;
}

function companySection(r: Recipient, { t, lang }: EvidenceReportInput): string {
  const a = r.assessment;
  const name = a.company.displayName ?? a.company.name;
  const ownerName = a.owner.displayName ?? a.owner.name;
  const hq = a.owner.hq ?? a.company.hq;
  const destinations = a.destinations.filter((d) => d.current);
  const parts = [
    `<section class="company" data-company="${escapeHtml(a.company.id)}" data-level="${a.level}">`,
    `<h3>${escapeHtml(name)}${a.owner !== a.company ? ` <span class="muted">(${escapeHtml(t('evReportOwnedBy', [ownerName]))})</span>` : ''}</h3>`,
    `<p><strong>${escapeHtml(t('evReportLevel'))}</strong> ${escapeHtml(t(LEVEL_WORD[a.level]))}${a.company.name !== name ? ` · ${escapeHtml(t('tpLegalName', [a.company.name]))}` : ''}</p>`,
    `<h4>${escapeHtml(t('evReportObserved'))}</h4>`,
    r.isSite
      ? `<p>${escapeHtml(t('evReportSiteCompany'))}</p>`
      : `<p>${escapeHtml(t('evReportRequests', [requestCount(r.requests, t, lang), r.hosts.join(', ')]))}</p>`,
    r.serversSeen.length ? `<p>${escapeHtml(t('serversSeen', [r.serversSeen.map((c) => place(c, t, lang)).join(', ')]))}</p>` : '',
    `<h4>${escapeHtml(t('evReportDatasetSays'))}</h4>`,
    `<p>${escapeHtml(hq ? t('tpHq', [regionName(hq, lang)]) : t('tpHqUnknown'))}</p>`,
    destinations.length
      ? `<ul class="destinations">${destinations
          .map(
            (d) =>
              `<li data-country="${escapeHtml(d.destination.country)}" data-status="${d.status}">${escapeHtml(
                t('evReportDestination', [place(d.destination.country, t, lang), t(DESTINATION_KIND[d.destination.kind]), t(DESTINATION_STATUS[d.status])]),
              )}${d.scope ? ` (${escapeHtml(d.scope)})` : ''} · ${escapeHtml(t('sourceAsOf', [d.destination.asOf]))} · ${d.destination.sources.map(link).join(', ')}</li>`,
          )
          .join('')}</ul>`
      : `<p>${escapeHtml(t('tpNoDestination'))}</p>`,
    a.actions.length
      ? `<ul class="actions">${a.actions
          .map((x) => `<li data-action="${escapeHtml(x.id)}">${escapeHtml(actionHeadline(x, t, lang))} · ${x.sources.map(link).join(', ')}</li>`)
          .join('')}</ul>`
      : `<p>${escapeHtml(t('actionsNone'))}</p>`,
    '</section>',
  ];
  return parts.filter(Boolean).join('\n');
}

/** The popup's picture of where the data goes, as a table: each status in words (and its sign), the countries under
 *  it, and in each the companies by name, so a reader can check every country against the sections below. */
function pictureSection(recipients: Recipient[], input: EvidenceReportInput): string {
  const { t, lang } = input;
  const picture = destinationPicture(recipients.map((r) => r.assessment));
  if (picture.companies === 0) return '';
  const names = new Map(recipients.map((r) => [r.assessment.company.id, r.assessment.company.displayName ?? r.assessment.company.name]));
  const table = (kind: 'dest' | 'hq', groups: PictureGroup[]) => {
    const heading = t(kind === 'dest' ? 'glanceDestHeading' : 'glanceHqHeading');
    if (groups.length === 0) return `<h3>${escapeHtml(heading)}</h3><p>${escapeHtml(t(kind === 'dest' ? 'glanceDestNone' : 'glanceHqNone'))}</p>`;
    const rows = groups.map((g) => {
      const countries = g.countries
        .map((c) => `<li data-country="${escapeHtml(c.country)}">${escapeHtml(`${place(c.country, t, lang)}: ${c.companies.map((id) => names.get(id) ?? id).join(', ')}`)}</li>`)
        .join('');
      return `<tr data-kind="${kind}" data-status="${g.status}" data-look="${lookOf(g.status)}"><th scope="row">${escapeHtml(`${LOOK_SIGN[lookOf(g.status)]} ${t(DESTINATION_STATUS[g.status])}`)}</th><td><ul>${countries}</ul></td></tr>`;
    });
    return [
      `<table class="picture" data-kind="${kind}"><caption>${escapeHtml(heading)}</caption>`,
      `<thead><tr><th scope="col">${escapeHtml(t('evPictureStatus', [jurisdictionName(input.report.jurisdiction, t)]))}</th><th scope="col">${escapeHtml(t('evPictureWhere'))}</th></tr></thead>`,
      `<tbody>${rows.join('')}</tbody></table>`,
    ].join('');
  };
  return [`<h2>${escapeHtml(t('glanceHeading'))}</h2>`, table('dest', picture.destinations), table('hq', picture.headquarters)].join('\n');
}

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#111}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #999}h3{margin-bottom:.25rem}h4{margin:.5rem 0 .25rem;font-size:1rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
.muted{color:#444}.hash{font-family:ui-monospace,monospace;word-break:break-all}.company{break-inside:avoid;border-top:1px solid #ccc;padding-top:.5rem}
.note{background:#f4f4f4;border-left:4px solid #555;padding:.5rem 1rem}
table.picture{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}table.picture caption{text-align:left;font-weight:600;padding:.25rem 0}
table.picture th,table.picture td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}table.picture ul{margin:0;padding-left:1rem}a{color:#0645ad;word-break:break-all}
@media print{a{color:#000}body{margin:0}}`;

/** The whole page, as a string: nothing in it loads from anywhere. */
export function buildEvidenceReport(input: EvidenceReportInput): string {
  const { t, lang, report } = input;
  const saved = new Date(input.savedAt);
  const when = saved.toLocaleString(lang, { dateStyle: 'long', timeStyle: 'long', timeZone: 'UTC' });
  const site = report.site ?? report.url ?? '';
  const recipients = recipientsOf(input);
  const title = t('evReportTitle', [site]);
  const facts: [string, string][] = [
    [t('evReportSite'), escapeHtml(site)],
    [t('evReportPage'), escapeHtml(report.url ? report.url.split(/[?#]/)[0]! : '')],
    [t('evReportTime'), `<time datetime="${saved.toISOString()}">${escapeHtml(when)}</time>`],
    [t('evReportJurisdiction'), escapeHtml(jurisdictionName(report.jurisdiction, t))],
    [t('evReportHarFile'), escapeHtml(input.files.har)],
    [t('evReportHash'), `<span class="hash" data-testid="har-sha256">${input.sha256}</span>`],
    [t('evReportRequestCount'), String(input.requests)],
    [t('evReportQuery'), escapeHtml(t(input.keepQuery ? 'evReportQueryKept' : 'evReportQueryRedacted'))],
    [t('evReportDataset'), escapeHtml(t('evReportDatasetOf', [report.dataset.version, report.dataset.date]))],
    [t('evReportTool'), escapeHtml(`${input.creator.name} ${input.creator.version} · ${input.browser.name} ${input.browser.version}`)],
  ];
  const unknown = report.unknownThirdParties;
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>`,
    `<body><main data-sha256="${input.sha256}">`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<dl>${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('')}</dl>`,
    `<p class="note">${escapeHtml(t('evReportHonesty'))}</p>`,
    pictureSection(recipients, input),
    `<h2>${escapeHtml(t('evReportRecipients'))}</h2>`,
    recipients.length ? recipients.map((r) => companySection(r, input)).join('\n') : `<p>${escapeHtml(t('tpNone'))}</p>`,
    unknown.length
      ? `<h2>${escapeHtml(t('tpUnknownHeading'))}</h2><ul>${unknown.map((u) => `<li>${escapeHtml(u.host)} (${u.requests})</li>`).join('')}</ul>`
      : '',
    `<p class="muted">${escapeHtml(t('evReportFooter', [input.files.har]))}</p>`,
    '</main></body></html>',
    '',
  ].join('\n');
}
