// The bundled dataset's file, answered by a test instead of tests/setup.ts: each read is noted, and `respond` decides
// the answer (held back as a slow disk would, or missing as in a damaged package); `serve` gives the package's file.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUNDLED_DATASET_FILE } from '@/data/dataset/bundled-file';

export interface BundledFileStub {
  url: string;
  /** The reads asked for so far. */
  reads: string[];
  /** The package's file served as tests/setup.ts serves it again. */
  restore(): void;
}

export function stubBundledFile(respond: (serve: () => Promise<Response>) => Promise<Response>): BundledFileStub {
  const url = fakeBrowser.runtime.getURL(`/${BUNDLED_DATASET_FILE}`);
  const served = globalThis.fetch;
  const reads: string[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input) !== url) return served(input, init);
    reads.push(String(input));
    return respond(() => served(input, init));
  }) as typeof fetch;
  return { url, reads, restore: () => void (globalThis.fetch = served) };
}
