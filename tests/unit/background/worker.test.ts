import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/entrypoints/background/start';
import { fakeEvent } from './fake-events';
import { unpackReport, type PackedTabReport, type Reply } from '@/data/protocol';

const onBeforeRequest = fakeEvent();
const onReplaced = fakeEvent();
(fakeBrowser as any).webRequest = { onBeforeRequest, onResponseStarted: fakeEvent(), onErrorOccurred: fakeEvent() };
(fakeBrowser.tabs as any).onReplaced = onReplaced;

/** What the worker loses when Chrome stops it: every listener and every in-memory cache. */
function stopWorker() {
  onBeforeRequest.removeAllListeners();
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.tabs.onUpdated.removeAllListeners();
  fakeBrowser.tabs.onRemoved.removeAllListeners();
  onReplaced.removeAllListeners();
  fakeBrowser.webNavigation.onCommitted.removeAllListeners();
}

const POPUP = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' };
let dbName: string;
let seq = 0;

async function request(tabId: number, url: string, type: string, time: number) {
  onBeforeRequest.trigger({ tabId, url, type, timeStamp: time, frameId: 0, requestId: String(time) });
}

async function ask(msg: unknown, sender: object = POPUP): Promise<Reply<any>> {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger(msg, sender as any, () => undefined);
  return reply as unknown as Reply<any>;
}

beforeEach(() => {
  fakeBrowser.reset();
  (fakeBrowser.i18n as any).getUILanguage = () => 'de-AT';
  stopWorker();
  dbName = `borderline-test-${++seq}`;
});

describe('background worker', () => {
  async function loadTemu() {
    const bg = startBackground(dbName);
    const tab = await fakeBrowser.tabs.create({ url: 'http://www.temu.com/' });
    const { tracker } = await bg.ready;
    await request(tab.id!, 'http://www.temu.com/', 'main_frame', 1000);
    await request(tab.id!, 'http://img.kwcdn.com/a.png', 'image', 1001);
    await request(tab.id!, 'http://bugly.qq.com/sdk.js', 'script', 1002);
    await request(tab.id!, 'http://cdn.unknown-example.net/x.js', 'script', 1003);
    await bg.ready;
    await tracker.flush();
    return { bg, tab, tracker };
  }

  it('sets a high badge for Temu and reports its companies', async () => {
    const { tab } = await loadTemu();
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id! })).toBe('HIGH');
    expect(await fakeBrowser.action.getTitle({ tabId: tab.id! })).toMatch(/High risk/);
    const reply = await ask({ type: 'getTabReport', tabId: tab.id });
    expect(reply.ok).toBe(true);
    const report = unpackReport((reply as { value: PackedTabReport }).value);
    expect(report.siteAssessment?.company.id).toBe('temu');
    expect(report.requests).toHaveLength(4);
    expect(report.thirdParties.map((t) => t.assessment.company.id)).toEqual(['tencent']);
    expect(report.unknownThirdParties).toEqual([{ host: 'cdn.unknown-example.net', requests: 1 }]);
  });

  it('leaves the badge empty on a neutral site', async () => {
    const bg = startBackground(dbName);
    const tab = await fakeBrowser.tabs.create({ url: 'http://www.example.org/' });
    await request(tab.id!, 'http://www.example.org/', 'main_frame', 1000);
    await (await bg.ready).tracker.flush();
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id! })).toBe('');
  });

  it('starts a new page on a top-level navigation', async () => {
    const { tab, tracker } = await loadTemu();
    await request(tab.id!, 'http://www.example.org/', 'main_frame', 2000);
    await tracker.flush();
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id! })).toBe('');
    const report = unpackReport(((await ask({ type: 'getTabReport', tabId: tab.id })) as { value: PackedTabReport }).value);
    expect(report.requests.map((r) => r.host)).toEqual(['www.example.org']);
  });

  it('paints the badge again after a navigation commits', async () => {
    const { tab } = await loadTemu();
    await fakeBrowser.action.setBadgeText({ tabId: tab.id!, text: '' }); // what Chrome does on commit
    await fakeBrowser.webNavigation.onCommitted.trigger({ tabId: tab.id!, frameId: 0, url: 'http://www.temu.com/', timeStamp: 1500 } as any);
    await new Promise((r) => setTimeout(r, 0));
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id! })).toBe('HIGH');
  });

  it('rebuilds tab state and badge from IndexedDB after the worker restarts', async () => {
    const { tab } = await loadTemu();
    stopWorker();
    await fakeBrowser.action.setBadgeText({ tabId: tab.id!, text: '' });
    const restarted = startBackground(dbName);
    await restarted.ready;
    await new Promise((r) => setTimeout(r, 0));
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id! })).toBe('HIGH');
    const report = unpackReport(((await ask({ type: 'getTabReport', tabId: tab.id })) as { value: PackedTabReport }).value);
    expect(report.requests).toHaveLength(4);
  });

  it('refuses messages from web pages, content scripts and other extensions', async () => {
    const { tab } = await loadTemu();
    const msg = { type: 'getTabReport', tabId: tab.id };
    for (const sender of [
      { id: 'another-extension', url: 'chrome-extension://another-extension/popup.html' },
      { id: 'test-extension-id', url: 'https://www.temu.com/', tab: { id: tab.id } },
      {},
    ]) {
      const reply = await ask(msg, sender);
      expect(reply).toEqual({ ok: false, error: expect.stringMatching(/Refused/) });
    }
    expect(await ask({ type: 'dropDatabase' })).toEqual({ ok: false, error: 'Unknown message.' });
  });

  it('re-rates open tabs when the jurisdiction changes', async () => {
    const { tab } = await loadTemu();
    const reply = await ask({ type: 'setSettings', settings: { jurisdiction: 'US' } });
    expect(reply).toMatchObject({ ok: true, value: { jurisdiction: 'US', badgeThreshold: 'medium' } });
    const bad = await ask({ type: 'setSettings', settings: { jurisdiction: 'Mars' } });
    expect(bad.ok).toBe(false);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id! })).toBe('HIGH');
    const report = unpackReport(((await ask({ type: 'getTabReport', tabId: tab.id })) as { value: PackedTabReport }).value);
    expect(report.jurisdiction).toBe('US');
    expect(report.siteAssessment?.destinations.every((d) => d.status === 'unspecified')).toBe(true);
  });
});
