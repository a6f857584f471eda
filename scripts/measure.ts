// Real-browser figures for the README's Performance section, in Chromium with the built extension (not a test: it
// asserts nothing, it prints). Usage (scripts/harness/measure-args.ts): npm run measure [-- --only
// badge|popup|cold|page-load] [--loads N] [--opens N] [--wakes N] [--cold-opens N] [--page-loads N]
// [--baseline <dir of another chrome-mv3 build>] [--listeners]; npm run measure:page-load is --only page-load.
//
//   navigation → badge   median of 20 loads of the Temu demo page in one tab. Measured from an extension page of
//                        Borderline's (not its worker, whose thread is busy with the load): from the main frame's
//                        webNavigation.onBeforeNavigate time stamp to the first moment chrome.action.getBadgeText
//                        for the tab returns HIGH (polled every 2 ms, so up to 2 ms late).
//                        The same load is also timed from outside (before page.goto to the worker seeing HIGH), and
//                        split at the main frame's onCommitted time stamp: navigation → commit is the browser's,
//                        commit → HIGH is Borderline's paint (and the poll's own getBadgeText round trip).
//   popup first render   median of 10 opens of the popup for a tab with 5,000 logged requests: the popup's own
//                        `popup-first-render` measure, navigation start (0) to the first paint with the answer
//                        (from the tab's summary in storage.session, or the report), which covers HTML, scripts,
//                        the reads and the render; with its parts. The popup is the toolbar popup, opened as a click
//                        opens it (DevTools' Extensions.triggerAction, harness/action-popup.ts), not popup.html in a
//                        tab, whose tab events woke a stopped worker during the render. Beside it, the floor: an
//                        extension page with one line of text (written into the run's copy of the build), made the
//                        toolbar popup for its opens and opened the same way, its first paint.
//   worker cold start    median of 10 wakes: the worker is stopped through the DevTools protocol
//                        (ServiceWorker.stopAllWorkers), then an extension page sends getDatasetInfo, which wakes it
//                        and is answered once the settings are loaded and it is known which dataset is in force
//                        (`configured`; the bundled dataset's file is read after that, and the log store and the tab
//                        states, which `ready` also waits for, come beside them). Timed in the page
//                        (message out → answer in) and inside the new worker
//                        (its time origin → the `borderline-ready` mark, with the boot's marks before it). Beside it,
//                        the floor: the minimal observer's worker, stopped and woken by the same message, wakes taking
//                        turns. Then as many wakes by a page load (the Temu demo page in a new tab), time origin →
//                        ready: what a page that wakes the worker waits for before its requests are matched.
//   popup, cold worker   the same popup, median of 10 opens each right after the worker was stopped over CDP.
//   page load            scripts/page-load.ts: median `load` event of 21 loads of a 300-request page from 30 hosts
//                        without an extension, with the minimal observer (scripts/harness/minimal-observer) and with
//                        Borderline, the three profiles taking turns; then Borderline's worker CPU time per load.
//                        --listeners adds minimal observers with one listener (or group) left out, for each one's
//                        share of the floor.
// --baseline DIR (with --only popup, cold or page-load) runs another build beside this one in the same run, the opens,
// wakes or loads alternating, and prints both medians and the ratio: a change is compared with its baseline under the same
// load, never across runs.
// The last line is one JSON object with every figure: popup_warm_ms, popup_cold_ms, worker_cold_ms, badge_ms,
// page_load_ratio (Borderline / no extension), page_load_vs_minimal, worker_cpu_ms_per_load, each median with its
// _range where it has one.
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CDPSession, Page, Worker } from 'playwright-core';
import { actionPopupArgs, connectActionPopups, freePort, waitInPopup, type ActionPopups, type PopupPage } from './harness/action-popup';
import { launchExtension, warmUp, type ExtensionBrowser, type Chrome } from './harness/browser';
import { parseMeasureArgs, type MeasureArgs } from './harness/measure-args';
import { floodPage, startShopServer, type ShopServer } from './harness/shop-server';
import { alternation, median, r1, ratio, summary } from './harness/stats';
import { watchWorker } from './harness/worker-probes';
import { alternatingLoads, borderlineBadge, launchProfile, MINIMAL_OBSERVER_DIR, observerWithout, workerCpuPerLoad, type Profile, type Variant, type WorkerCpu } from './page-load';

let parsed: MeasureArgs;
try {
  parsed = parseMeasureArgs(process.argv.slice(2));
} catch (e) {
  console.error(`measure: ${(e as Error).message}`);
  process.exit(2);
}
const { only, loads: LOADS, opens: OPENS, wakes: WAKES, coldOpens: COLD_OPENS, pageLoads: PAGE_LOADS } = parsed;
const ROWS = 5_000;

