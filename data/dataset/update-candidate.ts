// The one gate every update passes, from a URL or a file: size, text, the validator (via parseDatasetText), then
// the signature over the exact bytes. Validation runs before the signature so a broken file is named for what is
// wrong with it, not only for being unsigned. Nothing here touches the data in force; callers apply only on `ok`.
import { MAX_DATASET_BYTES, parseDatasetText } from './parse';
import type { Dataset } from './schema';
import { verifyDatasetSignature, type PublicKeyInfo } from './signature';

export type Signed = 'maintainers' | 'allowed-unsigned';

export type CandidateResult =
  | { ok: true; dataset: Dataset; text: string; signed: Signed }
  | {
      ok: false;
      error: string;
      problems: string[];
      /** The data is valid but not signed by the maintainers: the user may allow this source. */
      needsAllow: boolean;
    };

const SHOWN_PROBLEMS = 8;

const reject = (error: string, problems: string[] = [], needsAllow = false): CandidateResult => ({ ok: false, error, problems, needsAllow });

export function sizeProblem(bytes: number): string | undefined {
  if (bytes === 0) return '(file): the file is empty';
  if (bytes > MAX_DATASET_BYTES) return `(file): ${(bytes / 1048576).toFixed(1)} MB is larger than the 10 MB limit`;
  return undefined;
}

export async function checkCandidate(
  bytes: Uint8Array,
  signatureText: string | undefined,
  opts: { trusted: PublicKeyInfo; allowUnsigned: boolean },
): Promise<CandidateResult> {
  const tooBig = sizeProblem(bytes.length);
  if (tooBig) return reject(`The dataset was rejected: ${tooBig}`, [tooBig]);
  let text: string;
  try {
    // fatal: bytes that are not UTF-8 would otherwise be replaced silently and the signature would cover other text.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return reject('The dataset was rejected: (file): not UTF-8 text', ['(file): not UTF-8 text']);
  }
  const parsed = parseDatasetText(text);
  if (!parsed.ok) {
    const more = parsed.problems.length > SHOWN_PROBLEMS ? ` (and ${parsed.problems.length - SHOWN_PROBLEMS} more)` : '';
    return reject(`The dataset was rejected: ${parsed.problems.slice(0, SHOWN_PROBLEMS).join('; ')}${more}`, parsed.problems);
  }
  const verdict = await verifyDatasetSignature(bytes, signatureText, opts.trusted);
  if (verdict.ok) return { ok: true, dataset: parsed.dataset, text, signed: 'maintainers' };
  const allowable = verdict.reason === 'missing' || verdict.reason === 'other-key';
  if (allowable && opts.allowUnsigned) return { ok: true, dataset: parsed.dataset, text, signed: 'allowed-unsigned' };
  return reject(
    allowable ? `${verdict.message} Nothing was changed; allow this source only if you trust it.` : `${verdict.message} Nothing was changed.`,
    [],
    allowable,
  );
}
