// The bundled dataset is a file of the package, read once the worker knows it is the one in force
// (entrypoints/background/bundled-dataset.ts): a message that only asks which dataset is in force is answered without
// it, one that reads the dataset waits for it, and the read happens once per worker life. Its own file, because the
// worker keeps the dataset it read for the rest of the module's life.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineInfo } from '@/entrypoints/background/engine';
import { startBackground } from '@/entrypoints/background/start';
import { bundledDataset } from '@/tests/unit/bundled-dataset';
import { stubBundledFile, type BundledFileStub } from './bundled-file-stub';
import { ask, resetBrowser, SETTINGS_PAGE, stopWorker } from './harness';

let release!: () => void;
const held = new Promise<void>((r) => (release = r));
let file: BundledFileStub;

beforeAll(() => {
  resetBrowser();
  // The file's read is held until the test lets it go, as a slow disk would.
  file = stubBundledFile(async (serve) => {
    await held;
    return serve();
  });
});
afterAll(() => file.restore());

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('the bundled dataset file', () => {
  it('is not needed to say which dataset is in force; reading the dataset waits for it; read once', async () => {
    const bg = startBackground('borderline-bundled-read');
    const info = await ask({ type: 'getDatasetInfo' }, SETTINGS_PAGE);
    expect(info).toEqual(engineInfo(bundledDataset, 'bundled'));
    expect(file.reads).toEqual([file.url]); // asked for, not yet read

    let answered = false;
    const authorities = ask<{ eea: string[] }>({ type: 'getAuthorities' }, SETTINGS_PAGE).then((a) => ((answered = true), a));
    let started = false;
    void bg.ready.then(() => (started = true));
    await settle();
    expect({ answered, started }).toEqual({ answered: false, started: false });

    release();
    expect((await authorities).eea).toEqual(bundledDataset.reference.eea.countries);
    await bg.ready;

    // A second start in the same worker life (the tests' stand-in for a restart of the wiring) reads nothing again.
    stopWorker();
    await startBackground('borderline-bundled-read').ready;
    expect(file.reads).toHaveLength(1);
  });
});
