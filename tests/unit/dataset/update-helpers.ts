// A test key pair and signing helpers: tests never use the maintainers' private key.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { PublicKeyInfo } from '@/data/dataset/signature';
import { keyIdOfRaw, rawPublicKey, signatureFor } from '../../../scripts/dataset-sign';

export function testKey(): { privateKey: KeyObject; trusted: PublicKeyInfo } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(privateKey);
  return { privateKey, trusted: { key: raw.toString('base64'), keyId: keyIdOfRaw(raw) } };
}

export const bytesOf = (text: string) => new TextEncoder().encode(text);
export const sign = (text: string, key: KeyObject) => signatureFor(bytesOf(text), key);

/** A server response for a stubbed fetch; `url` is what fetch reports after following redirects. */
export function response(body: BodyInit | null, init: ResponseInit & { url?: string } = {}): Response {
  const res = new Response(body, init);
  if (init.url) Object.defineProperty(res, 'url', { value: init.url });
  return res;
}

/** A body that sends `first` and then stalls or breaks, like a server that dies mid-transfer. */
export function brokenStream(first: string, end: 'stall' | 'error'): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(bytesOf(first));
        return;
      }
      if (end === 'error') controller.error(new TypeError('network connection lost'));
      else return new Promise(() => {});
    },
  });
}

/** A fetch that never answers but honours its abort signal, as the real one does. */
export const silentFetch = ((_url: string, init?: RequestInit) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  })) as typeof fetch;
