// Detached Ed25519 signatures over the exact bytes of a dataset file. The signature file (`dataset.json.sig`) is a
// small JSON object so a signature made by another key can be told apart from altered data in the message:
//   {"algorithm":"Ed25519","keyId":"<16 hex>","signature":"<base64 of 64 bytes>"}
// WebCrypto only, so the same code runs in the extension and in Node 20.
import { text, type LocalizedText } from '../i18n/localized-error';

export interface PublicKeyInfo {
  /** Raw 32-byte key, base64. */
  key: string;
  keyId: string;
}

export interface SignatureFile {
  algorithm: 'Ed25519';
  keyId: string;
  signature: string;
}

export type SignatureVerdict =
  | { ok: true; keyId: string }
  | { ok: false; reason: 'missing' | 'malformed' | 'other-key' | 'mismatch'; message: LocalizedText; detail?: string };

const MAX_SIGNATURE_CHARS = 4096;

export function fromBase64(b64: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) throw new Error('not base64');
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function keyIdOf(rawKey: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', rawKey as BufferSource));
  return [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Reads a signature file strictly: anything but the three known fields is refused. */
function parseSignatureFile(text: string): SignatureFile | string {
  if (text.length > MAX_SIGNATURE_CHARS) return 'the signature file is too large to be a signature';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'the signature file is not valid JSON';
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'the signature file is not a JSON object';
  const o = value as Record<string, unknown>;
  const extra = Object.keys(o).filter((k) => !['algorithm', 'keyId', 'signature'].includes(k));
  if (extra.length) return `the signature file has unknown fields: ${extra.join(', ')}`;
  if (o.algorithm !== 'Ed25519') return 'the signature file must use algorithm "Ed25519"';
  if (typeof o.keyId !== 'string' || !/^[0-9a-f]{16}$/.test(o.keyId)) return 'the signature file has no valid keyId';
  if (typeof o.signature !== 'string') return 'the signature file has no signature';
  try {
    if (fromBase64(o.signature).length !== 64) return 'the signature is not 64 bytes';
  } catch {
    return 'the signature is not base64';
  }
  return { algorithm: 'Ed25519', keyId: o.keyId, signature: o.signature };
}

/** Checks `signatureText` over `bytes` against the trusted key; every failure carries a sentence for the user. */
export async function verifyDatasetSignature(
  bytes: Uint8Array,
  signatureText: string | undefined,
  trusted: PublicKeyInfo,
): Promise<SignatureVerdict> {
  if (signatureText === undefined || signatureText.trim() === '') {
    return { ok: false, reason: 'missing', message: text('sigMissing') };
  }
  const sig = parseSignatureFile(signatureText.trim());
  if (typeof sig === 'string') return { ok: false, reason: 'malformed', message: text('sigMalformed'), detail: sig };
  if (sig.keyId !== trusted.keyId) {
    return {
      ok: false,
      reason: 'other-key',
      message: text('sigOtherKey', sig.keyId, trusted.keyId),
    };
  }
  const key = await crypto.subtle.importKey('raw', fromBase64(trusted.key) as BufferSource, { name: 'Ed25519' }, false, ['verify']);
  const valid = await crypto.subtle.verify({ name: 'Ed25519' }, key, fromBase64(sig.signature) as BufferSource, bytes as BufferSource);
  return valid
    ? { ok: true, keyId: sig.keyId }
    : { ok: false, reason: 'mismatch', message: text('sigMismatch') };
}
