// Components never call browser.*: the entrypoint provides the browser's getMessage and UI language, tests provide
// translator(en). Without a provider, keys show through as themselves, so a forgotten provider is visible at once.
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { MessageKey, Translate } from '@/data/i18n/translator';

export interface I18n {
  t: Translate;
  /** BCP 47 UI language, for Intl: country names, dates, lists, plurals. */
  lang: string;
}

const I18nContext = createContext<I18n>({ t: (key) => key, lang: 'en' });

export function I18nProvider({ t, lang, children }: I18n & { children: ComponentChildren }) {
  return <I18nContext.Provider value={{ t, lang }}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);
export const useT = (): Translate => useContext(I18nContext).t;

/** Messages have no plural syntax: each counted phrase has a "One" and an "Other" key, picked by the language's rules. */
export function plural(i18n: I18n, n: number, one: MessageKey, other: MessageKey, subs: string[] = []): string {
  const form = new Intl.PluralRules(i18n.lang).select(n) === 'one' ? one : other;
  return i18n.t(form, [String(n), ...subs]);
}
