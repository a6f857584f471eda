// The page-load figure of `npm run measure` (and `npm run measure:page-load`): the `load` event of a page with 300
// subresources from 30 hosts (scripts/harness/page-load-site.ts) in separate Chromium profiles that take turns, load
// by load: no extension, the minimal observer (scripts/harness/minimal-observer: empty listeners on Borderline's
// events, the floor any request-observing extension pays) and Borderline. The figure is the page's own
// PerformanceNavigationTiming.loadEventStart (navigation start → load event), median of N loads per profile. All
// profiles run at once, so a load spike on the shared machine hits them alike; each load is followed by a short pause
// so the work an extension does after `load` (a log write) does not fall into another profile's load.
//
// The worker's CPU time for one load is read over the DevTools protocol: V8's sampling profiler on the service_worker
// target, from before a load until the worker has gone quiet after it (workerCpuPerLoad).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, chromiumArgs, type Chrome } from './harness/browser';
import { PAGE_LOAD_HOST, PAGE_LOAD_SUBRESOURCES } from './harness/page-load-site';
import { alternation } from './harness/stats';
import { attachWorker } from './harness/worker-probes';

declare const chrome: Chrome;

export const MINIMAL_OBSERVER_DIR = new URL('./harness/minimal-observer/', import.meta.url).pathname;

export interface Variant {
  /** Name in the output: none, minimal, borderline, baseline, minimal-without-<event>. */
  key: string;
  extensionDir?: string;
}

export interface Profile {
  variant: Variant;
  context: BrowserContext;
  page: Page;
  extensionId?: string;
  close(): Promise<void>;
}

/**
 * Pause after each load (ms), so an extension's post-load work (Borderline's log writes: up to ~0.5 s of worker time
 * on a busy machine) does not fall into the next profile's load.
 */
