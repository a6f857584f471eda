// Issue 16, fault: the worker is stopped in the middle of applying a dataset update. Afterwards either the old or
// the new dataset is in force, never a mix (the open tab's attribution, the badge and the settings page agree), and
// the settings page says which. Two places to be stopped: while the transaction that swaps the slots is open (the
// browser discards it), and after it committed but before the open tabs were attributed again.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DatasetInfo, DatasetStatus, Reply, UpdateCheck } from '@/data/protocol';
import { startBackground } from '@/entrypoints/background/start';
import { TEST_SHOP_HOST, withTestShop } from '../../fixtures/hostile/cases';
import { loadBundled } from '../bundled-dataset';
import { response, sign, testKey } from '../dataset/update-helpers';
import { english } from '../english';
import { fakeEvent } from './harness';

const webRequest = { onBeforeRequest: fakeEvent<(d: object) => unknown>(), onResponseStarted: fakeEvent(), onErrorOccurred: fakeEvent() };
const onReplaced = fakeEvent();
Object.assign(fakeBrowser, { webRequest });
Object.assign(fakeBrowser.tabs, { onReplaced });

/** What the worker loses when Chrome stops it: every listener and every in-memory cache. */
function stopWorker() {
  Object.values(webRequest).forEach((e) => e.removeAllListeners());
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.tabs.onUpdated.removeAllListeners();
  fakeBrowser.tabs.onRemoved.removeAllListeners();
  fakeBrowser.tabs.onCreated.removeAllListeners();
  onReplaced.removeAllListeners();
  fakeBrowser.webNavigation.onCommitted.removeAllListeners();
  fakeBrowser.webNavigation.onErrorOccurred.removeAllListeners();
  fakeBrowser.alarms.onAlarm.removeAllListeners();
}

const SETTINGS_PAGE = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/options.html' };
const UPDATE_URL = 'https://updates.borderline-test.example/dataset.json';
const key = testKey();
const bundled = loadBundled();
const update = withTestShop(bundled);
const updateText = JSON.stringify(update, null, 2);
const fetchUpdate = (async (url: string) => (url.endsWith('.sig') ? response(sign(updateText, key.privateKey)) : response(updateText))) as typeof fetch;

async function ask<T>(msg: object): Promise<T> {
  const [reply] = (await fakeBrowser.runtime.onMessage.trigger(msg, SETTINGS_PAGE as never, () => undefined)) as unknown as Reply<never>[];
  if (!reply!.ok) throw new Error(english(reply!.error));
  return reply!.value as T;
}

let dbName: string;
let seq = 0;
beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  stopWorker();
  dbName = `borderline-interrupted-${++seq}`;
});

async function start() {
  const bg = startBackground(dbName, { trusted: key.trusted, timeoutMs: 200, fetch: fetchUpdate });
  await bg.ready;
  return bg;
}

/** The test shop, which only the update knows (a HIGH-risk company), open in a tab whose page has committed. */
async function openTestShop(): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url: `https://${TEST_SHOP_HOST}/` });
  webRequest.onBeforeRequest.trigger({ tabId: tab.id, url: `https://${TEST_SHOP_HOST}/`, type: 'main_frame', timeStamp: 1_000, frameId: 0, requestId: '1' });
  await fakeBrowser.webNavigation.onCommitted.trigger({ tabId: tab.id, url: `https://${TEST_SHOP_HOST}/`, frameId: 0, timeStamp: 1_000 } as never);
  await new Promise((r) => setTimeout(r, 100)); // the tab state reaches IndexedDB
  return tab.id!;
}

/** What the popup and the settings page would show after the restart, and the badge. */
async function afterRestart(tabId: number) {
  stopWorker();
  const { tracker } = await (await start()).ready;
  const status = await ask<DatasetStatus>({ type: 'getDatasetStatus' });
  return { status, state: tracker.get(tabId), badge: await fakeBrowser.action.getBadgeText({ tabId }) };
}

describe('a worker stopped while applying a dataset update', () => {
  it('before the slots were swapped: the old dataset is in force, the update still waits, and the page says so', async () => {
    await start();
    await ask({ type: 'setSettings', settings: { updateUrl: UPDATE_URL } });
    const tabId = await openTestShop();
    expect((await ask<UpdateCheck>({ type: 'previewUpdate', source: 'url' })).kind).toBe('preview');
    // The worker dies inside the transaction: its second write never happens, and the browser discards the first.
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'slots' && args[1] === 'current') throw new DOMException('The worker was stopped.', 'AbortError');
      return put.apply(this, args);
    });
    await expect(ask({ type: 'applyUpdate' })).rejects.toThrow();
    vi.restoreAllMocks();

    const { status, state, badge } = await afterRestart(tabId);
    expect(status.info).toMatchObject({ source: 'bundled', version: bundled.version });
    expect(status.previous).toBeNull();
    expect(status.pending?.to.version).toBe(update.version);
    expect(english(status.lastCheck!.message)).toMatch(new RegExp(`Version ${update.version} from .* is ready to apply`));
    // The tab: attributed under the bundled dataset, which does not know the shop.
    expect(state).toMatchObject({ siteCompany: null, level: 'none' });
    expect(badge).toBe('');
    // And the update can still be applied, whole.
    expect(await ask<DatasetInfo>({ type: 'applyUpdate' })).toMatchObject({ source: 'update', version: update.version });
  });

  it('after the slots were swapped, before the open tabs were attributed again: the new dataset is in force everywhere', async () => {
    await start();
    await ask({ type: 'setSettings', settings: { updateUrl: UPDATE_URL } });
    const tabId = await openTestShop();
    expect((await ask<UpdateCheck>({ type: 'previewUpdate', source: 'url' })).kind).toBe('preview');
    // The worker dies right after the slots committed: listing the open tabs, to attribute them again, never returns.
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(() => new Promise(() => undefined));
    void ask({ type: 'applyUpdate' }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 200));
    vi.restoreAllMocks();

    const { status, state, badge } = await afterRestart(tabId);
    expect(status.info).toMatchObject({ source: 'update', version: update.version });
    expect(status.previous).toMatchObject({ source: 'bundled' });
    expect(status.pending).toBeNull();
    expect(english(status.lastCheck!.message)).toMatch(new RegExp(`Applied version ${update.version} from `));
    // The tab was attributed again under the dataset in force, not left with the old attribution.
    expect(state).toMatchObject({ siteCompany: 'borderline-test-shop', level: 'high' });
    expect(badge).toBe('HIGH');
  });
});
