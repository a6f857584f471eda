import { reasonText } from '@/data/assess/localized-text';
import type { CompanyAssessment, Reason } from '@/data/assess/risk';
import { useI18n } from './i18n';
import { SourceLinks, type SourceLinksProps } from './SourceLinks';

export interface CompanyReasonsProps {
  assessment: CompanyAssessment;
  /** Only what the certification and the DPF's court challenge say, for a section that gives the rest elsewhere. */
  only?: 'protection';
}

const PROTECTION: ReadonlySet<Reason['code']> = new Set(['certified', 'not-certified', 'certification-unknown', 'dpf-challenge', 'hq-concern']);

/** Where a reason's fact comes from: the certification record, the court challenge, the action; none for the rest. */
function sourceOf(r: Reason, a: CompanyAssessment): SourceLinksProps | undefined {
  if (r.code === 'dpf-challenge') return a.dpfChallenge;
  if ((r.code === 'certified' || r.code === 'not-certified' || r.code === 'certification-unknown') && a.certification?.record) return a.certification.record;
  if (r.code === 'hq-concern' && r.params.status === 'not-certified' && a.certification?.record) return a.certification.record;
  // The headquarters is the fact; what it suggests about where data goes is likely, never confirmed.
  if (r.code === 'hq-concern' && a.hq) return { sources: a.hq.company.hqSources ?? a.hq.company.sources, asOf: a.hq.company.asOf, confidence: 'likely' };
  if ('action' in r.params) return r.params.action;
  return undefined;
}

/**
 * A company's reasons, each a sentence with the source of its fact: why it has its level, whether the Data Privacy
 * Framework covers it (and that the framework is challenged in court), which actions are history. Causes first.
 */
export function CompanyReasons({ assessment, only }: CompanyReasonsProps) {
  const { t, lang } = useI18n();
  const reasons = only ? assessment.reasons.filter((r) => PROTECTION.has(r.code)) : assessment.reasons;
  if (reasons.length === 0) return null;
  return (
    <ul class="reasons" data-testid="reasons">
      {reasons.map((r) => {
        const source = sourceOf(r, assessment);
        const likely = r.code === 'hq-concern' || (r.code !== 'dpf-challenge' && 'generic' in r.params && r.params.generic === true);
        return (
          <li data-testid="reason" data-code={r.code} class={likely ? 'likely-reason' : undefined}>
            {reasonText(r, t, lang)}
            {source && (
              <>
                {' '}
                <SourceLinks sources={source.sources} asOf={source.asOf} confidence={likely ? 'likely' : source.confidence} />
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