// The run uses private copies of the builds: a rebuild in the checkout during the run must not swap files under it.
const copyBuild = (dir: string, label: string) => {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No build at ${dir}${label === 'build' ? ': run npm run build' : ''}`);
  const copy = mkdtempSync(join(tmpdir(), `borderline-measure-${label}-`));
  cpSync(dir, copy, { recursive: true });
  return copy;
};
const copy = copyBuild('.output/chrome-mv3', 'build');

/**
 * The floor of a popup figure: an extension page with one line of text and nothing else, opened the same way. It is
 * written into the run's private copy only (the extension never ships it), so the popup's own share is the popup's
 * figure minus this page's first paint, measured in the same run, opens alternating.
 */
const FLOOR_PAGE = 'measure-floor.html';
/** The floor page, into a copy of a build; a baseline's copy gets it too, as its popup's controller page. */
function writeFloorPage(dir: string): string {
  writeFileSync(
    join(dir, FLOOR_PAGE),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title><script type="module" src="/measure-floor.js"></script></head><body><p id="app"></p></body></html>',
  );
  writeFileSync(join(dir, 'measure-floor.js'), "performance.mark('popup-script');\ndocument.getElementById('app').textContent = 'Borderline';\n");
  return dir;
}
writeFloorPage(copy);
const baselineCopy = parsed.baseline === undefined ? undefined : writeFloorPage(copyBuild(resolve(parsed.baseline), 'baseline'));

declare const chrome: Chrome;

const line = (label: string, xs: number[]) => {
  const s = summary(xs);
  return `${label}: median ${s.median} ms (min ${s.min}, max ${s.max}; n=${xs.length})`;
};
/** A median and its range as the JSON line has them: `name` and `name_range`. */
const field = (name: string, xs: number[]) => {
  const s = summary(xs);
  return { [name]: s.median, [`${name}_range`]: [s.min, s.max] };
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

type NavEvent = { tabId: number; frameId: number; url: string; timeStamp: number };
type NavProbe = { navStart?: number; committedAt?: number; navSeen?: number };
/** Where the probe runs: an extension page of Borderline's (evaluate as Playwright's Page has it). */
type ProbePage = Pick<Page, 'evaluate'>;

/**
 * Puts listeners for the tab's navigations into the probe page and returns once the browser delivers to them. A
 * listener added at run time is registered with the browser a moment later, and a navigation sent in between never
 * reaches it (the run then stopped with "no navigation seen on tab").
 */
async function installNavProbe(probe: ProbePage, page: Page, tabId: number) {
  await probe.evaluate((id) => {
    const g = globalThis as unknown as NavProbe;
    g.navSeen = 0;
    chrome.webNavigation.onBeforeNavigate.addListener((d: NavEvent) => {
      if (d.tabId !== id || d.frameId !== 0) return;
      g.navSeen! += 1;
      if (g.navStart === undefined && d.url.startsWith('http://www.temu.com/')) g.navStart = d.timeStamp;
    });
    // The commit splits the figure: Chrome clears a tab's badge when a navigation commits, so no paint before it lasts.
    chrome.webNavigation.onCommitted.addListener((d: NavEvent) => {
      if (d.tabId === id && d.frameId === 0 && g.committedAt === undefined && d.url.startsWith('http://www.temu.com/')) g.committedAt = d.timeStamp;
    });
  }, tabId);
  for (let attempt = 0; attempt < 50; attempt++) {
    await page.goto('about:blank');
    if (await probe.evaluate(() => ((globalThis as unknown as NavProbe).navSeen ?? 0) > 0)) return;
  }
  throw new Error(`the probe page hears no navigation of tab ${tabId}`);
}

/** One browser's side of the badge figure: its probe page, the tab that loads the shop, and what was measured. */
interface BadgeSubject {
  probe: Page;
  page: Page;
  tabId: number;
  total: number[];
  outside: number[];
  toCommit: number[];
  afterCommit: number[];
}

async function prepareBadge(browser: ExtensionBrowser, probePage: string): Promise<BadgeSubject> {
  const probe = await newTab(browser);
  await probe.goto(`chrome-extension://${browser.extensionId}/${probePage}`);
  // One tab for every load (opening and closing a tab per load makes headless Chromium drop the window now and
  // then): it goes back to about:blank and its badge is cleared before each load.
  const page = await newTab(browser);
  await page.goto('about:blank');
  const tabId = await blankTabId(await browser.worker());
  await installNavProbe(probe, page, tabId);
  return { probe, page, tabId, total: [], outside: [], toCommit: [], afterCommit: [] };
}

/**
 * One load of the shop, navigation → badge, timed from an extension page (the run's floor page) rather than from
 * inside the worker: a poll on the worker's thread waits for the worker's own work after the commit (its
 * getBadgeText answers came 6–12 ms late there), so it measured Borderline's busy thread as well as the badge, and its
 * listeners were extra work in the worker being measured.
 */
