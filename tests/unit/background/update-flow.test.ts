// The worker's dataset lifecycle with fakeBrowser: check → preview → apply → rollback → reset, across a worker
// restart, and proof that every rejected update leaves the data in force and the stored slots untouched.
import { rejection } from '../english';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DatasetInfo, DatasetStatus, UpdateCheck } from '@/data/protocol';
import { startBackground, type UpdaterOptions } from '@/entrypoints/background/start';
import { HOSTILE, TEST_SHOP_HOST, withTestShop } from '../../fixtures/hostile/cases';
import { loadBundled } from '../bundled-dataset';
import { response, sign, silentFetch, testKey } from '../dataset/update-helpers';
import { ask as askAs, resetBrowser, SETTINGS_PAGE, stopWorker, webRequest } from './harness';

const UPDATE_URL = 'https://updates.borderline-test.example/dataset.json';
const key = testKey();
const other = testKey();
const bundled = loadBundled();
const updateText = JSON.stringify(withTestShop(bundled), null, 2);

const ask = <T>(msg: object) => askAs<T>(msg, SETTINGS_PAGE);

/** A server for UPDATE_URL: `files` maps a path suffix ('' or '.sig') to its response. */
function server(files: Record<string, () => Response>): typeof fetch {
  return (async (url: string) => {
    const suffix = url.endsWith('.sig') ? '.sig' : '';
    return files[suffix]?.() ?? response(null, { status: 404 });
  }) as typeof fetch;
}

let dbName: string;
let seq = 0;
beforeEach(() => {
  resetBrowser();
  dbName = `borderline-update-${++seq}`;
});

async function start(opts: UpdaterOptions = {}) {
  const bg = startBackground(dbName, { trusted: key.trusted, timeoutMs: 200, ...opts });
  await bg.ready;
  await ask({ type: 'setSettings', settings: { updateUrl: UPDATE_URL } });
  return bg;
}

async function visitTestShop() {
  const tab = await fakeBrowser.tabs.create({ url: `https://${TEST_SHOP_HOST}/` });
  webRequest.onBeforeRequest.trigger({ tabId: tab.id, url: `https://${TEST_SHOP_HOST}/`, type: 'main_frame', timeStamp: 1000, frameId: 0, requestId: '1' });
  await fakeBrowser.webNavigation.onCommitted.trigger({ tabId: tab.id, url: `https://${TEST_SHOP_HOST}/`, frameId: 0, timeStamp: 1000 } as never);
  await new Promise((r) => setTimeout(r, 20));
  return tab.id!;
}

const signedServer = () => server({ '': () => response(updateText, { headers: { etag: '"v2"' } }), '.sig': () => response(sign(updateText, key.privateKey)) });

