// The log must survive the service worker being stopped, as MV3 does after ~30 s idle or whenever it likes.
import type { Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, type Chrome } from '../../scripts/harness/browser';
import { useDemo } from './demo';
import { storedRows, watchWorker } from '../../scripts/harness/worker-probes';

// Code passed to worker.evaluate runs inside the extension's service worker.
declare const chrome: Chrome;

const demo = useDemo();

const storedHosts = async (sw: Worker, tabId: number) => (await storedRows(sw, tabId)).map((r) => r.host);

describe('worker restart', () => {
  it('shows everything logged before the service worker stopped, and keeps the badge right', async () => {
    const { page, tabId } = await demo.browser.visit('http://www.temu.com/');
    expect((await eventually(() => demo.browser.badge(tabId), (b) => b.text === 'HIGH')).text).toBe('HIGH');
    const before = await demo.browser.worker();
    // The Temu demo page makes five requests (the page, two images, two scripts), and Chromium may fetch its icon.
    const PAGE_HOSTS = ['aimg.kwcdn.com', 'bugly.qq.com', 'cdn.unlisted-example.net', 'img.kwcdn.com', 'www.temu.com'];
    let stored = await eventually(() => storedHosts(before, tabId), (hosts) => PAGE_HOSTS.every((h) => hosts.includes(h)));
    for (let settled = false; !settled; ) {
      await new Promise((r) => setTimeout(r, 500));
      const again = await storedHosts(before, tabId);
      settled = again.length === stored.length;
      stored = again;
    }
    expect([...new Set(stored)].sort()).toEqual(PAGE_HOSTS);
    await before.evaluate(() => ((globalThis as { beforeStop?: boolean }).beforeStop = true));

    const cdp = await demo.browser.context.newCDPSession(page);
    const statuses = await watchWorker(cdp, demo.browser.extensionId);
    await eventually(async () => statuses, (s) => s.includes('running'));
    await cdp.send('ServiceWorker.stopAllWorkers');
    expect(await eventually(async () => statuses.at(-1), (s) => s === 'stopped')).toBe('stopped');

    const popup = await demo.browser.popup(tabId);
    await popup.getByTestId('risk-badge').first().waitFor();
    // The popup's request woke a new worker: a fresh instance, without the old one's memory.
    expect(statuses.slice(statuses.lastIndexOf('stopped'))).toContain('running');
    const after = await demo.browser.worker();
    expect(await after.evaluate(() => (globalThis as { beforeStop?: boolean }).beforeStop ?? false)).toBe(false);

    expect(await popup.getByTestId('risk-badge').first().getAttribute('data-level')).toBe('high');
    expect(await popup.getByTestId('request-log').getAttribute('aria-rowcount')).toBe(String(stored.length + 1));
    const hosts = await popup.getByTestId('log-row').locator('td:nth-child(2)').allTextContents();
    expect(hosts.sort()).toEqual(stored.sort());
    const thirdParties = await popup.getByTestId('third-party').evaluateAll((els) => els.map((e) => e.getAttribute('data-company')));
    expect(thirdParties).toContain('tencent');

    expect((await demo.browser.badge(tabId)).text).toBe('HIGH');

    // The badge comes from the restored state, not only from Chromium's memory: wipe it, stop the worker again and
    // wake it with a message; starting, it paints every open tab it restored.
    await popup.close();
    await after.evaluate((id) => chrome.action.setBadgeText({ tabId: id, text: '' }), tabId);
    expect((await demo.browser.badge(tabId)).text).toBe('');
    await cdp.send('ServiceWorker.stopAllWorkers');
    expect(await eventually(async () => statuses.at(-1), (s) => s === 'stopped')).toBe('stopped');
    const wake = await demo.browser.popup(tabId);
    await wake.getByTestId('risk-badge').first().waitFor();
    const badge = await eventually(() => demo.browser.badge(tabId), (b) => b.text === 'HIGH');
    expect(badge.text).toBe('HIGH');
    expect(badge.title).toMatch(/High risk/);
    await wake.close();
    await cdp.detach();
  });
});