async function badgeLoad(s: BadgeSubject) {
  const { probe, page, tabId } = s;
  await page.goto('about:blank');
  await probe.evaluate((id) => chrome.action.setBadgeText({ tabId: id, text: '' }), tabId);
  // Only the navigation to the shop sets these, so a late event of the about:blank navigation cannot.
  await probe.evaluate(() => {
    const g = globalThis as unknown as NavProbe;
    g.navStart = g.committedAt = undefined;
  });
  // The poll runs while the page loads.
  const seen = probe.evaluate(async (id) => {
    const g = globalThis as unknown as NavProbe;
    const end = Date.now() + 10_000;
    while (Date.now() < end) {
      if ((await chrome.action.getBadgeText({ tabId: id })) === 'HIGH') {
        const now = Date.now();
        if (g.navStart === undefined) throw new Error(`no navigation seen on tab ${id}`);
        return { now, navStart: g.navStart, committedAt: g.committedAt };
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    throw new Error(`no HIGH badge on tab ${id}`);
  }, tabId);
  const start = Date.now();
  await page.goto('http://www.temu.com/', { waitUntil: 'commit' });
  const { now, navStart, committedAt } = await seen;
  s.total.push(now - navStart);
  s.outside.push(now - start);
  // A commit event still on its way when HIGH is seen leaves that load out of these two (the counts say so).
  if (committedAt !== undefined) {
    s.toCommit.push(committedAt - navStart);
    s.afterCommit.push(now - committedAt);
  }
}

/**
 * The badge's floor: the minimal observer with one more thing, on each top-level commit the same three calls
 * Borderline's badge makes (text HIGH, colour, title) with nothing worked out first: what painting a badge after
 * Chrome cleared it costs any extension. Written into a private copy with a probe page of its own.
 */
function badgeFloorCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'borderline-measure-badge-floor-'));
  cpSync(MINIMAL_OBSERVER_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, action: { default_title: 'floor' } }));
  appendFileSync(
    join(dir, 'background.js'),
    `\nchrome.webNavigation.onCommitted.addListener((d) => {
  if (d.frameId !== 0 || !d.url.startsWith('http://www.temu.com/')) return;
  void chrome.action.setBadgeText({ tabId: d.tabId, text: 'HIGH' });
  void chrome.action.setBadgeBackgroundColor({ tabId: d.tabId, color: '#B3261E' });
  void chrome.action.setTitle({ tabId: d.tabId, title: 'floor' });
});\n`,
  );
  writeFileSync(join(dir, 'probe.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>probe</title></head><body></body></html>');
  return dir;
}

async function measureBadge(browser: ExtensionBrowser, server: ShopServer) {
  const floorDir = badgeFloorCopy();
  const floorBrowser = await launchExtension({ port: server.port, extensionDir: floorDir, welcomeTab: false });
  try {
    await warmUp(floorBrowser);
    const mine = await prepareBadge(browser, FLOOR_PAGE);
    const floor = await prepareBadge(floorBrowser, 'probe.html');
    for (const round of alternation([mine, floor], LOADS)) for (const s of round) await badgeLoad(s);
    return { mine, floor };
  } finally {
    await floorBrowser.close();
    rmSync(floorDir, { recursive: true, force: true });
  }
}

/** Performance measures and marks a popup leaves behind, by name (ms from the popup's navigation start). */
function collectPopupTimings(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of performance.getEntriesByType('mark')) out[e.name] = e.startTime;
  for (const e of performance.getEntriesByType('measure')) out[e.name] = e.duration;
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (nav) {
    out['html: response end'] = nav.responseEnd;
    out['dom interactive'] = nav.domInteractive;
    out['dom-content-loaded'] = nav.domContentLoadedEventEnd;
  }
  // The last script the page fetched: how much of the time before popup-script is fetching and how much evaluating.
  const scripts = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js'));
  if (scripts.length) out[`scripts fetched (${scripts.length})`] = Math.max(...scripts.map((e) => (e as PerformanceResourceTiming).responseEnd));
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  if (paint) out['first-contentful-paint'] = paint.startTime;
  return out;
}

/** The worker's latest performance measure of that name, when Playwright can reach the worker. */
async function workerMeasure(browser: ExtensionBrowser, name: string): Promise<number | undefined> {
  const sw = browser.context.serviceWorkers()[0];
  const ms = await sw?.evaluate((n) => performance.getEntriesByName(n, 'measure').at(-1)?.duration ?? -1, name).catch(() => -1);
  return ms === undefined || ms < 0 ? undefined : ms;
}

