// Synthetic third parties for the grouping and list tests: thirty companies with chosen owners, HQ countries, levels
// and request counts, so each ordering rule is visible in the expected output.
import type { AssessedDestination, CompanyAssessment, Level } from '@/data/assess/risk';
import type { Company, Role } from '@/data/dataset/schema';
import type { ThirdParty } from '@/data/protocol';

const base = { legalEntities: [], sources: ['https://example.org/source'], asOf: '2026-11-01', confidence: 'confirmed' as const };

export function company(id: string, name: string, hq: string | null, over: Partial<Company> = {}): Company {
  return { id, name, parent: null, hq, ...base, ...over };
}

export interface PartySpec {
  company: Company;
  owner?: Company;
  level?: Level;
  requests?: number;
  roles?: Role[];
  hosts?: string[];
  destinations?: AssessedDestination[];
  serversSeen?: string[];
  providerHosts?: string[];
}

export function party(spec: PartySpec): ThirdParty {
  const owner = spec.owner ?? spec.company;
  const chain = owner === spec.company ? [spec.company] : [{ ...spec.company, parent: owner.id }, owner];
  const assessment: CompanyAssessment = {
    company: chain[0]!,
    chain,
    owner,
    level: spec.level ?? 'low',
    reasons: [],
    status: null,
    destinations: spec.destinations ?? [],
    hq: null,
    actions: [],
    history: [],
  };
  return {
    assessment,
    requests: spec.requests ?? 1,
    roles: spec.roles ?? ['analytics'],
    hosts: spec.hosts ?? [`${spec.company.id}.example`],
    sameGroupAsSite: false,
    ...(spec.serversSeen ? { serversSeen: spec.serversSeen } : {}),
    ...(spec.providerHosts ? { providerHosts: spec.providerHosts } : {}),
  };
}

export const alphabet = company('alphabet', 'Alphabet Inc.', 'US', { displayName: 'Google' });
export const googleAnalytics = company('google-analytics', 'Google LLC', 'US', { displayName: 'Google Analytics' });
export const meta = company('meta', 'Meta Platforms, Inc.', 'US', { displayName: 'Meta' });
export const yandex = company('yandex', 'YANDEX LLC', 'RU', { displayName: 'Yandex' });
export const contentsquare = company('contentsquare', 'Contentsquare SAS', 'FR', { displayName: 'Contentsquare' });
export const hotjar = company('hotjar', 'Hotjar Ltd', 'MT', { displayName: 'Hotjar' });
export const tencent = company('tencent', 'Tencent Holdings Ltd.', null);
export const amazon = company('amazon', 'Amazon.com, Inc.', 'US', { displayName: 'Amazon' });
export const aws = company('aws', 'Amazon Web Services, Inc.', 'US', { displayName: 'Amazon Web Services' });

/** A page like an ordinary news site: 30 companies in 5 HQ countries plus one without an HQ on record. */
export function thirtyCompanies(): ThirdParty[] {
  const us = Array.from({ length: 20 }, (_, i) => party({ company: company(`us-${i}`, `US Company ${String(i).padStart(2, '0')} Inc.`, 'US'), requests: 20 - i }));
  const fr = Array.from({ length: 4 }, (_, i) => party({ company: company(`fr-${i}`, `Société ${i} SAS`, 'FR'), requests: 2 }));
  return [
    ...us,
    ...fr,
    party({ company: yandex, level: 'medium', requests: 1, hosts: ['mc.yandex.ru'] }),
    party({ company: hotjar, owner: contentsquare, requests: 3, hosts: ['static.hotjar.com'] }),
    party({ company: company('de-1', 'Ströer SE', 'DE'), requests: 4 }),
    party({ company: company('il-1', 'Taboola Ltd.', 'IL'), requests: 2 }),
    party({ company: company('il-2', 'Outbrain Inc.', 'IL'), requests: 1 }),
    party({ company: tencent, level: 'low', requests: 9, hosts: ['bugly.qq.com'] }),
  ];
}
