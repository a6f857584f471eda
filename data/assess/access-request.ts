// "Ask them": a GDPR Art. 15 access request, prefilled from the dataset, that asks specifically for the recipients in
// third countries and the safeguards (Art. 15(1)(c) and 15(2)). Only sourced contacts are used; where the dataset has
// no privacy e-mail, the text says so rather than guessing an address.
import type { Translate } from '../i18n/translator';
import { regionName } from '../i18n/locale-format';
import type { CompanyAssessment } from './risk';

export interface AccessRequest {
  company: string;
  controller: string | null;
  email: string | null;
  /** Where to find the contact when there is no e-mail: the policy page. */
  contactNote: string;
  subject: string;
  body: string;
  mailto: string;
}

/** `lang` names the controller's country; an address that already names it (in English, as the dataset does) is left as is. */
export function buildAccessRequest(a: CompanyAssessment, t: Translate, lang = 'en'): AccessRequest {
  const entity = a.chain.flatMap((c) => c.legalEntities).find((e) => e.role === 'eea-controller');
  const email = a.chain.map((c) => c.privacyContact?.email).find(Boolean) ?? null;
  const policy = a.chain.map((c) => c.privacyContact?.url ?? c.policyUrl).find(Boolean);
  const controller = entity
    ? [entity.name, entity.address, entity.country && !entity.address?.includes(regionName(entity.country, 'en')) ? regionName(entity.country, lang) : undefined]
        .filter(Boolean)
        .join(', ')
    : null;
  const contactNote = email ? '' : policy ? t('requestNoEmail', [policy]) : t('requestNoContact');
  const subject = t('requestSubject');
  const service = a.company.name;
  const body = [controller ? t('requestTo', [controller]) : '', t('requestBody', [service])].filter(Boolean).join('\n\n');
  const mailto = `mailto:${email ?? ''}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  return { company: service, controller, email, contactNote, subject, body, mailto };
}
