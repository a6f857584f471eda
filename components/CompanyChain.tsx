import { regionName } from '@/data/i18n/locale-format';
import type { CompanyAssessment } from '@/data/assess/risk';
import { useI18n } from './i18n';
import { displayNameOf } from './third-party-groups';
import { SourceLinks } from './SourceLinks';

export interface CompanyChainProps {
  assessment: CompanyAssessment;
}

/** Company → parent → … → group, where each is headquartered (with its source) and the EEA controller when known. */
export function CompanyChain({ assessment }: CompanyChainProps) {
  const { t, lang } = useI18n();
  const { chain } = assessment;
  const controller = chain.flatMap((c) => c.legalEntities).find((e) => e.role === 'eea-controller');
  // Headquarters is a company fact, one per company of the chain that has one on record: never where data goes.
  const placed = chain.filter((c) => c.hq !== null);
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
          {placed.length === 0
            ? t('chainHqUnknown')
            : placed.length === 1
              ? regionName(placed[0]!.hq!, lang)
              : placed.map((c) => t('tpHqOf', [regionName(c.hq!, lang), displayNameOf(c)])).join(', ')}
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
