// The dataset the extension ships with, read from its own file in the package (the build writes it, validated and
// compacted: scripts/compact-dataset-plugin.ts, which has the figures) the first time something needs it, then kept
// for the worker's life. What it is (`bundledInfo`) comes with the code, so a message that only asks which dataset is
// in force (the settings page's, after a stop) is answered without reading it, and a worker with an applied update
// in force never reads it.
import info from 'virtual:bundled-dataset-info';
import { browser } from 'wxt/browser';
import { BUNDLED_DATASET_FILE } from '@/data/dataset/bundled-file';
import { expandDataset, type CompactDataset } from '@/data/dataset/compact';
import type { Dataset } from '@/data/dataset/schema';
import { fail } from '@/data/i18n/localized-error';
import type { DatasetInfo } from '@/data/protocol';

/** What the bundled dataset is: what an engine built from it says (tests/unit/dataset/compact.test.ts). */
export const bundledInfo: DatasetInfo = info;

let loading: Promise<Dataset> | undefined;

/**
 * The bundled dataset. It was checked by the validator when the package was built, so it is trusted here. A failed
 * read (a damaged package) is not remembered: the next caller tries again.
 */
export function bundledDataset(): Promise<Dataset> {
  loading ??= read().catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

async function read(): Promise<Dataset> {
  // The file is added by a build hook, so WXT's typed list of public paths does not know it.
  const url = (browser.runtime.getURL as (path: string) => string)(`/${BUNDLED_DATASET_FILE}`);
  const response = await fetch(url);
  if (!response.ok) fail('errorUnexpected', `${BUNDLED_DATASET_FILE}: HTTP ${response.status}`);
  const dataset = expandDataset((await response.json()) as CompactDataset<Dataset>);
  // `npm run measure -- --only cold` prints it among the boot's marks.
  performance.mark('borderline-boot:bundled-read');
  return dataset;
}
