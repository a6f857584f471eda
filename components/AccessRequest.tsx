import { useState } from 'preact/hooks';
import { buildAccessRequest } from '@/data/assess/access-request';
import type { CompanyAssessment } from '@/data/assess/risk';
import { useI18n } from './i18n';

export interface AccessRequestProps {
  assessment: CompanyAssessment;
  /** Clipboard access is the page's business; the component only asks for it. */
  copy: (text: string) => Promise<void>;
  /** Left out where a surrounding disclosure already names the company. */
  hideHeading?: boolean;
}

/** "Ask them": the prefilled GDPR Art. 15 request, to copy or open as an e-mail draft. */
export function AccessRequest({ assessment, copy, hideHeading }: AccessRequestProps) {
  const { t, lang } = useI18n();
  const request = buildAccessRequest(assessment, t, lang);
  const [copied, setCopied] = useState(false);
  const text = `${request.subject}\n\n${request.body}`;
  return (
    <div class="access-request" data-testid="access-request" data-company={assessment.company.id}>
      {!hideHeading && <h3>{t('requestHeading', [request.company])}</h3>}
      <p class="muted">{t('requestIntro')}</p>
      {request.contactNote && (
        <p class="note" data-testid="access-request-contact">
          {request.contactNote}
        </p>
      )}
      <textarea readOnly rows={10} aria-label={request.subject} data-testid="access-request-text" value={text} />
      <div class="buttons">
        <button type="button" data-testid="access-request-copy" onClick={() => void copy(text).then(() => setCopied(true))}>
          {copied ? t('requestCopied') : t('requestCopy')}
        </button>
        <a class="button" href={request.mailto} target="_blank" rel="noopener noreferrer" data-testid="access-request-mail">
          {t('requestEmail')}
        </a>
      </div>
    </div>
  );
}