/** A browser with a tab of ROWS logged requests, ready to open its popup warm or after stopping the worker. */
interface PopupSubject {
  label: string;
  browser: ExtensionBrowser;
  page: Page;
  tabId: number;
  cdp: CDPSession;
  statuses: string[];
  count: string;
  popups: ActionPopups;
  /** An extension page of the build's, kept open: it switches the toolbar popup to the floor page and back. */
  controller: Page;
}

const FLOOD_URL = 'http://flood.example.net/';

async function preparePopup(label: string, browser: ExtensionBrowser, server: ShopServer): Promise<PopupSubject> {
  server.routes.set('flood.example.net', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(floodPage(ROWS));
  });
  const controller = await newTab(browser);
  await controller.goto(`chrome-extension://${browser.extensionId}/${FLOOR_PAGE}`);
  const { page, tabId } = await browser.visit(FLOOD_URL);
  await page.waitForFunction(() => document.title === 'done', undefined, { timeout: 60_000 });
  const cdp = await browser.context.newCDPSession(page);
  const statuses = await watchWorker(cdp, browser.extensionId);
  await until(() => statuses.length > 0);
  const popups = await connectActionPopups(debugPorts.get(browser)!, browser.extensionId);
  return { label, browser, page, tabId, cdp, statuses, count: '', popups, controller };
}

/** The flood tab in front, its toolbar button clicked: the popup a user gets. */
async function clickAction(s: PopupSubject): Promise<PopupPage> {
  await s.page.bringToFront();
  return s.popups.open(FLOOD_URL);
}

/**
 * One open of the floor page as the toolbar popup (the controller page switches the popup to it and back, which
 * wakes no worker): its marks, with its first paint as its `popup-first-render`.
 */
