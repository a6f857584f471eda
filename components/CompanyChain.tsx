import { countryName, type CompanyAssessment } from '@/data/risk';
import { SourceLinks } from './SourceLinks';

export interface CompanyChainProps {
  assessment: CompanyAssessment;
}

/** Company → parent → … → group, with the HQ country and the EEA controller when known. */
export function CompanyChain({ assessment }: CompanyChainProps) {
  const { chain } = assessment;
  const controller = chain.flatMap((c) => c.legalEntities).find((e) => e.role === 'eea-controller');
  const top = chain[chain.length - 1]!;
  return (
    <div class="company-chain" data-testid="company-chain">
      <p>
        {chain.map((c, i) => (
          <>
            {i > 0 && <span aria-label="owned by"> → </span>}
            <strong data-testid="company-name">{c.name}</strong>
          </>
        ))}
      </p>
      <dl>
        <dt>Headquarters</dt>
        <dd>{top.hq ? countryName(top.hq) : 'not confirmed'}{top.hqNote ? ` — ${top.hqNote}` : ''}</dd>
        {controller && (
          <>
            <dt>EEA controller</dt>
            <dd data-testid="eea-controller">
              {controller.name}
              {controller.country ? ` (${countryName(controller.country)})` : ''}
            </dd>
          </>
        )}
      </dl>
      <SourceLinks sources={chain[0]!.sources} asOf={chain[0]!.asOf} confidence={chain[0]!.confidence} />
    </div>
  );
}
