import { render } from 'preact';
import { browser } from 'wxt/browser';
import { I18nProvider } from '@/components/i18n';
import type { MessageKey } from '@/data/i18n/translator';
import { unpackReport } from '@/data/log/packed-log';
import type { TabReport } from '@/data/protocol';
import { createClient } from '@/data/i18n/localized-client';
import '@/components/theme.css';
import './popup.css';
import { App, type View } from './App';
import { saveFile } from './download';
import { startEarlyRead, takeEarlyRead } from './early-read';
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

const tabIdOnce = targetTab();
tabIdOnce.catch(() => undefined); // fetchReport reports it

async function fetchReport() {
  const tabId = await tabIdOnce;
  performance.mark('popup-report-asked');
  const report = await send('getTabReport', { tabId });
  performance.mark('popup-report-received');
  return unpackReport(report);
}

let pending: ReturnType<typeof fetchReport> | undefined;

const withoutFragment = (url: string | null | undefined) => url?.split('#')[0];

/**
 * The tab's summary, which the worker keeps in storage.session (background/tab-summaries.ts): read without waking the
 * worker, by the early script if it ran (early-read.ts), and shown only while it is of the page the tab shows. The
 * popup's own view only: the full-tab log and the request text are of the rows, which only the report has.
 */
async function readSummary(): Promise<TabReport | undefined> {
  if (view !== 'popup') return undefined;
  const early = takeEarlyRead() ?? startEarlyRead(location.search, browser);
  const [summary, tab] = await Promise.all([early.summary, early.tab]);
  if (!summary || !tab || summary.head.tabId !== tab.id || withoutFragment(summary.head.url) !== withoutFragment(tab.url)) return undefined;
  performance.mark('popup-summary-read');
  return { ...summary.head, requests: [] };
}

const summary = readSummary().catch(() => undefined);

/**
 * How long the first render waits for the summary. Reading it takes a few milliseconds (storage.session and the tab,
 * no worker); rendering the loading state first would put the answer a frame and an effect later (~30 ms in
 * `npm run measure`). Past this, the loading state shows and the summary or the report replaces it.
 */
const SUMMARY_WAIT_MS = 50;

/**
 * `popup-first-render` ends at the first paint that shows the answer, from the summary or from the report; the mark
 * before it names which (`popup-answer-from-summary` or `popup-answer-from-report`), and `popup-report-shown` marks
 * when the full report replaced a summary.
 */
function markReady(from: 'summary' | 'report') {
  if (performance.getEntriesByName('popup-ready').length) {
    performance.mark('popup-report-shown');
    return;
  }
  performance.mark(`popup-answer-from-${from}`);
  performance.mark('popup-ready');
  performance.measure('popup-first-render', { start: 0, end: 'popup-ready' });
}

const showPopup = (initial: TabReport | undefined) => {
  performance.mark('popup-render-start');
  renderPopup(initial);
  // render() is synchronous: from here to popup-ready is style, layout and the frame.
  performance.mark('popup-rendered');
};

const renderPopup = (initial: TabReport | undefined) => render(
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
      summary={() => summary}
      {...(initial ? { initial } : {})}
      onReady={markReady}
    />
  </I18nProvider>,
  document.getElementById('app')!,
);

void Promise.race([summary, new Promise<undefined>((r) => setTimeout(r, SUMMARY_WAIT_MS))]).then((initial) => {
  // Without a summary the report is the first answer: asked for before the first render, so the worker reads and
  // packs it while Preact renders the loading state. With one, the App asks once the summary has painted: a stopped
  // worker starting in the same process would otherwise compete with that first paint.
  if (!initial) {
    pending = fetchReport();
    pending.catch(() => undefined); // the App reports a failure; this only keeps it from counting as unhandled first
  }
  showPopup(initial);
});