async function openFloor(s: PopupSubject): Promise<Record<string, number>> {
  await s.controller.evaluate((floor) => chrome.action.setPopup({ popup: floor }), FLOOR_PAGE);
  try {
    const popup = await clickAction(s);
    await waitInPopup(popup, () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
    const timings = await popup.evaluate(collectPopupTimings);
    await popup.close();
    return { ...timings, 'popup-first-render': timings['first-contentful-paint']! };
  } finally {
    await s.controller.evaluate(() => chrome.action.setPopup({ popup: 'popup.html' }));
  }
}

/** One popup open: its marks and measures, and the worker's time to build the report when Playwright can reach it. */
async function openPopup(s: PopupSubject): Promise<Record<string, number>> {
  const popup = await clickAction(s);
  await waitInPopup(popup, () => performance.getEntriesByName('popup-first-render')[0]?.duration);
  const timings = await popup.evaluate(collectPopupTimings);
  s.count ||= await waitInPopup(popup, () => document.querySelector('[data-testid="log-count"]')?.textContent);
  const inWorker = await workerMeasure(s.browser, 'borderline-tab-report');
  await popup.close();
  return inWorker === undefined ? timings : { ...timings, 'worker: report built': inWorker };
}

/**
 * OPENS warm opens, then COLD_OPENS opens each right after the worker was stopped (idle for 30 s, as it is after a
 * minute of reading a page: it starts, reads the rows from IndexedDB and loads the IP table before it can answer).
 * With several subjects the opens take turns (alternation), so a load spike on the machine hits both sides.
 */
async function measurePopup(subjects: PopupSubject[]) {
  const warm = new Map(subjects.map((s) => [s, [] as Record<string, number>[]]));
  const cold = new Map(subjects.map((s) => [s, [] as Record<string, number>[]]));
  // The floor page opens in this build's browser, each time right after its popup (after a stop of its own when cold).
  const floorWarm: Record<string, number>[] = [];
  const floorCold: Record<string, number>[] = [];
  const [first] = subjects;
  for (const round of alternation(subjects, OPENS))
    for (const s of round) {
      warm.get(s)!.push(await openPopup(s));
      if (s === first) floorWarm.push(await openFloor(s));
    }
  for (const round of alternation(subjects, COLD_OPENS))
    for (const s of round) {
      await stopWorker(s.cdp, s.statuses);
      cold.get(s)!.push(await openPopup(s));
      if (s !== first) continue;
      await stopWorker(s.cdp, s.statuses);
      floorCold.push(await openFloor(s));
    }
  for (const s of subjects) {
    await s.cdp.detach();
    await s.popups.disconnect();
    await s.page.close();
    await s.controller.close();
  }
  return { floorWarm, floorCold, measured: subjects.map((s) => ({ subject: s, warm: warm.get(s)!, cold: cold.get(s)! })) };
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
  // A worker still busy with a page's requests can outlive one stop request: ask again, up to five times.
  for (let attempt = 1; ; attempt++) {
    const before = statuses.length;
    await cdp.send('ServiceWorker.stopAllWorkers');
    try {
      return await until(() => statuses.slice(before).includes('stopped') && statuses.at(-1) === 'stopped', 2_000);
    } catch (e) {
      if (attempt === 5) throw e;
    }
  }
}

/** What the new worker's marks said, wake by wake: its time origin → ready, and all its boot marks. */
interface BootTimes {
  toReady: number[];
  bootMarks: Record<string, number>[];
}

/** An extension page to wake the worker from, and a view of the worker's status. */
interface ColdSubject extends BootTimes {
  browser: ExtensionBrowser;
  sender: Page;
  cdp: CDPSession;
  statuses: string[];
  roundTrip: number[];
  /** The same for wakes by a page load instead of a message. */
  byPage: BootTimes;
}

async function prepareCold(browser: ExtensionBrowser, page = 'options.html'): Promise<ColdSubject> {
  // An idle extension page to send from (Borderline's settings page), loaded and settled before the worker stops.
  const sender = await browser.context.newPage();
  await sender.goto(`chrome-extension://${browser.extensionId}/${page}`);
  await sender.waitForLoadState('load');
  await new Promise((r) => setTimeout(r, 500));
  const cdp = await browser.context.newCDPSession(sender);
  const statuses = await watchWorker(cdp, browser.extensionId);
  await until(() => statuses.length > 0);
  return { browser, sender, cdp, statuses, roundTrip: [], toReady: [], bootMarks: [], byPage: { toReady: [], bootMarks: [] } };
}

/**
 * One wake: stop the worker, send getDatasetInfo, time the answer, and read the new worker's boot marks. The floor's
 * worker answers nothing: its time is that of the message reaching an empty listener and the call returning.
 */
async function wake(s: ColdSubject, floor = false) {
  await stopWorker(s.cdp, s.statuses);
  s.roundTrip.push(
    await s.sender.evaluate(async (answerless) => {
      const t0 = performance.now();
      const reply = await chrome.runtime.sendMessage({ type: 'getDatasetInfo' });
      if (!answerless && !reply?.ok) throw new Error(`no answer: ${JSON.stringify(reply)}`);
      return performance.now() - t0;
    }, floor),
  );
  if (floor) return;
  await readBootMarks(s, s);
}

/**
 * One wake by a page load: stop the worker, load the Temu demo page in a tab, whose navigation and requests wake it,
 * and read the new worker's boot marks. Its requests wait for the dataset, so this is the wake where reading the
 * bundled file is on the critical path (README, Performance).
 */
async function wakeByPage(s: ColdSubject) {
  await stopWorker(s.cdp, s.statuses);
  const tab = await s.browser.context.newPage();
  await tab.goto('http://www.temu.com/', { waitUntil: 'commit' });
  await readBootMarks(s, s.byPage);
  await tab.close();
}

async function readBootMarks(s: ColdSubject, into: BootTimes) {
  // Playwright does not always announce the restarted worker; its figure is then left out (the count says so).
  for (const sw of s.browser.context.serviceWorkers()) {
    const marks = await Promise.race([
      // `ready` can come after the answer (the bundled dataset is read once the answer is on its way): wait for it.
      sw
        .evaluate(async () => {
          for (let i = 0; i < 200 && !performance.getEntriesByName('borderline-ready').length; i++) await new Promise((r) => setTimeout(r, 5));
          return Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('borderline-')).map((m) => [m.name, m.startTime]));
        })
        .catch(() => undefined),
      new Promise<undefined>((r) => setTimeout(() => r(undefined), 2_000)),
    ]);
    const ready = marks?.['borderline-ready'];
    if (ready === undefined) continue;
    into.toReady.push(ready);
    into.bootMarks.push(marks!);
    break;
  }
}

/** WAKES wakes of each subject, taking turns (this build, the floor, and a baseline if there is one). */
async function measureColdStart(subjects: ColdSubject[], floor: ColdSubject) {
  for (const round of alternation(subjects, WAKES)) for (const s of round) await wake(s, s === floor);
  for (const round of alternation(subjects.filter((s) => s !== floor), WAKES)) for (const s of round) await wakeByPage(s);
  for (const s of subjects) {
    await s.cdp.detach();
    await s.sender.close();
  }
}

/**
 * The floor of a cold start: the minimal observer (every listener empty, no dataset, no database), with a blank page
 * of its own to send from, written into a private copy. Its worker is stopped and woken the same way.
 */
function floorObserverCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'borderline-measure-floor-'));
  cpSync(MINIMAL_OBSERVER_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'sender.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>sender</title></head><body></body></html>');
  return dir;
}

