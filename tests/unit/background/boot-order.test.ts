// A worker woken by a message about the settings or the dataset answers it once those are loaded, without waiting
// for the request log to open and the tab states to come back; what needs the log still waits for it.
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { startBackground } from '@/entrypoints/background/start';
import { createV1Schema } from '../../fixtures/log-db-v1';
import { ask, resetBrowser, SETTINGS_PAGE } from './harness';

beforeEach(() => resetBrowser());

const settled = <T>(p: Promise<T>, ms = 200) => Promise.race([p.then(() => 'answered'), new Promise((r) => setTimeout(() => r('waiting'), ms))]);

describe('boot order', () => {
  it('answers the settings page while the log store cannot open yet, and the popup once it has', async () => {
    const name = 'boot-order';
    // A connection of an older version that will not close holds the log store's upgrade back (as another context
    // of the extension could); the dataset store is another database and opens.
    const holder = await openDB(name, 1, { upgrade: (db) => createV1Schema(db) });
    const bg = startBackground(name);
    expect(await settled(ask({ type: 'getSettings' }, SETTINGS_PAGE))).toBe('answered');
    expect(await settled(ask({ type: 'getDatasetInfo' }, SETTINGS_PAGE))).toBe('answered');
    expect(await settled(ask({ type: 'getAuthorities' }, SETTINGS_PAGE))).toBe('answered');
    const report = ask({ type: 'getTabReport', tabId: 1 });
    expect(await settled(report)).toBe('waiting');
    holder.close();
    await bg.ready;
    expect(await settled(report)).toBe('answered');
  });
});
