// A package whose bundled dataset file cannot be read (damaged, or a build that did not write it): the worker still
// says which dataset is in force, a question that needs the dataset gets an error naming the file rather than no
// answer, and a later question reads the file again rather than remembering the failure. Its own file, because the
// worker keeps the dataset it read for the rest of the module's life.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BUNDLED_DATASET_FILE } from '@/data/dataset/bundled-file';
import { bundledDataset as readBundled } from '@/entrypoints/background/bundled-dataset';
import { engineInfo } from '@/entrypoints/background/engine';
import { startBackground } from '@/entrypoints/background/start';
import { bundledDataset } from '@/tests/unit/bundled-dataset';
import { stubBundledFile, type BundledFileStub } from './bundled-file-stub';
import { ask, resetBrowser, send, SETTINGS_PAGE } from './harness';

let missing = true;
let file: BundledFileStub;

beforeAll(() => {
  resetBrowser();
  file = stubBundledFile(async (serve) => (missing ? new Response('not found', { status: 404 }) : serve()));
});
afterAll(() => file.restore());

describe('a bundled dataset file that cannot be read', () => {
  it('leaves the dataset info answered, fails what needs the dataset with an error naming the file, and is read again later', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bg = startBackground('borderline-bundled-missing');
    expect(await ask({ type: 'getDatasetInfo' }, SETTINGS_PAGE)).toEqual(engineInfo(bundledDataset, 'bundled'));

    const reply = await send({ type: 'getAuthorities' }, SETTINGS_PAGE);
    expect(reply.ok).toBe(false);
    const error = reply.ok ? undefined : reply.error;
    expect(error?.key).toBe('errorUnexpected');
    expect(JSON.stringify(error?.subs)).toContain(`${BUNDLED_DATASET_FILE}: HTTP 404`);
    // The start fails with it, and says so once in the worker's console.
    await expect(bg.ready).rejects.toMatchObject({ text: { key: 'errorUnexpected' } });
    expect(logged.mock.calls.filter(([m]) => m === 'Borderline: the worker could not start')).toHaveLength(1);
    logged.mockRestore();

    // The failure is not remembered: once the file can be read, the next reader gets the dataset.
    const before = file.reads.length;
    missing = false;
    expect((await readBundled()).reference.eea.countries).toEqual(bundledDataset.reference.eea.countries);
    expect(file.reads.length).toBe(before + 1);
  });
});
