import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient } from '@/data/protocol';
import '@/components/theme.css';
import './popup.css';
import { App, type View } from './App';
import { saveFile } from './download';

// Imports are evaluated before this line, so "popup-script" marks the end of module evaluation; the first-render
// measure starts at navigation (0) and so covers HTML, script, the report's message round trip and the render.
performance.mark('popup-script');

const send = createClient((msg) => browser.runtime.sendMessage(msg));
const params = new URLSearchParams(location.search);
const view: View = params.get('view') === 'log' ? 'log' : 'popup';
document.documentElement.dataset.view = view;
if (view === 'log') document.title = 'Borderline: request log';

/** `popup.html?tabId=N` shows tab N (the popup opened as a page, or the full-tab log); otherwise the active tab. */
async function targetTab(): Promise<number> {
  const param = params.get('tabId');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('No active tab.');
  return tab.id;
}

function markReady() {
  performance.mark('popup-ready');
  performance.measure('popup-first-render', { start: 0, end: 'popup-ready' });
}

render(
  <App
    view={view}
    load={async () => send('getTabReport', { tabId: await targetTab() })}
    exportLog={(scope, format) => send('exportLog', { scope, format })}
    clearLog={(scope) => send('clearLog', { scope })}
    save={saveFile}
    onReady={markReady}
  />,
  document.getElementById('app')!,
);
