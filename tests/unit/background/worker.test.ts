import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/entrypoints/background/start';
import { unpackReport } from '@/data/log/packed-log';
import type { PackedTabReport } from '@/data/protocol';
import { request, resetBrowser, send, stopWorker } from './harness';

let dbName: string;
let seq = 0;

beforeEach(() => {
  resetBrowser();
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
    const reply = await send({ type: 'getTabReport', tabId: tab.id });
    expect(reply.ok).toBe(true);
    const report = unpackReport((reply as { value: PackedTabReport }).value);
    expect(report.siteAssessment?.company.id).toBe('temu');
    expect(report.requests).toHaveLength(4);
    expect(report.thirdParties.map((t) => t.assessment.company.id)).toEqual(['tencent']);
    expect(report.unknownThirdParties).toEqual([{ host: 'cdn.unknown-example.net', requests: 1 }]);
  });

  it('says in the tooltip which company raised the level, and why', async () => {
    const { tab } = await loadTemu();
    expect(await fakeBrowser.action.getTitle({ tabId: tab.id! })).toBe('Borderline: High risk — This page sends data to Temu (third countries it does not name)');
  });

  it('names the third party that raised a page the dataset does not know, with its countries', async () => {
    const bg = startBackground(dbName);
    const tab = await fakeBrowser.tabs.create({ url: 'http://www.example.org/' });
    const { tracker } = await bg.ready;
    await request(tab.id!, 'http://www.example.org/', 'main_frame', 1000);
    await request(tab.id!, 'http://analytics.tiktok.com/i18n/pixel/events.js', 'script', 1001);
    await bg.ready;
    await tracker.flush();
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id! })).toBe('HIGH');
    expect(await fakeBrowser.action.getTitle({ tabId: tab.id! })).toMatch(/^Borderline: High risk — This page sends data to TikTok \(China, .+, no adequacy decision\)$/);
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
    const report = unpackReport(((await send({ type: 'getTabReport', tabId: tab.id })) as { value: PackedTabReport }).value);
    expect(report.requests.map((r) => r.host)).toEqual(['www.example.org']);
  });

  it('paints the badge again after a navigation commits', async () => {
    const { tab } = await loadTemu();
    await fakeBrowser.action.setBadgeText({ tabId: tab.id!, text: '' }); // what Chrome does on commit
    await fakeBrowser.webNavigation.onCommitted.trigger({ tabId: tab.id!, frameId: 0, url: 'http://www.temu.com/', timeStamp: 1500 } as Browser.webNavigation.WebNavigationTransitionCallbackDetails);
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
    const report = unpackReport(((await send({ type: 'getTabReport', tabId: tab.id })) as { value: PackedTabReport }).value);
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
      const reply = await send(msg, sender);
      expect(reply).toEqual({ ok: false, error: { key: 'errorRefused' } });
    }
    expect(await send({ type: 'dropDatabase' })).toEqual({ ok: false, error: { key: 'errorInvalidMessage', subs: ['dropDatabase'] } });
  });

  it('re-rates open tabs when the jurisdiction changes', async () => {
    const { tab } = await loadTemu();
    const reply = await send({ type: 'setSettings', settings: { jurisdiction: 'US' } });
    expect(reply).toMatchObject({ ok: true, value: { jurisdiction: 'US', badgeThreshold: 'medium' } });
    const bad = await send({ type: 'setSettings', settings: { jurisdiction: 'Mars' } });
    expect(bad.ok).toBe(false);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id! })).toBe('HIGH');
    const report = unpackReport(((await send({ type: 'getTabReport', tabId: tab.id })) as { value: PackedTabReport }).value);
    expect(report.jurisdiction).toBe('US');
    // Temu names only "third countries": its own policy with the safeguards it names, noyb's complaint without.
    expect(report.siteAssessment?.destinations.map((d) => d.status).sort()).toEqual(['unspecified', 'unspecified-safeguard']);
  });
});
