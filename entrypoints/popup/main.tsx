import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient } from '@/data/protocol';
import '@/components/theme.css';
import './popup.css';
import { App } from './App';

const send = createClient((msg) => browser.runtime.sendMessage(msg));

/** `popup.html?tabId=N` shows tab N (the popup opened as a page); otherwise the active tab. */
async function targetTab(): Promise<number> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('No active tab.');
  return tab.id;
}

render(<App load={async () => send('getTabReport', { tabId: await targetTab() })} />, document.getElementById('app')!);
