import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { unpackReport } from '@/data/log/packed-log';
import type { LogExport, PackedTabReport } from '@/data/protocol';
import { countRows, rowsOfTab } from '@/entrypoints/background/log-db';
import { EXPORT_COLUMNS } from '@/entrypoints/background/log-export';
import { RETENTION_ALARM } from '@/entrypoints/background/retention';
import { startBackground } from '@/entrypoints/background/start';
import { ask, request, resetBrowser, stopWorker, webRequest } from './harness';

let dbName: string;
let seq = 0;

const reportOf = async (tabId: number | undefined) => unpackReport(await ask<PackedTabReport>({ type: 'getTabReport', tabId }));

const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  resetBrowser();
  dbName = `borderline-store-${++seq}`;
});

async function loadTemu(bg = startBackground(dbName)) {
  const tab = await fakeBrowser.tabs.create({ url: 'http://www.temu.com/' });
  await bg.ready;
  const ids = [
    request(tab.id!, 'http://www.temu.com/', 'main_frame', 1000),
    request(tab.id!, 'http://img.kwcdn.com/a.png', 'image', 1001),
    request(tab.id!, 'http://bugly.qq.com/sdk.js', 'script', 1002),
    request(tab.id!, 'http://cdn.unknown-example.net/x.js', 'script', 1003),
  ];
  return { bg, tab, ids };
}

