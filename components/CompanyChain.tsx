import { countryName, type CompanyAssessment } from '@/data/risk';
import { SourceLinks } from './SourceLinks';

export interface CompanyChainProps {
  assessment: CompanyAssessment;
}

const TEXT = {
  ownedBy: ' owned by ',
  hq: 'Headquarters',
  hqUnknown: 'not confirmed',
  controller: 'EEA controller',
  controllerUnknown: 'not known',
};

/** Company → parent → … → group, with the group's HQ country and the EEA controller when known. */
export function CompanyChain({ assessment }: CompanyChainProps) {
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
                <span class="visually-hidden">{TEXT.ownedBy}</span>
              </>
            )}
            <strong data-testid="company-name">{c.name}</strong>
          </>
        ))}
      </p>
      <dl>
        <dt>{TEXT.hq}</dt>
        <dd data-testid="hq">
          {top.hq ? countryName(top.hq) : TEXT.hqUnknown}
          {top.hqNote && <div class="note">{top.hqNote}</div>}
        </dd>
        <dt>{TEXT.controller}</dt>
        {controller ? (
          <dd data-testid="eea-controller">
            {controller.name}
            {controller.country ? ` (${countryName(controller.country)})` : ''}
            {controller.note && <div class="note">{controller.note}</div>}
          </dd>
        ) : (
          <dd class="muted">{TEXT.controllerUnknown}</dd>
        )}
      </dl>
      <SourceLinks sources={chain[0]!.sources} asOf={chain[0]!.asOf} confidence={chain[0]!.confidence} />
    </div>
  );
}
