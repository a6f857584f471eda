import { readFileSync } from 'node:fs';
import { parseDatasetText } from '@/data/dataset/parse';
import type { Dataset } from '@/data/dataset/schema';

/** The bundled dataset through the same parser the updater uses; tests fail loudly if it is invalid. */
export function loadBundled(): Dataset {
  const result = parseDatasetText(readFileSync(new URL('../../data/dataset.json', import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.dataset;
}

/**
 * The bundled dataset as the worker holds it: the file as written, not the validator's output (the build checked it,
 * and the worker's bundled-dataset.ts reads the build's compact form of it, which expands to exactly this).
 */
export const bundledDataset: Dataset = JSON.parse(readFileSync(new URL('../../data/dataset.json', import.meta.url), 'utf8')) as Dataset;
