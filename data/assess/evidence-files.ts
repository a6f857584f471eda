// "Save evidence" in one pure step: the page's report and the rows' details become the HAR file, the HTML report
// that carries the HAR's SHA-256, and their names. The page only hands the two texts to the browser as downloads.
import type { Translate } from '../i18n/translator';
import { buildHar, evidenceFileNames, harText, sha256Hex, type EvidenceRow, type HarNameVersion } from '../log/har';
import type { Evidence, TabReport } from '../protocol';
import type { CompanyAssessment } from './risk';
import { buildEvidenceReport } from './evidence-report';

export interface EvidenceFile {
  filename: string;
  mime: 'application/json' | 'text/html';
  text: string;
}

export interface EvidenceFiles {
  har: EvidenceFile;
  report: EvidenceFile;
  sha256: string;
  savedAt: number;
}

export interface EvidenceFilesInput {
  report: TabReport;
  details: Evidence['details'];
  keepQuery: boolean;
  savedAt: number;
  creator: HarNameVersion;
  browser: HarNameVersion;
  t: Translate;
  lang: string;
}

export async function buildEvidenceFiles(input: EvidenceFilesInput): Promise<EvidenceFiles> {
  const { report } = input;
  const assessments = new Map<string, CompanyAssessment>();
  if (report.siteAssessment) assessments.set(report.siteAssessment.company.id, report.siteAssessment);
  for (const tp of report.thirdParties) assessments.set(tp.assessment.company.id, tp.assessment);
  const rows: EvidenceRow[] = report.requests.map((r, i) => ({ ...r, ...input.details[i] }));
  const names = evidenceFileNames(report.site, input.savedAt);
  const har = harText(
    buildHar({
      pageUrl: report.url,
      site: report.site,
      rows,
      assessments,
      jurisdiction: report.jurisdiction,
      dataset: { version: report.dataset.version, date: report.dataset.date },
      creator: input.creator,
      browser: input.browser,
      keepQuery: input.keepQuery,
      savedAt: input.savedAt,
    }),
  );
  const sha256 = await sha256Hex(har);
  const html = buildEvidenceReport({
    report,
    requests: rows.length,
    files: names,
    sha256,
    savedAt: input.savedAt,
    keepQuery: input.keepQuery,
    creator: input.creator,
    browser: input.browser,
    t: input.t,
    lang: input.lang,
  });
  return {
    har: { filename: names.har, mime: 'application/json', text: har },
    report: { filename: names.report, mime: 'text/html', text: html },
    sha256,
    savedAt: input.savedAt,
  };
}
