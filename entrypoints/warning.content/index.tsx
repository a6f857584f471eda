import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { WarningBanner } from '@/components/WarningBanner';
import type { MessageKey } from '@/data/i18n/translator';
import { createClient } from '@/data/i18n/localized-client';
import { ClickGuard } from './click-guard';
import { freeCorner, pin } from './corner';
import './banner.css';

// The in-page warning: top frame only, once per site visit (the background decides), in a closed shadow root so the
// page can neither style nor read it, and nothing is left on `window`. It shows only a warning about this document's
// own site, checked here against its own location as well as by the worker, so no page can borrow another's.

/** Whether this document's host is the warning's site or a name under it (a fully qualified name's dot dropped). */
const isOwnSite = (site: string) => {
  const host = location.hostname.replace(/\.$/, '');
  return host === site || host.endsWith(`.${site}`);
};
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  // WXT's context would otherwise announce itself with window.postMessage(..., '*'), carrying our id to the page.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    if (window.top !== window) return;
    const send = createClient((msg) => browser.runtime.sendMessage(msg));
    const warning = await send('getSiteWarning', {}).catch(() => null);
    if (!warning || ctx.isInvalid || !isOwnSite(warning.site)) return;
    const t = (key: MessageKey, subs?: string[]) => browser.i18n.getMessage(key, subs);
    let stopGuard = () => {};
    const ui = await createShadowRootUi(ctx, {
      name: 'borderline-warning',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'closed',
      isolateEvents: true,
      onMount(container, _shadow, host) {
        const guard = new ClickGuard(() => container.firstElementChild);
        const close = () => ui.remove();
        render(
          <WarningBanner
            warning={warning}
            t={t}
            lang={browser.i18n.getUILanguage()}
            onDetails={() => void send('openDetails', { view: 'report' })}
            onAsk={() => void send('openDetails', { view: 'ask' })}
            onDismiss={() => void send('dismissSiteWarning', { site: warning.site }).finally(close)}
            onClose={close}
            accepts={(e) => guard.accepts(e)}
            onStep={() => guard.restart()}
          />,
          container,
        );
        const place = () => {
          const banner = container.firstElementChild as HTMLElement | null;
          if (!banner) return;
          banner.classList.remove('collapsed');
          pin(banner, 'bottom-right'); // measure at the size it will have once pinned
          const box = banner.getBoundingClientRect();
          const corner = freeCorner(host, box.width, box.height);
          banner.classList.toggle('collapsed', !corner);
          pin(banner, corner ?? 'bottom-right');
        };
        place();
        ctx.addEventListener(window, 'resize', place);
        stopGuard = guard.watch();
        ctx.onInvalidated(stopGuard);
        return container;
      },
      onRemove(container) {
        stopGuard();
        if (container) render(null, container);
      },
    });
    ui.mount();
  },
});
