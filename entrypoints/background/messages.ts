// The background's side of the protocol. This extension's own pages may ask anything; its content scripts only
// what CONTENT_SCRIPT_ALLOWED lists; everything else is refused. Every payload is checked against its schema
// (data/protocol.ts) before a handler sees it: an invalid message is answered with an error, logged once, and
// changes nothing.
import { browser } from 'wxt/browser';
import { text, toLocalizedText } from '@/data/i18n/localized-error';
import {
  CONTENT_SCRIPT_ALLOWED,
  isExtensionPage,
  isMessage,
  isOwnContentScript,
  parseMessage,
  type Message,
  type MessageType,
  type Reply,
  type Requests,
  type SenderLike,
} from '@/data/protocol';

export type Handlers = { [T in MessageType]: (msg: Message<T>, sender: SenderLike) => Promise<Requests[T]['response']> };

const REFUSED = text('errorRefused');

export function listen(handlers: Handlers, contentScriptAllowed: ReadonlySet<MessageType> = CONTENT_SCRIPT_ALLOWED): void {
  browser.runtime.onMessage.addListener((msg: unknown, sender: SenderLike) => {
    const origin = browser.runtime.getURL('/');
    const page = isExtensionPage(sender, browser.runtime.id, origin);
    if (!page && !isOwnContentScript(sender, browser.runtime.id, origin)) return Promise.resolve({ ok: false, error: REFUSED });
    // A content script may send only its few types; anything else is refused before its payload is even read.
    if (!page && !(isMessage(msg) && contentScriptAllowed.has(msg.type))) return Promise.resolve({ ok: false, error: REFUSED });
    const parsed = parseMessage(msg);
    if (!parsed.ok) {
      // One line per invalid message, with what was wrong, and nothing else happens.
      console.warn(`Borderline: invalid message "${parsed.type}" from ${sender.url ?? 'an unknown sender'} refused: ${parsed.problems.join('; ')}`);
      return Promise.resolve({ ok: false, error: text('errorInvalidMessage', parsed.type) });
    }
    return answer(handlers, parsed.message, sender);
  });
}

async function answer<T extends MessageType>(handlers: Handlers, msg: Message<T>, sender: SenderLike): Promise<Reply<T>> {
  try {
    const handler = handlers[msg.type] as (m: Message<T>, s: SenderLike) => Promise<Requests[T]['response']>;
    return { ok: true, value: await handler(msg, sender) };
  } catch (e) {
    return { ok: false, error: toLocalizedText(e) };
  }
}