describe('background log store', () => {
  it('records the server IP reported when the response starts, also after a worker restart', async () => {
    const { bg, tab, ids } = await loadTemu();
    webRequest.onResponseStarted.trigger({ tabId: tab.id, requestId: ids[0], ip: '192.0.2.1' });
    const report = await reportOf(tab.id);
    expect(report.requests.map((r) => r.ip)).toEqual(['192.0.2.1', undefined, undefined, undefined]);

    await (await bg.ready).tracker.flush(); // what the worker wrote before it stopped
    stopWorker();
    startBackground(dbName);
    webRequest.onResponseStarted.trigger({ tabId: tab.id, requestId: ids[2], ip: '192.0.2.3' });
    webRequest.onErrorOccurred.trigger({ tabId: tab.id, requestId: ids[3], error: 'net::ERR_FAILED' });
    const after = await reportOf(tab.id);
    expect(after.requests.map((r) => [r.host, r.ip])).toEqual([
      ['www.temu.com', '192.0.2.1'],
      ['img.kwcdn.com', undefined],
      ['bugly.qq.com', '192.0.2.3'],
      ['cdn.unknown-example.net', undefined],
    ]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id! })).toBe('HIGH');
  });

  it('never writes a private window\u2019s tab to disk, yet shows it while the tab is open', async () => {
    const bg = startBackground(dbName);
    const { db } = await bg.ready;
    // Chrome: the tab says it is incognito; its requests do not.
    await fakeBrowser.tabs.onCreated.trigger({ id: 50, incognito: true, index: 0, windowId: 9 } as Browser.tabs.Tab);
    request(50, 'http://www.temu.com/', 'main_frame', 1000);
    request(50, 'http://bugly.qq.com/sdk.js', 'script', 1001);
    // Firefox: the request says it.
    request(51, 'http://www.shein.com/', 'main_frame', 1000, { incognito: true });
    // A tab that cannot be looked up is treated as private.
    request(52, 'http://www.temu.com/', 'main_frame', 1000);
    const report = await reportOf(50);
    expect(report.requests.map((r) => r.host)).toEqual(['www.temu.com', 'bugly.qq.com']);
    expect(report.level).toBe('high');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 50 })).toBe('HIGH');
    expect((await reportOf(52)).requests).toHaveLength(1);
    await (await bg.ready).tracker.flush();
    expect(await countRows(db)).toBe(0);
    expect(await db.count('tabs')).toBe(0);
    const exported = await ask<LogExport>({ type: 'exportLog', scope: { tabId: 50 }, format: 'json' });
    expect(exported.rows).toBe(2);
    expect((await ask<LogExport>({ type: 'exportLog', scope: { all: true }, format: 'json' })).rows).toBe(0);
  });

  it('exports a tab, a site or everything as JSON and CSV with the same rows', async () => {
    const { tab } = await loadTemu();
    const other = await fakeBrowser.tabs.create({ url: 'http://www.example.org/' });
    request(other.id!, 'http://www.example.org/', 'main_frame', 2000);
    request(other.id!, 'http://img.kwcdn.com/b.png', 'image', 2001);
    request(other.id!, 'http://cdn.example.org/=cmd.js', 'script', 2002);

    const scopes = [
      [{ tabId: tab.id }, 4],
      [{ site: 'temu.com' }, 4],
      [{ site: 'kwcdn.com' }, 2],
      [{ all: true }, 7],
    ] as const;
    for (const [scope, count] of scopes) {
      const json = await ask<LogExport>({ type: 'exportLog', scope, format: 'json' });
      const csv = await ask<LogExport>({ type: 'exportLog', scope, format: 'csv' });
      expect([json.rows, csv.rows], JSON.stringify(scope)).toEqual([count, count]);
      expect(JSON.parse(json.text).rows).toHaveLength(count);
      const parsed = Papa.parse<Record<string, string>>(csv.text, { header: true, skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      expect(parsed.meta.fields).toEqual([...EXPORT_COLUMNS]);
      expect(parsed.data).toHaveLength(count);
      expect(csv).toMatchObject({ mime: 'text/csv', filename: expect.stringMatching(/^borderline-log-.+\.csv$/) });
    }
    const csv = await ask<LogExport>({ type: 'exportLog', scope: { tabId: tab.id }, format: 'csv' });
    const [first, second] = Papa.parse<Record<string, string>>(csv.text, { header: true }).data;
    expect(first).toMatchObject({ time: '1970-01-01T00:00:01.000Z', host: 'www.temu.com', type: 'main_frame', company: 'Temu', owner: 'PDD Holdings Inc.' });
    expect(second).toMatchObject({ host: 'img.kwcdn.com', url: 'http://img.kwcdn.com/a.png', thirdParty: 'true', pageSite: 'temu.com' });
    const all = await ask<LogExport>({ type: 'exportLog', scope: { all: true }, format: 'csv' });
    // A URL that a spreadsheet would run as a formula is exported as text.
    expect(all.text).not.toMatch(/,=cmd/);
  });

  it('clears a tab, a site or everything, and the tab starts counting again', async () => {
    const { bg, tab } = await loadTemu();
    const { db } = await bg.ready;
    const other = await fakeBrowser.tabs.create({ url: 'http://www.example.org/' });
    request(other.id!, 'http://www.example.org/', 'main_frame', 2000);
    request(other.id!, 'http://img.kwcdn.com/b.png', 'image', 2001);

    expect(await ask({ type: 'clearLog', scope: { site: 'kwcdn.com' } })).toEqual({ deleted: 2 });
    expect(await countRows(db)).toBe(4);
    expect(await ask({ type: 'clearLog', scope: { tabId: tab.id } })).toEqual({ deleted: 3 });
    expect(await rowsOfTab(db, tab.id!)).toEqual([]);
    const report = await reportOf(tab.id);
    expect(report.requests).toEqual([]);
    expect(report.thirdParties).toEqual([]);
    expect(report.level).toBe('high'); // Temu itself is still the site
    expect(await ask({ type: 'clearLog', scope: { all: true } })).toEqual({ deleted: 1 });
    expect(await countRows(db)).toBe(0);
  });

  it('forgets a closed tab\u2019s state but keeps its rows for the site log', async () => {
    const { bg, tab } = await loadTemu();
    const { db } = await bg.ready;
    await (await bg.ready).tracker.flush();
    expect(await db.count('tabs')).toBe(1);
    await fakeBrowser.tabs.onRemoved.trigger(tab.id!, { windowId: tab.windowId, isWindowClosing: false });
    await settle();
    await (await bg.ready).tracker.flush();
    expect(await db.count('tabs')).toBe(0);
    expect(await countRows(db)).toBe(4);
  });

  it('schedules retention on an alarm once, and applies it when the alarm fires', async () => {
    const bg = startBackground(dbName);
    const { db, tracker } = await bg.ready;
    const alarm = await fakeBrowser.alarms.get(RETENTION_ALARM);
    expect(alarm?.periodInMinutes).toBe(60);
    const tab = await fakeBrowser.tabs.create({ url: 'http://www.temu.com/' });
    request(tab.id!, 'http://www.temu.com/', 'main_frame', 1000); // 1970: far older than any retention age
    request(tab.id!, 'http://www.temu.com/now', 'xmlhttprequest', Date.now());
    await tracker.flush();
    expect(await countRows(db)).toBe(2);
    await fakeBrowser.alarms.onAlarm.trigger(alarm!);
    await settle();
    await settle();
    expect((await rowsOfTab(db, tab.id!)).map((r) => r.url)).toEqual(['http://www.temu.com/now']);
  });
});
