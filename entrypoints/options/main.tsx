import { render } from 'preact';
import { browser } from 'wxt/browser';
import { I18nProvider } from '@/components/i18n';
import type { MessageKey } from '@/data/i18n/translator';
import { createClient } from '@/data/i18n/localized-client';
import { currentTimeZone } from '@/data/assess/residence';
import '@/components/theme.css';
import './options.css';
import { App } from './App';

function save(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const t = (key: MessageKey, subs?: string[]) => browser.i18n.getMessage(key, subs);
const lang = browser.i18n.getUILanguage();
document.documentElement.lang = lang;
document.title = t('setTitle');

render(
  <I18nProvider t={t} lang={lang}>
    <App send={createClient((msg) => browser.runtime.sendMessage(msg))} save={save} timeZone={currentTimeZone()} />
  </I18nProvider>,
  document.getElementById('app')!,
);
