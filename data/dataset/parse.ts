// Text → validated dataset, for every way a dataset arrives: the bundled file, `dataset:check FILE`, an update
// from a URL or a file. Limits come before JSON.parse so a hostile file costs little to reject.
import { validateDataset, type ValidationResult } from './schema';

export const MAX_DATASET_BYTES = 10 * 1024 * 1024;
const MAX_DEPTH = 32;

/** Deepest bracket nesting outside strings; a 200,000-deep array is refused without recursing into it. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) max = depth;
      if (max > MAX_DEPTH) return max;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

export function parseDatasetText(text: string): ValidationResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes === 0 || text.trim() === '') return { ok: false, problems: ['(file): the file is empty'] };
  if (bytes > MAX_DATASET_BYTES) {
    return { ok: false, problems: [`(file): ${(bytes / 1048576).toFixed(1)} MB is larger than the 10 MB limit`] };
  }
  if (nestingDepth(text) > MAX_DEPTH) return { ok: false, problems: [`(file): nesting deeper than ${MAX_DEPTH} levels`] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [`(file): not valid JSON (${e instanceof Error ? e.message : String(e)})`] };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problems: [`(root): expected a JSON object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`] };
  }
  return validateDataset(value);
}
