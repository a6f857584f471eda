import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '@/data/i18n/translator';
import { regionName } from '@/data/i18n/locale-format';
import { actionHeadline } from '@/data/assess/localized-text';
import type { SiteWarning } from '@/data/assess/site-warning';

export interface WarningBannerProps {
  warning: SiteWarning;
  t: Translate;
  /** BCP 47 language for country names and dates, e.g. the browser UI language. */
  lang: string;
  onDetails: () => void;
  onAsk: () => void;
  onDismiss: () => void;
  onClose: () => void;
  /**
   * Whether a click on "Dismiss for this site" or its confirmation counts (the content script's clickjacking guard:
   * a trusted click on a banner visible and unmoved for a while). Without it every click counts.
   */
  accepts?: (e: Event) => boolean;
  /** Called when the banner switches to or from its confirming step, so the guard's wait starts again. */
  onStep?: () => void;
}

/** The in-page warning: who runs the site, where the data may go, the one action that matters most, and what to do. */
export function WarningBanner({ warning: w, t, lang, onDetails, onAsk, onDismiss, onClose, accepts = () => true, onStep }: WarningBannerProps) {
  // Dismissing is for good, so it takes a second, confirming click; focus goes to the harmless choice.
  const [confirming, setConfirming] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    onStep?.();
    if (confirming) keep.current?.focus();
  }, [confirming]);
  const places = w.countries.map((c) => (c === 'unspecified' ? t('bannerUnspecified') : regionName(c, lang)));
  const headline = w.action ? actionHeadline(w.action, t, lang) : null;
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
      {confirming ? (
        <div class="buttons confirm" role="group" aria-labelledby="borderline-confirm">
          <p id="borderline-confirm" data-testid="banner-dismiss-question">
            {t('bannerDismissConfirm', [w.site])}
          </p>
          <button type="button" ref={keep} onClick={() => setConfirming(false)} data-testid="banner-dismiss-cancel">
            {t('bannerDismissNo')}
          </button>
          <button type="button" class="quiet" onClick={(e) => accepts(e) && onDismiss()} data-testid="banner-dismiss-confirm">
            {t('bannerDismissYes')}
          </button>
        </div>
      ) : (
        <div class="buttons">
          <button type="button" onClick={onDetails} data-testid="banner-details">
            {t('bannerDetails')}
          </button>
          <button type="button" onClick={onAsk} data-testid="banner-ask">
            {t('bannerAsk')}
          </button>
          <button type="button" class="quiet" onClick={(e) => accepts(e) && setConfirming(true)} data-testid="banner-dismiss">
            {t('bannerDismiss')}
          </button>
        </div>
      )}
    </section>
  );
}
