// Export from an extension page, as the popup does: the JSON and CSV files hold as many rows as the log.
import Papa from 'papaparse';
import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { unpackReport } from '../../data/log/packed-log';
import { eventually, type Chrome } from '../../scripts/harness/browser';
import { useDemo } from './demo';
import { storedRows as storedRowsOf } from '../../scripts/harness/worker-probes';

/** What IndexedDB holds, counted beside the worker's code. */
const storedRows = (sw: Worker) => storedRowsOf<{ tabId: number; site: string | null; pageSite: string | null }>(sw);

declare const chrome: Chrome;

const demo = useDemo();

interface Exported {
  filename: string;
  mime: string;
  text: string;
  rows: number;
}

function exportLog(page: Page, scope: object, format: 'json' | 'csv'): Promise<Exported> {
  return page.evaluate(async (msg) => {
    const reply = await chrome.runtime.sendMessage(msg);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  }, { type: 'exportLog', scope, format });
}


describe('log export', () => {
  it('exports a tab, a site and everything as JSON and CSV with the log\u2019s row counts', async () => {
    const temu = await demo.browser.visit('http://www.temu.com/');
    await eventually(() => demo.browser.badge(temu.tabId), (b) => b.text === 'HIGH');
    await demo.browser.visit('http://www.shein.com/');
    const page = await demo.browser.context.newPage();
    await page.goto(`chrome-extension://${demo.browser.extensionId}/options.html`);
    // Late requests (an icon, a beacon) would change the counts under the test: wait until the log is still. The
    // worker writes rows when a page goes quiet, so each read follows an export, which writes what waits first.
    const flushedRows = async () => {
      await exportLog(page, { all: true }, 'json');
      return storedRows(await demo.browser.worker());
    };
    let rows = await flushedRows();
    for (let still = false; !still; ) {
      await new Promise((r) => setTimeout(r, 500));
      const again = await flushedRows();
      still = again.length === rows.length;
      rows = again;
    }
    const tabRows = rows.filter((r) => r.tabId === temu.tabId).length;
    expect(tabRows).toBeGreaterThanOrEqual(5);
    const report = unpackReport(await page.evaluate(async (tabId) => (await chrome.runtime.sendMessage({ type: 'getTabReport', tabId })).value, temu.tabId));
    expect(report.requests).toHaveLength(tabRows); // one page in that tab: its log is the tab's log

    const counts: Record<string, number> = {};
    for (const [name, scope, expected] of [
      ['tab', { tabId: temu.tabId }, tabRows],
      ['site', { site: 'temu.com' }, rows.filter((r) => r.pageSite === 'temu.com' || r.site === 'temu.com').length],
      ['all', { all: true }, rows.length],
    ] as const) {
      const json = await exportLog(page, scope, 'json');
      const csv = await exportLog(page, scope, 'csv');
      expect(json).toMatchObject({ mime: 'application/json', rows: expected, filename: expect.stringMatching(/\.json$/) });
      expect(csv).toMatchObject({ mime: 'text/csv', rows: expected, filename: expect.stringMatching(/\.csv$/) });
      const jsonRows = JSON.parse(json.text).rows as { host: string; company: string | null }[];
      const parsed = Papa.parse<Record<string, string>>(csv.text, { header: true, skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      expect(jsonRows).toHaveLength(expected);
      expect(parsed.data).toHaveLength(expected);
      expect(parsed.data.map((r) => r.host)).toEqual(jsonRows.map((r) => r.host));
      counts[name] = expected;
    }
    console.log(`export: tab ${counts.tab}, site temu.com ${counts.site}, all ${counts.all} rows, JSON and CSV alike`);
    expect(counts.all).toBeGreaterThan(counts.tab!);

    const csv = Papa.parse<Record<string, string>>((await exportLog(page, { tabId: temu.tabId }, 'csv')).text, { header: true, skipEmptyLines: true });
    const bugly = csv.data.find((r) => r.host === 'bugly.qq.com');
    expect(bugly).toMatchObject({ company: 'Tencent Holdings Ltd.', type: 'script', thirdParty: 'true', ip: '127.0.0.1', initiator: 'http://www.temu.com' });
    expect(bugly!.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await page.close();
  });
});