async function coldFigures(browser: ExtensionBrowser, server: ShopServer, result: Record<string, unknown>) {
  const subjects = [await prepareCold(browser)];
  const floorDir = floorObserverCopy();
  const floorBrowser = await launchExtension({ port: server.port, extensionDir: floorDir, welcomeTab: false });
  const floor = await prepareCold(floorBrowser, 'sender.html');
  subjects.push(floor);
  let baseline: ExtensionBrowser | undefined;
  if (baselineCopy) {
    baseline = await launchExtension({ port: server.port, extensionDir: baselineCopy });
    await warmUp(baseline);
    subjects.push(await prepareCold(baseline));
  }
  try {
    await measureColdStart(subjects, floor);
    const [mine, , base] = subjects as [ColdSubject, ColdSubject, ColdSubject | undefined];
    console.log(line(`worker cold start, floor (the minimal observer's worker, woken by the same message; ${WAKES} wakes)`, floor.roundTrip));
    Object.assign(result, field('worker_cold_floor_ms', floor.roundTrip));
    for (const [label, s] of [['this build', mine], ...(base ? [[`baseline ${parsed.baseline}`, base] as const] : [])] as const) {
      console.log(line(`worker cold start, ${label}, getDatasetInfo sent → answered (${WAKES} wakes)`, s.roundTrip));
      if (s.toReady.length) console.log(line(`worker cold start, ${label}, worker time origin → ready (in the worker)`, s.toReady));
      printParts(s.bootMarks);
      if (s.byPage.toReady.length) console.log(line(`worker cold start, ${label}, woken by a page load: worker time origin → ready (${WAKES} wakes)`, s.byPage.toReady));
      printParts(s.byPage.bootMarks);
    }
    Object.assign(result, {
      ...field('worker_cold_ms', mine.roundTrip),
      ...(mine.toReady.length ? { worker_ready_ms: summary(mine.toReady).median } : {}),
      ...(mine.byPage.toReady.length ? { worker_ready_by_page_ms: summary(mine.byPage.toReady).median } : {}),
    });
    if (base) {
      const vs = ratio(median(mine.roundTrip), median(base.roundTrip));
      const byPage = mine.byPage.toReady.length && base.byPage.toReady.length ? ratio(median(mine.byPage.toReady), median(base.byPage.toReady)) : undefined;
      console.log(`this build / baseline: cold start ${vs}×${byPage === undefined ? '' : `, woken by a page load → ready ${byPage}×`}`);
      Object.assign(result, { ...field('baseline_worker_cold_ms', base.roundTrip), worker_cold_vs_baseline: vs, ...(byPage === undefined ? {} : { worker_ready_by_page_vs_baseline: byPage }) });
    }
  } finally {
    await baseline?.close();
    await floorBrowser.close();
    rmSync(floorDir, { recursive: true, force: true });
  }
}

const firstRender = (runs: Record<string, number>[]) => runs.map((r) => r['popup-first-render']!);

async function popupFigures(browser: ExtensionBrowser, server: ShopServer, result: Record<string, unknown>) {
  const subjects = [await preparePopup('this build', browser, server)];
  let baseline: ExtensionBrowser | undefined;
  if (baselineCopy) {
    baseline = await launchMeasured(server, baselineCopy);
    await warmUp(baseline);
    subjects.push(await preparePopup(`baseline ${parsed.baseline}`, baseline, server));
  }
  try {
    const { floorWarm, floorCold, measured } = await measurePopup(subjects);
    console.log(line(`floor: an extension page with one line of text, opened the same way, first paint (${OPENS} opens, worker running)`, firstRender(floorWarm)));
    printParts(floorWarm);
    console.log(line(`floor, worker stopped before each of ${COLD_OPENS} opens`, firstRender(floorCold)));
    printParts(floorCold);
    for (const { subject, warm, cold } of measured) {
      console.log(line(`popup first render, ${subject.label}, ${ROWS} rows ("${subject.count}", ${OPENS} opens, worker running)`, firstRender(warm)));
      printParts(warm);
      console.log(line(`popup first render, ${subject.label}, ${ROWS} rows, worker stopped before each of ${COLD_OPENS} opens`, firstRender(cold)));
      printParts(cold);
    }
    const [mine, base] = measured;
    Object.assign(result, {
      popup_rows: ROWS,
      ...field('popup_warm_ms', firstRender(mine!.warm)),
      popup_warm_all_ms: firstRender(mine!.warm).map(r1),
      ...field('popup_cold_ms', firstRender(mine!.cold)),
      popup_cold_all_ms: firstRender(mine!.cold).map(r1),
      ...field('popup_floor_warm_ms', firstRender(floorWarm)),
      ...field('popup_floor_cold_ms', firstRender(floorCold)),
    });
    console.log(
      `popup over the floor: worker running +${r1(median(firstRender(mine!.warm)) - median(firstRender(floorWarm)))} ms, worker stopped +${r1(median(firstRender(mine!.cold)) - median(firstRender(floorCold)))} ms`,
    );
    if (base) {
      const ratios = {
        popup_warm_vs_baseline: ratio(median(firstRender(mine!.warm)), median(firstRender(base.warm))),
        popup_cold_vs_baseline: ratio(median(firstRender(mine!.cold)), median(firstRender(base.cold))),
      };
      console.log(`this build / baseline: worker running ${ratios.popup_warm_vs_baseline}×, worker stopped ${ratios.popup_cold_vs_baseline}×`);
      Object.assign(result, { ...field('baseline_popup_warm_ms', firstRender(base.warm)), ...field('baseline_popup_cold_ms', firstRender(base.cold)), ...ratios });
    }
  } finally {
    await baseline?.close();
  }
}

