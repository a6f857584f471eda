// `npm run dataset:sign -- FILE [--key PRIVATE.pem]` writes FILE.sig, the detached Ed25519 signature updates need.
// The private key comes from --key or $BORDERLINE_SIGNING_KEY (a path); it is never read from or written into the repo.
// `npm run dataset:sign -- --new-key PATH` makes a key pair and prints the public half for data/dataset/public-key.ts.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DATASET_KEY_ID } from '../data/dataset/public-key';
import { parseDatasetText } from '../data/dataset/parse';
import type { SignatureFile } from '../data/dataset/signature';

export function rawPublicKey(key: KeyObject): Buffer {
  return Buffer.from(createPublicKey(key).export({ format: 'jwk' }).x as string, 'base64url');
}

export function keyIdOfRaw(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex').slice(0, 16);
}

/** The signature file for `bytes`, exactly as the extension reads it. */
export function signatureFor(bytes: Uint8Array, privateKey: KeyObject): string {
  const sig: SignatureFile = { algorithm: 'Ed25519', keyId: keyIdOfRaw(rawPublicKey(privateKey)), signature: sign(null, bytes, privateKey).toString('base64') };
  return `${JSON.stringify(sig)}\n`;
}

function fail(message: string): never {
  console.error(`dataset:sign: ${message}`);
  process.exit(1);
}

function main(args: string[]) {
  const at = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const newKey = at('--new-key');
  if (newKey) {
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(newKey, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    const raw = rawPublicKey(privateKey);
    console.log(`Private key written to ${newKey} (keep it out of the repository).`);
    console.log(`DATASET_PUBLIC_KEY = '${raw.toString('base64')}'\nDATASET_KEY_ID = '${keyIdOfRaw(raw)}'`);
    return;
  }
  const keyPath = at('--key') ?? process.env.BORDERLINE_SIGNING_KEY;
  const file = args[0];
  if (!file) fail('usage: npm run dataset:sign -- FILE [--key PRIVATE.pem]  (or set BORDERLINE_SIGNING_KEY)');
  if (!keyPath) fail('no private key: pass --key PATH or set BORDERLINE_SIGNING_KEY to its path');
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(keyPath));
  } catch (e) {
    fail(`cannot read the private key at ${keyPath} (${e instanceof Error ? e.message : String(e)})`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') fail(`${keyPath} is a ${privateKey.asymmetricKeyType} key, not Ed25519`);
  const bytes = readFileSync(file);
  // Signing an invalid file would only move the rejection to every user's browser.
  const parsed = parseDatasetText(bytes.toString('utf8'));
  if (!parsed.ok) fail(`${file} is invalid, not signing:\n${parsed.problems.join('\n')}`);
  const signature = signatureFor(bytes, privateKey);
  writeFileSync(`${file}.sig`, signature);
  const keyId = keyIdOfRaw(rawPublicKey(privateKey));
  console.log(`${file}.sig written (key ${keyId}, version ${parsed.dataset.version}).`);
  if (keyId !== DATASET_KEY_ID) console.warn(`Note: key ${keyId} is not the bundled key ${DATASET_KEY_ID}; the extension will treat this as another key.`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
