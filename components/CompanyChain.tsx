import { regionName } from '@/data/i18n/locale-format';
import type { CompanyAssessment } from '@/data/assess/risk';
import { useI18n } from './i18n';
import { displayNameOf, hqPlaces } from './third-party-groups';
import { SourceLinks } from './SourceLinks';

export interface CompanyChainProps {
  assessment: CompanyAssessment;
}

/** Company → parent → … → group, where each is headquartered (with its source) and the EEA controller when known. */
export function CompanyChain({ assessment }: CompanyChainProps) {
  const { t, lang } = useI18n();
  const { chain } = assessment;
  const controller = chain.flatMap((c) => c.legalEntities).find((e) => e.role === 'eea-controller');
  return (
    <div class="company-chain" data-testid="company-chain">
      <p class="chain">
        {chain.map((c, i) => (
          <>
            {i > 0 && (
              <>
                <span aria-hidden="true"> → </span>
                <span class="visually-hidden"> {t('chainOwnedBy')} </span>
              </>
            )}
            <strong data-testid="company-name">{displayNameOf(c)}</strong>
            {c.displayName && c.displayName !== c.name && <span class="muted"> ({c.name})</span>}
          </>
        ))}
      </p>
      <dl>
        <dt>{t('chainHq')}</dt>
        <dd data-testid="hq">
          {hqPlaces(chain, t, lang) ?? t('chainHqUnknown')}
          {chain.map((c) => (
            <>
              {c.hqNote && <div class="note">{c.hqNote}</div>}
              {c.hqSources && (
                <div>
                  <SourceLinks sources={c.hqSources} asOf={c.asOf} confidence={c.hqConfidence ?? c.confidence} />
                </div>
              )}
            </>
          ))}
        </dd>
        <dt>{t('chainController')}</dt>
        {controller ? (
          <dd data-testid="eea-controller">
            {controller.name}
            {controller.country ? ` (${regionName(controller.country, lang)})` : ''}
            {controller.note && <div class="note">{controller.note}</div>}
          </dd>
        ) : (
          <dd class="muted">{t('chainControllerUnknown')}</dd>
        )}
      </dl>
      <SourceLinks sources={chain[0]!.sources} asOf={chain[0]!.asOf} confidence={chain[0]!.confidence} />
    </div>
  );
}