/** The minimal observer's listeners left out one at a time, and the groups that only matter together. */
const LISTENER_GROUPS: Record<string, string[]> = {
  'webRequest.onBeforeRequest': ['webRequest.onBeforeRequest'],
  'webRequest.onResponseStarted': ['webRequest.onResponseStarted'],
  'webRequest.onErrorOccurred': ['webRequest.onErrorOccurred'],
  'webRequest.*': ['webRequest.onBeforeRequest', 'webRequest.onResponseStarted', 'webRequest.onErrorOccurred'],
  'webNavigation.onCommitted': ['webNavigation.onCommitted'],
  'webNavigation.onErrorOccurred': ['webNavigation.onErrorOccurred'],
  'tabs.*': ['tabs.onUpdated', 'tabs.onCreated', 'tabs.onRemoved', 'tabs.onReplaced'],
  'runtime.* and alarms': ['runtime.onInstalled', 'runtime.onMessage', 'alarms.onAlarm'],
};

async function withProfiles<T>(port: number, variants: Variant[], body: (profiles: Profile[]) => Promise<T>): Promise<T> {
  const profiles: Profile[] = [];
  try {
    for (const v of variants) profiles.push(await launchProfile(port, v));
    return await body(profiles);
  } finally {
    for (const p of profiles) await p.close();
  }
}

const CPU_LOADS = 5;

async function pageLoadFigures(server: ShopServer, result: Record<string, unknown>) {
  const variants: Variant[] = [{ key: 'none' }, { key: 'minimal', extensionDir: MINIMAL_OBSERVER_DIR }, { key: 'borderline', extensionDir: copy }];
  if (baselineCopy) variants.push({ key: 'baseline', extensionDir: baselineCopy });
  await withProfiles(server.port, variants, async (profiles) => {
    const times = await alternatingLoads(profiles, PAGE_LOADS);
    const at = (key: string) => median(times.get(key)!);
    for (const [key, xs] of times) console.log(line(`page load, ${key} (${PAGE_LOADS} loads of the 300-request page, navigation start → load)`, xs));
    const ratios = {
      page_load_ratio: ratio(at('borderline'), at('none')),
      page_load_vs_minimal: ratio(at('borderline'), at('minimal')),
      page_load_minimal_ratio: ratio(at('minimal'), at('none')),
      ...(baselineCopy ? { page_load_vs_baseline: ratio(at('borderline'), at('baseline')) } : {}),
    };
    console.log(`Borderline / no extension ${ratios.page_load_ratio}×, / minimal observer ${ratios.page_load_vs_minimal}×; minimal observer / no extension ${ratios.page_load_minimal_ratio}×${baselineCopy ? `; this build / baseline ${ratios.page_load_vs_baseline}×` : ''}`);
    for (const p of profiles.filter((x) => x.extensionId && x.variant.key !== 'minimal')) {
      const badge = await borderlineBadge(p);
      if (!badge) throw new Error(`${p.variant.key}: no badge on the page after its loads; did the build work?`);
      console.log(`${p.variant.key}: badge "${badge}" on the page`);
    }
    for (const [key, xs] of times) Object.assign(result, field(`page_load_${key}_ms`, xs));
    Object.assign(result, ratios);
    // CPU time per load, read with DevTools attached to the worker (which keeps it running): after the timed loads.
    const cpu = new Map<string, WorkerCpu>();
    for (const p of profiles.filter((x) => x.extensionId)) cpu.set(p.variant.key, await workerCpuPerLoad(p, CPU_LOADS));
    for (const [key, c] of cpu) {
      console.log(line(`worker CPU time per load, ${key} (${CPU_LOADS} loads; script ${r1(median(c.script))} ms)`, c.busy));
      for (const [fn, ms] of c.hotspots.slice(0, 12)) console.log(`  ${fn}: ${r1(ms / CPU_LOADS)} ms a load (self)`);
    }
    const b = cpu.get('borderline')!;
    Object.assign(result, {
      ...field('worker_cpu_ms_per_load', b.busy),
      worker_script_ms_per_load: r1(median(b.script)),
      minimal_worker_cpu_ms_per_load: r1(median(cpu.get('minimal')!.busy)),
      ...(cpu.has('baseline') ? { baseline_worker_cpu_ms_per_load: r1(median(cpu.get('baseline')!.busy)) } : {}),
    });
  });
  if (parsed.listeners) await listenerFigures(server, result);
}

