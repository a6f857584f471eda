import type { MessageKey, Translate } from '@/data/i18n';
import type { SiteWarning } from '@/data/site-warning';
import type { Action } from '@/data/schema';

export interface WarningBannerProps {
  warning: SiteWarning;
  t: Translate;
  /** BCP 47 language for country names and dates, e.g. the browser UI language. */
  lang: string;
  onDetails: () => void;
  onAsk: () => void;
  onDismiss: () => void;
  onClose: () => void;
}

const KIND: Record<Action['kind'], MessageKey> = {
  complaint: 'actionComplaint',
  fine: 'actionFine',
  order: 'actionOrder',
  lawsuit: 'actionLawsuit',
  investigation: 'actionInvestigation',
  settlement: 'actionSettlement',
};

const STATUS: Record<Action['status'], MessageKey> = {
  pending: 'statusPending',
  open: 'statusOpen',
  decided: 'statusDecided',
  final: 'statusFinal',
  'under-appeal': 'statusUnderAppeal',
  settled: 'statusSettled',
};

function regionName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang, 'en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The in-page warning: who runs the site, where the data may go, the one action that matters most, and what to do. */
export function WarningBanner({ warning: w, t, lang, onDetails, onAsk, onDismiss, onClose }: WarningBannerProps) {
  const places = w.countries.map((c) => (c === 'unspecified' ? t('bannerUnspecified') : regionName(c, lang)));
  const action = w.action;
  const sentence = (text: string) => text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
  const headline = action
    ? sentence(t('actionHeadline', [
        t(KIND[action.kind]),
        t(STATUS[action.status]),
        action.authority,
        action.jurisdiction === 'EU' ? regionName('EU', lang) : regionName(action.jurisdiction, lang),
        new Date(`${action.date}T00:00:00Z`).toLocaleDateString(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
      ]))
    : null;
  const level = w.level === 'high' ? t('levelHigh') : t('levelMedium');
  return (
    <section class={`banner banner-${w.level}`} role="region" aria-label={t('bannerLabel')} data-testid="banner">
      <div class="head">
        <span class="level" data-testid="banner-level">
          <span aria-hidden="true">⚠</span> {level}
        </span>
        <button type="button" class="close" onClick={onClose} aria-label={t('bannerClose')} title={t('bannerClose')}>
          ×
        </button>
      </div>
      <p class="title">{t('bannerHeading', [w.site])}</p>
      <p data-testid="banner-company">{w.owner ? t('bannerRunBy', [w.company, w.owner]) : t('bannerRunBySame', [w.company])}</p>
      {places.length > 0 && <p data-testid="banner-destinations">{t('bannerDestinations', [places.join(', ')])}</p>}
      {headline && (
        <p class="action" data-testid="banner-action">
          {headline}
        </p>
      )}
      <div class="buttons">
        <button type="button" onClick={onDetails} data-testid="banner-details">
          {t('bannerDetails')}
        </button>
        <button type="button" onClick={onAsk} data-testid="banner-ask">
          {t('bannerAsk')}
        </button>
        <button type="button" class="quiet" onClick={onDismiss} data-testid="banner-dismiss">
          {t('bannerDismiss')}
        </button>
      </div>
    </section>
  );
}
