// What the worker has to tell the user (an update refused, a request it cannot carry out) crosses the message
// protocol as a message key and its parameters, never as a sentence: the page that shows it says it in the user's
// language with its own Translate. A LocalizedError carries one through a throw.
import type { MessageKey, Translate } from './translator';

export interface LocalizedText {
  key: MessageKey;
  subs?: string[];
}

export const text = (key: MessageKey, ...subs: (string | number)[]): LocalizedText => (subs.length ? { key, subs: subs.map(String) } : { key });

export class LocalizedError extends Error {
  readonly text: LocalizedText;

  constructor(text: LocalizedText, cause?: unknown) {
    // The key and its parameters as the message, so a log line still says what happened.
    super(`${text.key}${text.subs?.length ? ` [${text.subs.join(' | ')}]` : ''}`, cause === undefined ? undefined : { cause });
    this.name = 'LocalizedError';
    this.text = text;
  }
}

/** Throws the LocalizedError for `key`; a function declaration, so TypeScript knows the code after it is unreachable. */
export function fail(key: MessageKey, ...subs: (string | number)[]): never {
  throw new LocalizedError(text(key, ...subs));
}

export function isLocalizedText(value: unknown): value is LocalizedText {
  if (typeof value !== 'object' || value === null) return false;
  const { key, subs } = value as { key?: unknown; subs?: unknown };
  return typeof key === 'string' && (subs === undefined || (Array.isArray(subs) && subs.every((s) => typeof s === 'string')));
}

/** The error as the worker answers it: its localized text, or for anything else the text of an unexpected error. */
export function toLocalizedText(e: unknown): LocalizedText {
  if (e instanceof LocalizedError) return e.text;
  return text('errorUnexpected', e instanceof Error ? e.message : String(e));
}

/** Says a worker's text (or, from an older stored record, a plain string) in the page's language. */
export function say(t: Translate, value: LocalizedText | string): string {
  return typeof value === 'string' ? value : t(value.key, value.subs);
}

/** What a page shows for a failure: a LocalizedError in the page's language, anything else as it came. */
export function errorText(t: Translate, e: unknown): string {
  if (e instanceof LocalizedError) return say(t, e.text);
  return e instanceof Error ? e.message : String(e);
}
