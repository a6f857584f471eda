// Every user-facing string goes through the browser's i18n (`_locales/<lang>/messages.json`). Code takes a `Translate`
// function: the extension passes `browser.i18n.getMessage`, tests and the CLI pass `translator(messages)`, which follows
// the same substitution rules, so a test renders exactly what a user reads.
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;
export type Translate = (key: MessageKey, substitutions?: string[]) => string;

export const LOCALES = ['en', 'de', 'fr', 'nl', 'it', 'el'] as const;

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** A Translate over one messages.json, with Chrome's rules: $NAME$ → its placeholder's content → $1…$9 → substitutions. */
export function translator(messages: Record<string, Message>): Translate {
  return (key, subs = []) => {
    const m = messages[key];
    if (!m) return '';
    const fill = (s: string) => s.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
    return m.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const p = m.placeholders?.[name.toLowerCase()];
      return p ? fill(p.content) : whole;
    }).replace(/\$\$/g, '$');
  };
}
