// The background's side of the protocol. Only this extension's own pages may ask; everything else is refused.
import { browser } from 'wxt/browser';
import { isExtensionPage, isMessage, type Message, type MessageType, type Reply, type Requests, type SenderLike } from '@/data/protocol';

export type Handlers = { [T in MessageType]: (msg: Message<T>) => Promise<Requests[T]['response']> };

export function listen(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((msg: unknown, sender: SenderLike) => {
    if (!isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) {
      return Promise.resolve({ ok: false, error: 'Refused: only Borderline\u2019s own pages may ask.' });
    }
    if (!isMessage(msg)) return Promise.resolve({ ok: false, error: 'Unknown message.' });
    return answer(handlers, msg);
  });
}

async function answer<T extends MessageType>(handlers: Handlers, msg: Message<T>): Promise<Reply<T>> {
  try {
    const handler = handlers[msg.type] as (m: Message<T>) => Promise<Requests[T]['response']>;
    return { ok: true, value: await handler(msg) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
