import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient } from '@/data/protocol';
import '@/components/theme.css';
import './options.css';
import { App } from './App';

function save(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

render(<App send={createClient((msg) => browser.runtime.sendMessage(msg))} save={save} />, document.getElementById('app')!);
