// Real-browser figures for the README's Performance section, in Chromium with the built extension (not a test: it
// asserts nothing, it prints). Usage: npm run measure [-- --only badge|popup|cold] [--loads N] [--opens N] [--wakes N]
// [--cold-opens N]
//
//   navigation → badge   median of 20 loads of the Temu demo page, each in a fresh tab. Measured inside the worker:
//                        from the main frame's webNavigation.onBeforeNavigate time stamp to the first moment
//                        chrome.action.getBadgeText for the tab returns HIGH (polled every 2 ms, so up to 2 ms late).
//                        The same load is also timed from outside (before page.goto to the worker seeing HIGH).
//   popup first render   median of 10 opens of the popup for a tab with 5,000 logged requests: the popup's own
//                        `popup-first-render` measure, navigation start (0) to the first paint with the report,
//                        which covers HTML, scripts, the getTabReport round trip and the render; with its parts.
//   worker cold start    median of 10 wakes: the worker is stopped through the DevTools protocol
//                        (ServiceWorker.stopAllWorkers), then an extension page sends getDatasetInfo, which wakes it
//                        and is answered only once `ready` has resolved (database open, settings, stored dataset,
//                        tab states restored). Timed in the page (message out → answer in) and inside the new worker
//                        (its time origin → the `borderline-ready` mark).
//   popup, cold worker   the same popup, median of 5 opens each right after the worker was stopped over CDP.
// The last line is one JSON object with every figure.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page, Worker } from 'playwright-core';
import type { ExtensionBrowser, Chrome } from './harness/browser';
import { floodPage, startShopServer, type ShopServer } from './harness/shop-server';
import { watchWorker } from './harness/worker-probes';

// The run uses a private copy of the build: a rebuild in the checkout during the run must not swap files under it.
if (!existsSync('.output/chrome-mv3/manifest.json')) throw new Error('No build at .output/chrome-mv3: run npm run build');
const copy = mkdtempSync(join(tmpdir(), 'borderline-measure-'));
cpSync('.output/chrome-mv3', copy, { recursive: true });
process.env.BORDERLINE_EXTENSION_DIR = copy;
const { launchExtension, warmUp } = await import('./harness/browser');

declare const chrome: Chrome;

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const LOADS = opt('loads', 20);
const OPENS = opt('opens', 10);
const WAKES = opt('wakes', 10);
const COLD_OPENS = opt('cold-opens', 5);
const ROWS = 5_000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const summary = (xs: number[]) => ({ median: r1(median(xs)), min: r1(Math.min(...xs)), max: r1(Math.max(...xs)) });
const line = (label: string, xs: number[]) => {
  const s = summary(xs);
  return `${label}: median ${s.median} ms (min ${s.min}, max ${s.max}; n=${xs.length})`;
};

/** The tab id of a page that shows about:blank: the newest such tab. */
async function blankTabId(sw: Worker): Promise<number> {
  return sw.evaluate(async () => {
    const tabs = await chrome.tabs.query({ url: 'about:blank' });
    return Math.max(...tabs.map((t) => t.id ?? -1));
  });
}

