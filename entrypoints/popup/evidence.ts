// The browser's side of "Save evidence" and the complaint draft: asking the worker, naming the browser, reading the
// other languages' messages (the complaint follows the authority's language, not the UI's) and the two downloads.
import { browser } from 'wxt/browser';
import type { EvidenceActions } from '@/components/EvidencePanel';
import { countryGuess } from '@/data/assess/complaint';
import { buildEvidenceFiles } from '@/data/assess/evidence-files';
import { currentTimeZone } from '@/data/assess/residence';
import type { Client } from '@/data/i18n/localized-client';
import { translator, type Translate } from '@/data/i18n/translator';
import { unpackReport } from '@/data/log/packed-log';
import { saveFile } from './download';

/** "Chromium 156.0.8078.79", "Google Chrome …", "Firefox 140.0": what the HAR's `browser` says. */
function browserNameVersion(): { name: string; version: string } {
  const ua = navigator.userAgent;
  const firefox = /Firefox\/([\d.]+)/.exec(ua);
  if (firefox) return { name: 'Firefox', version: firefox[1]! };
  const brands = (navigator as { userAgentData?: { brands?: { brand: string }[] } }).userAgentData?.brands ?? [];
  const brand = brands.map((b) => b.brand).find((b) => !/Not.?A.?Brand|^Chromium$/i.test(b)) ?? 'Chromium';
  return { name: brand, version: /Chrome\/([\d.]+)/.exec(ua)?.[1] ?? '' };
}

export function evidenceActions(send: Client, tabId: () => Promise<number>, t: Translate, lang: string): EvidenceActions {
  const translators = new Map<string, Promise<Translate>>();
  return {
    async save(keepQuery) {
      const { report, details } = await send('getEvidence', { tabId: await tabId(), keepQuery });
      const files = await buildEvidenceFiles({
        report: unpackReport(report),
        details,
        keepQuery,
        savedAt: Date.now(),
        creator: { name: 'Borderline', version: browser.runtime.getManifest().version },
        browser: browserNameVersion(),
        t,
        lang,
      });
      saveFile(files.har);
      saveFile(files.report);
      return files;
    },
    loadAuthorities: () => send('getAuthorities', {}),
    translatorFor(code) {
      let pending = translators.get(code);
      if (!pending) {
        const url = (browser.runtime.getURL as (path: string) => string)(`/_locales/${code}/messages.json`);
        pending = fetch(url)
          .then((r) => r.json() as Promise<Parameters<typeof translator>[0]>)
          .then(translator);
        translators.set(code, pending);
      }
      return pending;
    },
    copy: (text) => navigator.clipboard.writeText(text),
    country: countryGuess(currentTimeZone(), navigator.language),
  };
}
