// The background's side of the protocol. This extension's own pages may ask anything; its content scripts only
// what CONTENT_SCRIPT_ALLOWED lists; everything else is refused.
import { browser } from 'wxt/browser';
import {
  CONTENT_SCRIPT_ALLOWED,
  isExtensionPage,
  isMessage,
  isOwnContentScript,
  type Message,
  type MessageType,
  type Reply,
  type Requests,
  type SenderLike,
} from '@/data/protocol';

export type Handlers = { [T in MessageType]: (msg: Message<T>, sender: SenderLike) => Promise<Requests[T]['response']> };

const REFUSED = 'Refused: only Borderline\u2019s own pages may ask.';

export function listen(handlers: Handlers, contentScriptAllowed: ReadonlySet<MessageType> = CONTENT_SCRIPT_ALLOWED): void {
  browser.runtime.onMessage.addListener((msg: unknown, sender: SenderLike) => {
    const origin = browser.runtime.getURL('/');
    if (!isExtensionPage(sender, browser.runtime.id, origin)) {
      const allowed = isOwnContentScript(sender, browser.runtime.id, origin) && isMessage(msg) && contentScriptAllowed.has(msg.type);
      if (!allowed) return Promise.resolve({ ok: false, error: REFUSED });
    }
    if (!isMessage(msg)) return Promise.resolve({ ok: false, error: 'Unknown message.' });
    return answer(handlers, msg, sender);
  });
}

async function answer<T extends MessageType>(handlers: Handlers, msg: Message<T>, sender: SenderLike): Promise<Reply<T>> {
  try {
    const handler = handlers[msg.type] as (m: Message<T>, s: SenderLike) => Promise<Requests[T]['response']>;
    return { ok: true, value: await handler(msg, sender) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