const SETTLE_MS = 800;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function launchProfile(port: number, variant: Variant): Promise<Profile> {
  const dir = mkdtempSync(join(tmpdir(), `borderline-page-load-${variant.key}-`));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, TZ: 'Europe/Berlin' },
    args: chromiumArgs(port, variant.extensionDir),
  });
  let extensionId: string | undefined;
  if (variant.extensionDir) {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    extensionId = new URL(sw.url()).host;
    // Borderline opens its welcome tab on install; it is closed so every profile has the one measuring tab.
    await sleep(1_000);
  }
  const page = await context.newPage();
  for (const other of context.pages()) if (other !== page) await other.close();
  return {
    variant,
    context,
    page,
    extensionId,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let run = 0;

/** One load of the page in the profile's tab: navigation start → load event, from the page's navigation entry. */
export async function loadOnce(p: Profile): Promise<number> {
  await p.page.goto('about:blank');
  await p.page.goto(`http://${PAGE_LOAD_HOST}/?run=${++run}`, { waitUntil: 'load', timeout: 120_000 });
  const { load, resources } = await p.page.evaluate(() => ({
    load: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart,
    resources: performance.getEntriesByType('resource').length,
  }));
  if (resources < PAGE_LOAD_SUBRESOURCES) throw new Error(`${p.variant.key}: the page loaded ${resources} of ${PAGE_LOAD_SUBRESOURCES} subresources`);
  await sleep(SETTLE_MS);
  return load;
}

/** `warmUp` untimed loads each, then `loads` timed rounds, the order of the profiles turning each round. */
export async function alternatingLoads(profiles: Profile[], loads: number, warmUp = 2): Promise<Map<string, number[]>> {
  for (const p of profiles) for (let i = 0; i < warmUp; i++) await loadOnce(p);
  const times = new Map(profiles.map((p) => [p.variant.key, [] as number[]]));
  for (const round of alternation(profiles, loads)) for (const p of round) times.get(p.variant.key)!.push(await loadOnce(p));
  return times;
}

export interface WorkerCpu {
  /** The worker thread busy (ms): every sample but "(idle)". */
  busy: number[];
  /** Of that, JavaScript and garbage collection: without "(program)", V8's name for native work outside JS. */
  script: number[];
  /** Self time (ms) by function over all the loads, most first. */
  hotspots: [string, number][];
}

/**
 * The extension worker's CPU time for each of `loads` loads, from V8's sampling profiler on the worker (the
 * Performance domain is not there on a service_worker target): started before the load, stopped once the worker has
 * been quiet for a moment after it, so its post-load work counts too. Sampling every 100 µs costs the worker a little
 * itself, so the figure is an upper bound.
 */
export async function workerCpuPerLoad(p: Profile, loads: number): Promise<WorkerCpu> {
  if (!p.extensionId) throw new Error(`${p.variant.key} has no extension`);
  const session = await attachWorker(p.context, p.extensionId);
  const out: WorkerCpu = { busy: [], script: [], hotspots: [] };
  const self = new Map<string, number>();
  try {
    await session.call('Profiler.enable');
    await session.call('Profiler.setSamplingInterval', { interval: 100 });
    for (let i = 0; i < loads; i++) {
      await session.call('Profiler.start');
      await loadOnce(p);
      await sleep(700);
      const { profile } = await session.call<{ profile: CpuProfile }>('Profiler.stop');
      const t = profileTimes(profile);
      out.busy.push(t.busy);
      out.script.push(t.script);
      for (const [fn, ms] of t.self) self.set(fn, (self.get(fn) ?? 0) + ms);
    }
    out.hotspots = [...self].sort((a, b) => b[1] - a[1]);
  } finally {
    await session.detach();
  }
  return out;
}

/** The parts of a DevTools CPU profile (Profiler.Profile) that time is read from. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url?: string; lineNumber?: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * Busy and script time (ms) of a CPU profile: each sample stands for the time until the next one (timeDeltas[i + 1]),
 * and is idle, "(program)" (native, outside JS) or script (JS frames and "(garbage collector)"). `self` is the busy
 * time by the function the sample was in ("name file:line", the file without its folder).
 */
export function profileTimes(profile: CpuProfile): { busy: number; script: number; self: Map<string, number> } {
  const frame = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let busy = 0;
  let script = 0;
  const self = new Map<string, number>();
  for (let i = 0; i < samples.length; i++) {
    const us = deltas[i + 1] ?? 0;
    const f = frame.get(samples[i]!);
    const fn = f?.functionName ?? '(unknown)';
    if (fn === '(idle)') continue;
    busy += us;
    if (fn !== '(program)') script += us;
    const file = f?.url ? ` ${f.url.split('/').pop()}:${(f.lineNumber ?? 0) + 1}` : '';
    const key = `${fn || '(anonymous)'}${file}`;
    self.set(key, (self.get(key) ?? 0) + us / 1000);
  }
  return { busy: busy / 1000, script: script / 1000, self };
}

/**
 * Borderline's badge on the measuring tab: a check that it did its work on the page (the known companies make it
 * non-empty), so a broken build does not pass for a fast one.
 */
export async function borderlineBadge(p: Profile): Promise<string> {
  const sw = p.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${p.extensionId}/`));
  if (!sw) throw new Error(`${p.variant.key}: no worker to ask`);
  return sw.evaluate(async (host) => {
    const [tab] = await chrome.tabs.query({ url: `http://${host}/*` });
    return tab?.id === undefined ? '' : chrome.action.getBadgeText({ tabId: tab.id });
  }, PAGE_LOAD_HOST);
}

/** Borderline's listeners as the minimal observer lists them (its EVENTS array, read from background.js). */
export function observerEvents(dir = MINIMAL_OBSERVER_DIR): string[] {
  const text = readFileSync(join(dir, 'background.js'), 'utf8');
  const list = /const EVENTS = \[([^\]]*)\]/.exec(text)?.[1];
  if (list === undefined) throw new Error(`no EVENTS list in ${dir}background.js`);
  return [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
}

/** A copy of the minimal observer in a temporary folder with `skip` left out; the caller removes the folder. */
export function observerWithout(skip: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'borderline-minimal-observer-'));
  cpSync(MINIMAL_OBSERVER_DIR, dir, { recursive: true });
  const file = join(dir, 'background.js');
  const text = readFileSync(file, 'utf8');
  if (!text.includes('const SKIP = [];')) throw new Error('background.js has no `const SKIP = [];` line to replace');
  writeFileSync(file, text.replace('const SKIP = [];', `const SKIP = ${JSON.stringify(skip)};`));
  return dir;
}