/** A fresh tab; Chromium now and then refuses one right after another closed ("Failed to open a new tab"). */
async function newTab(browser: ExtensionBrowser): Promise<Page> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await browser.context.newPage();
    } catch (e) {
      if (attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

async function measureBadge(browser: ExtensionBrowser) {
  const inWorker: number[] = [];
  const outside: number[] = [];
  // One tab for every load (opening and closing a tab per load makes headless Chromium drop the window now and
  // then): it goes back to about:blank and its badge is cleared before each load.
  const page = await newTab(browser);
  await page.goto('about:blank');
  const tabId = await blankTabId(await browser.worker());
  for (let i = 0; i < LOADS; i++) {
    const sw = await browser.worker();
    await page.goto('about:blank');
    await sw.evaluate((id) => chrome.action.setBadgeText({ tabId: id, text: '' }), tabId);
    // The listener is in place before the navigation is sent; the poll then runs while the page loads.
    await sw.evaluate((id) => {
      const g = globalThis as unknown as { navStart?: number; onNav?: (d: { tabId: number; frameId: number; timeStamp: number }) => void };
      g.navStart = undefined;
      g.onNav = (d) => {
        if (d.tabId === id && d.frameId === 0 && g.navStart === undefined) g.navStart = d.timeStamp;
      };
      chrome.webNavigation.onBeforeNavigate.addListener(g.onNav);
    }, tabId);
    const seen = sw.evaluate(async (id) => {
      const g = globalThis as unknown as { navStart?: number; onNav: (d: { tabId: number; frameId: number; timeStamp: number }) => void };
      try {
        const end = Date.now() + 10_000;
        while (Date.now() < end) {
          if ((await chrome.action.getBadgeText({ tabId: id })) === 'HIGH') {
            const now = Date.now();
            if (g.navStart === undefined) throw new Error(`no navigation seen on tab ${id}`);
            return { now, navStart: g.navStart };
          }
          await new Promise((r) => setTimeout(r, 2));
        }
        throw new Error(`no HIGH badge on tab ${id}`);
      } finally {
        chrome.webNavigation.onBeforeNavigate.removeListener(g.onNav);
      }
    }, tabId);
    const start = Date.now();
    await page.goto('http://www.temu.com/', { waitUntil: 'commit' });
    const { now, navStart } = await seen;
    inWorker.push(now - navStart);
    outside.push(now - start);
  }
  await page.close();
  return { inWorker, outside };
}

/** Performance measures and marks a popup leaves behind, by name (ms from the popup's navigation start). */
async function popupTimings(popup: Page): Promise<Record<string, number>> {
  return popup.evaluate(() => {
    const out: Record<string, number> = {};
    for (const e of performance.getEntriesByType('mark')) out[e.name] = e.startTime;
    for (const e of performance.getEntriesByType('measure')) out[e.name] = e.duration;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    if (nav) out['dom-content-loaded'] = nav.domContentLoadedEventEnd;
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    if (paint) out['first-contentful-paint'] = paint.startTime;
    return out;
  });
}

/** The worker's latest performance measure of that name, when Playwright can reach the worker. */
async function workerMeasure(browser: ExtensionBrowser, name: string): Promise<number | undefined> {
  const sw = browser.context.serviceWorkers()[0];
  const ms = await sw?.evaluate((n) => performance.getEntriesByName(n, 'measure').at(-1)?.duration ?? -1, name).catch(() => -1);
  return ms === undefined || ms < 0 ? undefined : ms;
}

async function measurePopup(browser: ExtensionBrowser, server: ShopServer) {
  server.routes.set('flood.example.net', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(floodPage(ROWS));
  });
  const { page, tabId } = await browser.visit('http://flood.example.net/');
  await page.waitForFunction(() => document.title === 'done', undefined, { timeout: 60_000 });
  const runs: Record<string, number>[] = [];
  let count = '';
  const open = async () => {
    const popup = await browser.popup(tabId);
    await popup.waitForFunction(() => performance.getEntriesByName('popup-first-render').length > 0, undefined, { timeout: 30_000 });
    const timings = await popupTimings(popup);
    const inWorker = await workerMeasure(browser, 'borderline-tab-report');
    count ||= (await popup.getByTestId('log-count').textContent()) ?? '';
    await popup.close();
    return inWorker === undefined ? timings : { ...timings, 'worker: report built': inWorker };
  };
  for (let i = 0; i < OPENS; i++) runs.push(await open());
  // The same popup when the worker had stopped (idle for 30 s, as it is after a minute of reading a page): it starts,
  // reads the rows from IndexedDB and loads the IP table before it can answer.
  const cdp = await browser.context.newCDPSession(page);
  const statuses = await watchWorker(cdp, browser.extensionId);
  await until(() => statuses.length > 0);
  const cold: Record<string, number>[] = [];
  for (let i = 0; i < COLD_OPENS; i++) {
    await stopWorker(cdp, statuses);
    cold.push(await open());
  }
  await cdp.detach();
  await page.close();
  return { runs, count, tabId, cold };
}

/** The median of each mark and measure over the runs, in the order they happen. */
function printParts(runs: Record<string, number>[]) {
  const at = (k: string) => median(runs.map((r) => r[k]).filter((x): x is number => x !== undefined));
  const parts = [...new Set(runs.flatMap((r) => Object.keys(r)))].filter((k) => k !== 'popup-first-render').sort((a, b) => at(a) - at(b));
  for (const k of parts) console.log(`  ${k}: median ${r1(at(k))} ms`);
}

async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Stops the extension's worker over CDP and waits until `statuses` (from watchWorker) says it has stopped. */
async function stopWorker(cdp: CDPSession, statuses: string[]) {
  const before = statuses.length;
  await cdp.send('ServiceWorker.stopAllWorkers');
  await until(() => statuses.slice(before).includes('stopped') && statuses.at(-1) === 'stopped');
}

async function measureColdStart(browser: ExtensionBrowser) {
  // An idle extension page to send from: the settings page, loaded and settled before the worker stops.
  const sender = await browser.context.newPage();
  await sender.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await sender.waitForLoadState('load');
  await new Promise((r) => setTimeout(r, 500));
  const cdp = await browser.context.newCDPSession(sender);
  const statuses = await watchWorker(cdp, browser.extensionId);
  await until(() => statuses.length > 0);
  const roundTrip: number[] = [];
  const toReady: number[] = [];
  for (let i = 0; i < WAKES; i++) {
    await stopWorker(cdp, statuses);
    roundTrip.push(
      await sender.evaluate(async () => {
        const t0 = performance.now();
        const reply = await chrome.runtime.sendMessage({ type: 'getDatasetInfo' });
        if (!reply?.ok) throw new Error(`no answer: ${JSON.stringify(reply)}`);
        return performance.now() - t0;
      }),
    );
    // Playwright does not always announce the restarted worker; its figure is then left out (the count says so).
    for (const sw of browser.context.serviceWorkers()) {
      const ready = await Promise.race([
        sw.evaluate(() => performance.getEntriesByName('borderline-ready')[0]?.startTime ?? -1).catch(() => -1),
        new Promise<number>((r) => setTimeout(() => r(-1), 1_000)),
      ]);
      if (ready >= 0) toReady.push(ready);
      if (ready >= 0) break;
    }
  }
  await cdp.detach();
  await sender.close();
  return { roundTrip, toReady };
}

async function main() {
  const server = await startShopServer();
  const browser = await launchExtension({ port: server.port });
  const result: Record<string, unknown> = {};
  try {
    await warmUp(browser);
    if (!only || only === 'badge') {
      const { inWorker, outside } = await measureBadge(browser);
      console.log(line(`navigation → badge HIGH, in the worker (${LOADS} loads of http://www.temu.com/)`, inWorker));
      console.log(line('navigation → badge HIGH, from page.goto', outside));
      Object.assign(result, { badge_ms: summary(inWorker).median, badge_ms_range: [summary(inWorker).min, summary(inWorker).max], badge_goto_ms: summary(outside).median });
    }
    if (!only || only === 'popup') {
      const { runs, count, cold } = await measurePopup(browser, server);
      const first = runs.map((r) => r['popup-first-render']!);
      console.log(line(`popup first render, ${ROWS} rows ("${count}", ${OPENS} opens)`, first));
      printParts(runs);
      const coldFirst = cold.map((r) => r['popup-first-render']!);
      console.log(line(`popup first render, ${ROWS} rows, worker stopped before each open`, coldFirst));
      printParts(cold);
      Object.assign(result, {
        popup_rows: ROWS,
        popup_first_render_ms: summary(first).median,
        popup_first_render_ms_range: [summary(first).min, summary(first).max],
        popup_first_render_all_ms: first.map(r1),
        popup_cold_worker_ms: summary(coldFirst).median,
        popup_cold_worker_ms_range: [summary(coldFirst).min, summary(coldFirst).max],
      });
    }
    if (!only || only === 'cold') {
      const { roundTrip, toReady } = await measureColdStart(browser);
      console.log(line(`worker cold start, message → answer after ready (${WAKES} wakes)`, roundTrip));
      if (toReady.length) console.log(line('worker cold start, worker time origin → ready (in the worker)', toReady));
      Object.assign(result, { cold_start_ms: summary(roundTrip).median, cold_start_ms_range: [summary(roundTrip).min, summary(roundTrip).max], ...(toReady.length ? { worker_ready_ms: summary(toReady).median } : {}) });
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(copy, { recursive: true, force: true });
  }
  console.log(JSON.stringify(result));
}

await main();
