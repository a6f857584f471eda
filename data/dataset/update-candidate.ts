// The one gate every update passes, from a URL or a file: size, text, the validator (via parseDatasetText), then
// the signature over the exact bytes. Validation runs before the signature so a broken file is named for what is
// wrong with it, not only for being unsigned. Nothing here touches the data in force; callers apply only on `ok`.
import { text as localized, type LocalizedText } from '../i18n/localized-error';
import { MAX_DATASET_BYTES, parseDatasetText } from './parse';
import type { Dataset } from './schema';
import { verifyDatasetSignature, type PublicKeyInfo } from './signature';

export type Signed = 'maintainers' | 'allowed-unsigned';

export type CandidateResult =
  | { ok: true; dataset: Dataset; text: string; signed: Signed }
  | {
      ok: false;
      /** What to tell the user, in their language; `problems` are the validator's technical findings, as written. */
      error: LocalizedText;
      problems: string[];
      /** The data is valid but not signed by the maintainers: the user may allow this source. */
      needsAllow: boolean;
    };

const reject = (error: LocalizedText, problems: string[] = [], needsAllow = false): CandidateResult => ({ ok: false, error, problems, needsAllow });

export function sizeProblem(bytes: number): LocalizedText | undefined {
  if (bytes === 0) return localized('updEmpty');
  if (bytes > MAX_DATASET_BYTES) return localized('updTooLarge', `${(bytes / 1048576).toFixed(1)} MB`, `${MAX_DATASET_BYTES / 1048576} MB`);
  return undefined;
}

export async function checkCandidate(
  bytes: Uint8Array,
  signatureText: string | undefined,
  opts: { trusted: PublicKeyInfo; allowUnsigned: boolean },
): Promise<CandidateResult> {
  const tooBig = sizeProblem(bytes.length);
  if (tooBig) return reject(tooBig);
  let text: string;
  try {
    // fatal: bytes that are not UTF-8 would otherwise be replaced silently and the signature would cover other text.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return reject(localized('updNotUtf8'), ['(file): not UTF-8 text']);
  }
  const parsed = parseDatasetText(text);
  if (!parsed.ok) {
    return reject(localized('updRejected', parsed.problems.length), parsed.problems);
  }
  const verdict = await verifyDatasetSignature(bytes, signatureText, opts.trusted);
  if (verdict.ok) return { ok: true, dataset: parsed.dataset, text, signed: 'maintainers' };
  const allowable = verdict.reason === 'missing' || verdict.reason === 'other-key';
  if (allowable && opts.allowUnsigned) return { ok: true, dataset: parsed.dataset, text, signed: 'allowed-unsigned' };
  return reject(verdict.message, verdict.detail ? [verdict.detail] : [], allowable);
}