/**
 * Each listener's share of the floor: (minimal − minimal without it) / (minimal − no extension), from one more
 * alternating run of no extension, the full minimal observer and one observer per group left out.
 */
async function listenerFigures(server: ShopServer, result: Record<string, unknown>) {
  const dirs = Object.entries(LISTENER_GROUPS).map(([name, skip]) => ({ name, dir: observerWithout(skip) }));
  const variants: Variant[] = [{ key: 'none' }, { key: 'minimal', extensionDir: MINIMAL_OBSERVER_DIR }, ...dirs.map((d) => ({ key: `without ${d.name}`, extensionDir: d.dir }))];
  try {
    await withProfiles(server.port, variants, async (profiles) => {
      const times = await alternatingLoads(profiles, PAGE_LOADS);
      const at = (key: string) => median(times.get(key)!);
      const floor = at('minimal') - at('none');
      const shares: Record<string, { median_ms: number; share: number }> = {};
      for (const [key, xs] of times) console.log(line(`page load, ${key}`, xs));
      for (const { name } of dirs) {
        const without = at(`without ${name}`);
        shares[name] = { median_ms: r1(without), share: floor > 0 ? Math.round(((at('minimal') - without) / floor) * 100) / 100 : NaN };
        console.log(`  ${name}: ${shares[name].share} of the floor (${r1(floor)} ms)`);
      }
      Object.assign(result, { listeners_floor_ms: r1(floor), listeners_none_ms: r1(at('none')), listeners_minimal_ms: r1(at('minimal')), listener_share: shares });
    });
  } finally {
    for (const d of dirs) rmSync(d.dir, { recursive: true, force: true });
  }
}

async function main() {
  const server = await startShopServer();
  const result: Record<string, unknown> = {};
  try {
    if (only !== 'page-load') await extensionFigures(server, result);
    if (!only || only === 'page-load') await pageLoadFigures(server, result);
  } finally {
    await server.close();
    rmSync(copy, { recursive: true, force: true });
    if (baselineCopy) rmSync(baselineCopy, { recursive: true, force: true });
  }
  console.log(JSON.stringify(result));
}

/** The badge, popup and cold-start figures, in one browser with Borderline. */
/** Each measured browser's DevTools port, for its toolbar popups (harness/action-popup.ts). */
const debugPorts = new Map<ExtensionBrowser, number>();

async function launchMeasured(server: ShopServer, extensionDir: string): Promise<ExtensionBrowser> {
  const port = await freePort();
  const browser = await launchExtension({ port: server.port, extensionDir, args: actionPopupArgs(port) });
  debugPorts.set(browser, port);
  return browser;
}

async function extensionFigures(server: ShopServer, result: Record<string, unknown>) {
  // The copy, named here: harness/browser.ts reads BORDERLINE_EXTENSION_DIR when it is first imported, which
  // page-load.ts does before this file's body runs, so setting it here would come too late.
  const browser = await launchMeasured(server, copy);
  try {
    await warmUp(browser);
    if (!only || only === 'badge') {
      const { mine, floor } = await measureBadge(browser, server);
      console.log(line(`navigation → badge HIGH, seen from an extension page (${LOADS} loads of http://www.temu.com/)`, mine.total));
      console.log(line('  of which navigation → commit (the browser)', mine.toCommit));
      console.log(line('  and commit → badge HIGH (Borderline, after Chrome cleared the badge)', mine.afterCommit));
      console.log(line('navigation → badge HIGH, from page.goto', mine.outside));
      console.log(line(`floor: an extension that paints HIGH on each commit (${LOADS} loads, taking turns)`, floor.total));
      console.log(line('  of which navigation → commit', floor.toCommit));
      console.log(line('  and commit → badge HIGH', floor.afterCommit));
      Object.assign(result, {
        ...field('badge_ms', mine.total),
        badge_goto_ms: summary(mine.outside).median,
        ...(mine.toCommit.length ? { badge_commit_ms: summary(mine.toCommit).median, badge_after_commit_ms: summary(mine.afterCommit).median } : {}),
        ...field('badge_floor_ms', floor.total),
        ...(floor.toCommit.length ? { badge_floor_after_commit_ms: summary(floor.afterCommit).median } : {}),
      });
    }
    if (!only || only === 'popup') await popupFigures(browser, server, result);
    if (!only || only === 'cold') await coldFigures(browser, server, result);
  } finally {
    await browser.close();
  }
}

await main();
