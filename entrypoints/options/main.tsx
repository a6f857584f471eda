import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient } from '@/data/protocol';
import '@/components/theme.css';
import { App } from './App';

render(<App send={createClient((msg) => browser.runtime.sendMessage(msg))} />, document.getElementById('app')!);
