// The pages' and the content script's side of the protocol (data/protocol.ts): a typed caller whose one piece of logic
// is the other half of localized-error.ts — the worker's error replies (a message key and its parameters) become
// LocalizedErrors the page translates. It lives here, not beside protocol.ts, because data/'s root holds only the
// protocol, the settings and the dataset; and not in protocol.ts because that file carries the valibot schemas, which
// only the worker needs — the content script and the popup import this file and the protocol's types, never valibot.
// It calls no browser API: each page passes in its own `sendMessage`.
import type { MessageType, Reply, Requests } from '../protocol';
import { isLocalizedText, LocalizedError, text } from './localized-error';

/** A typed caller over any `sendMessage` (the browser's in the pages, a stub in tests). */
export function createClient(sendMessage: (msg: unknown) => Promise<unknown>) {
  return async function send<T extends MessageType>(type: T, request: Requests[T]['request']): Promise<Requests[T]['response']> {
    const reply = (await sendMessage({ type, ...request })) as Reply<T> | undefined;
    if (!reply) throw new LocalizedError(text('errorNoAnswer'));
    if (!reply.ok) throw new LocalizedError(isLocalizedText(reply.error) ? reply.error : text('errorUnexpected', String(reply.error)));
    return reply.value;
  };
}
export type Client = ReturnType<typeof createClient>;
