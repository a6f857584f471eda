import { regionName } from '@/data/i18n/locale-format';
import type { CompanyAssessment } from '@/data/assess/risk';
import { useI18n } from './i18n';
import { SourceLinks } from './SourceLinks';

export interface CompanyChainProps {
  assessment: CompanyAssessment;
}

/** Company → parent → … → group, with the group's HQ country and the EEA controller when known. */
export function CompanyChain({ assessment }: CompanyChainProps) {
  const { t, lang } = useI18n();
  const { chain } = assessment;
  const controller = chain.flatMap((c) => c.legalEntities).find((e) => e.role === 'eea-controller');
  const top = chain[chain.length - 1]!;
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
            <strong data-testid="company-name">{c.name}</strong>
          </>
        ))}
      </p>
      <dl>
        <dt>{t('chainHq')}</dt>
        <dd data-testid="hq">
          {top.hq ? regionName(top.hq, lang) : t('chainHqUnknown')}
          {top.hqNote && <div class="note">{top.hqNote}</div>}
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