describe('dataset updates in the worker', () => {
  it('previews a signed URL update, applies it, re-rates the open tab, rolls back and resets', async () => {
    await start({ fetch: signedServer() });
    const tabId = await visitTestShop();
    expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('');

    const check = await ask<UpdateCheck>({ type: 'previewUpdate', source: 'url' });
    expect(check.kind).toBe('preview');
    if (check.kind !== 'preview') return;
    expect(check.preview.diff.companies.added.map((c) => c.key)).toEqual(['borderline-test-shop']);
    expect(check.preview.to).toMatchObject({ signed: 'maintainers', origin: UPDATE_URL });
    expect((await ask<DatasetInfo>({ type: 'getDatasetInfo' })).source).toBe('bundled'); // a preview changes nothing

    const applied = await ask<DatasetInfo>({ type: 'applyUpdate' });
    expect(applied).toMatchObject({ source: 'update', version: withTestShop(bundled).version, origin: UPDATE_URL, signed: 'maintainers' });
    expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('HIGH');
    expect((await ask<{ text: string }>({ type: 'exportDataset' })).text).toBe(updateText);

    const back = await ask<DatasetInfo>({ type: 'rollbackDataset' });
    expect(back).toMatchObject({ source: 'bundled', version: bundled.version });
    expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('');
    expect((await ask<DatasetStatus>({ type: 'getDatasetStatus' })).previous?.version).toBe(withTestShop(bundled).version);

    await ask({ type: 'rollbackDataset' }); // a second rollback undoes the first
    expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('HIGH');
    expect(await ask<DatasetInfo>({ type: 'resetDataset' })).toMatchObject({ source: 'bundled' });
    await expect(ask({ type: 'resetDataset' })).rejects.toThrow(/already in force/);
  });

  it('keeps the applied dataset across a worker restart and sends its ETag next time', async () => {
    const seen: (string | undefined)[] = [];
    const inner = signedServer();
    const fetch = (async (url: string, init?: RequestInit) => {
      if (!url.endsWith('.sig')) seen.push((init?.headers as Record<string, string>)['If-None-Match']);
      return inner(url, init);
    }) as typeof globalThis.fetch;
    await start({ fetch });
    await ask({ type: 'previewUpdate', source: 'url' });
    await ask({ type: 'applyUpdate' });
    stopWorker();
    await start({ fetch: (async (url: string, init?: RequestInit) => (seen.push((init?.headers as Record<string, string>)['If-None-Match']), response(null, { status: 304 }))) as typeof globalThis.fetch });
    expect(await ask<DatasetInfo>({ type: 'getDatasetInfo' })).toMatchObject({ source: 'update', origin: UPDATE_URL });
    expect(await ask<UpdateCheck>({ type: 'previewUpdate', source: 'url' })).toMatchObject({ kind: 'up-to-date', message: { key: 'updNotModified' } });
    expect(seen).toEqual([undefined, '"v2"']);
  });

  it('applies an unsigned or other-key source only after the user allows that source', async () => {
    await start({ fetch: server({ '': () => response(updateText), '.sig': () => response(sign(updateText, other.privateKey)) }) });
    const first = await ask<UpdateCheck>({ type: 'previewUpdate', source: 'url' });
    expect(first).toMatchObject({ kind: 'rejected', needsAllow: true, origin: UPDATE_URL, error: { key: 'sigOtherKey' } });
    await expect(ask({ type: 'applyUpdate' })).rejects.toThrow(/no checked update/);
    expect(await ask({ type: 'allowUnsigned', origin: UPDATE_URL, allow: true })).toEqual([UPDATE_URL]);
    expect(await ask<UpdateCheck>({ type: 'previewUpdate', source: 'url' })).toMatchObject({ kind: 'preview', preview: { to: { signed: 'allowed-unsigned' } } });
    await expect(ask({ type: 'allowUnsigned', origin: 'javascript:alert(1)', allow: true })).rejects.toThrow(/neither an https address nor an imported file/);
  });

  it('imports a signed file with its .sig', async () => {
    await start();
    const check = await ask<UpdateCheck>({ type: 'previewUpdate', source: 'file', name: 'dataset.json', text: updateText, signature: sign(updateText, key.privateKey) });
    expect(check).toMatchObject({ kind: 'preview', preview: { origin: 'file:dataset.json' } });
    expect(await ask<DatasetInfo>({ type: 'applyUpdate' })).toMatchObject({ source: 'update', origin: 'file:dataset.json' });
  });

  const NETWORK: [string, () => typeof fetch, RegExp][] = [
    ['a bad signature', () => server({ '': () => response(updateText.replace('Test Shop', 'Evil Shop')), '.sig': () => response(sign(updateText, key.privateKey)) }), /does not match the data/],
    ['a signature by another key', () => server({ '': () => response(updateText), '.sig': () => response(sign(updateText, other.privateKey)) }), /signed by another key/],
    ['an unsigned dataset', () => server({ '': () => response(updateText) }), /not signed/],
    ['a truncated download', () => server({ '': () => response(updateText.slice(0, 5000), { headers: { 'content-length': '999999' } }) }), /truncated/],
    ['a server that never answers', () => silentFetch, /did not send the dataset within/],
    ['a redirect to http', () => server({ '': () => response(updateText, { url: 'http://evil.example/dataset.json' }) }), /address without https/],
  ];
  const FILES: [string, string, RegExp][] = HOSTILE.filter((c) => c.name !== '60 MB').map((c) => [c.name, c.text(bundled), c.message]);

  it.each([
    ...NETWORK.map(([name, fetch, message]) => [name, { fetch: fetch() }, { type: 'previewUpdate', source: 'url' }, message] as const),
    ...FILES.map(([name, text, message]) => [name, {}, { type: 'previewUpdate', source: 'file', name: 'hostile.json', text }, message] as const),
  ])('rejects %s and keeps the data in force', async (_name, opts, msg, message) => {
    await start({ fetch: signedServer() });
    await ask({ type: 'previewUpdate', source: 'url' });
    const before = await ask<DatasetInfo>({ type: 'applyUpdate' });
    stopWorker();
    await start(opts);
    const check = await ask<UpdateCheck>(msg);
    expect(check.kind).toBe('rejected');
    if (check.kind === 'rejected') expect(rejection(check)).toMatch(message);
    expect(await ask<DatasetInfo>({ type: 'getDatasetInfo' })).toEqual(before);
    const status = await ask<DatasetStatus>({ type: 'getDatasetStatus' });
    expect(status).toMatchObject({ info: before, pending: null, previous: { source: 'bundled' }, lastCheck: { ok: false } });
    if (check.kind === 'rejected') expect(status.lastCheck?.message).toEqual(check.error);
    await expect(ask({ type: 'applyUpdate' })).rejects.toThrow(/no checked update/);
  }, 30_000);
});

describe('scheduled checks', () => {
  it('follows the automatic-update setting with one alarm and applies only a newer signed version', async () => {
    await start({ fetch: signedServer() });
    expect((await fakeBrowser.alarms.get('borderline-dataset-update'))?.periodInMinutes).toBe(7 * 24 * 60);
    await ask({ type: 'setSettings', settings: { autoUpdate: 'daily' } });
    expect((await fakeBrowser.alarms.get('borderline-dataset-update'))?.periodInMinutes).toBe(24 * 60);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'borderline-dataset-update', scheduledTime: Date.now(), periodInMinutes: 1440 });
    // The alarm's check downloads, verifies and stores in the background; on a loaded machine that takes a while.
    await vi.waitFor(async () => expect(await ask<DatasetInfo>({ type: 'getDatasetInfo' })).toMatchObject({ source: 'update', origin: UPDATE_URL }), {
      timeout: 5_000,
    });
    await ask({ type: 'setSettings', settings: { autoUpdate: 'off' } });
    expect(await fakeBrowser.alarms.get('borderline-dataset-update')).toBeUndefined();
  });
});
