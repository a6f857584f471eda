import { render } from 'preact';
import { browser } from 'wxt/browser';
import { I18nProvider } from '@/components/i18n';
import type { MessageKey } from '@/data/i18n/translator';
import { unpackReport } from '@/data/log/packed-log';
import { createClient } from '@/data/i18n/localized-client';
import '@/components/theme.css';
import './popup.css';
import { App, type View } from './App';
import { saveFile } from './download';
import { evidenceActions } from './evidence';

// Imports are evaluated before this line, so "popup-script" marks the end of module evaluation; the first-render
// measure starts at navigation (0) and so covers HTML, script, the report's message round trip and the render.
performance.mark('popup-script');

const send = createClient((msg) => browser.runtime.sendMessage(msg));
const t = (key: MessageKey, subs?: string[]) => browser.i18n.getMessage(key, subs);
const lang = browser.i18n.getUILanguage();
const params = new URLSearchParams(location.search);
const asked = params.get('view');
const view: View = asked === 'log' || asked === 'ask' ? asked : 'popup';
document.documentElement.dataset.view = view;
// Screen readers pick their voice from the page's language, so it follows the UI's.
document.documentElement.lang = lang;
if (view === 'log') document.title = t('logDocTitle');

/** `popup.html?tabId=N` shows tab N (the popup opened as a page, or the full-tab log); otherwise the active tab. */
async function targetTab(): Promise<number> {
  const param = params.get('tabId');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error(t('errorNoTab'));
  return tab.id;
}

async function fetchReport() {
  const tabId = await targetTab();
  performance.mark('popup-report-asked');
  const report = await send('getTabReport', { tabId });
  performance.mark('popup-report-received');
  return unpackReport(report);
}

// Asked for before the first render rather than from the App's effect, which runs only after the loading state has
// painted: the worker reads and packs the report while Preact renders.
let pending: ReturnType<typeof fetchReport> | undefined = fetchReport();
pending.catch(() => undefined); // the App reports a failure; this only keeps it from counting as unhandled first

function markReady() {
  performance.mark('popup-ready');
  performance.measure('popup-first-render', { start: 0, end: 'popup-ready' });
}

render(
  <I18nProvider t={t} lang={lang}>
    <App
      view={view}
      load={() => {
        const report = pending ?? fetchReport();
        pending = undefined;
        return report;
      }}
      exportLog={(scope, format) => send('exportLog', { scope, format })}
      clearLog={(scope) => send('clearLog', { scope })}
      save={saveFile}
      copy={(text) => navigator.clipboard.writeText(text)}
      evidence={evidenceActions(send, targetTab, t, lang)}
      onReady={markReady}
    />
  </I18nProvider>,
  document.getElementById('app')!,
);
