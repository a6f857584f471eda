// Real Chromium with the built extension, for the end-to-end tests, `npm run demo` and `npm run measure`. Missing
// Chromium or a missing build is an error, never a skip. CHROMIUM_PATH points at a Chromium outside Debian's path.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { browser } from 'wxt/browser';

// Code passed to worker.evaluate runs inside the extension's service worker, where `chrome` exists: the same API as
// WXT's `browser`, so its types fit.
export type Chrome = typeof browser;
declare const chrome: Chrome;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
/** A copy of the build can be used instead, so a long run is not disturbed by someone else rebuilding. */
const EXTENSION_DIR = process.env.BORDERLINE_EXTENSION_DIR ?? '.output/chrome-mv3';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: () => Promise<Worker>;
  /** Navigates a fresh tab and returns it with its browser tab id. */
  visit(url: string): Promise<{ page: Page; tabId: number }>;
  badge(tabId: number): Promise<{ text: string; title: string }>;
  popup(tabId: number): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  port: number;
  args?: string[];
  locale?: string;
  /**
   * An IANA zone for the browser process (its TZ), as a user's system sets it: the first-run guess of where the user
   * lives reads it. Europe/Berlin unless given, so a run does not depend on the machine's zone.
   */
  timezone?: string;
  headless?: boolean;
  /** Another chrome-mv3 build than BORDERLINE_EXTENSION_DIR (or .output/chrome-mv3), e.g. a baseline to compare with. */
  extensionDir?: string;
  /** Whether the extension opens a welcome tab on install, which the launch then waits for (Borderline's does). */
  welcomeTab?: boolean;
}

/** Chromium's switches for every harness run: no network of its own, and every host name at the local server. */
export function chromiumArgs(port: number, extensionDir?: string): string[] {
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--host-resolver-rules=MAP * 127.0.0.1:${port}, EXCLUDE localhost`,
  ];
}

export async function launchExtension(opts: LaunchOptions): Promise<ExtensionBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium)`);
  const extensionDir = resolve(opts.extensionDir ?? EXTENSION_DIR);
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No build at ${extensionDir}: run npm run build`);
  const profile = mkdtempSync(join(tmpdir(), 'borderline-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    ...(opts.locale ? { locale: opts.locale } : {}),
    env: { ...process.env, TZ: opts.timezone ?? 'Europe/Berlin' },
    args: [...chromiumArgs(opts.port, extensionDir), ...(opts.args ?? [])],
  });
  const worker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await worker()).url()).host;
  // A fresh profile is a new install, which opens the welcome tab: every run starts once it is there.
  if (opts.welcomeTab ?? true) await eventually(async () => context.pages().some((p) => p.url().endsWith('/options.html')), Boolean, 5_000);

  const tabIdOf = async (url: string): Promise<number> => {
    const sw = await worker();
    return sw.evaluate(async (u) => {
      const tabs = await chrome.tabs.query({});
      const tab = tabs.reverse().find((t: { url?: string; pendingUrl?: string }) => t.url === u || t.pendingUrl === u);
      if (tab?.id === undefined) throw new Error(`no tab for ${u}`);
      return tab.id;
    }, url);
  };

  const browser: ExtensionBrowser = {
    context,
    extensionId,
    worker,
    async visit(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return { page, tabId: await tabIdOf(page.url()) };
    },
    async badge(tabId) {
      const sw = await worker();
      return sw.evaluate(
        async (id) => ({ text: await chrome.action.getBadgeText({ tabId: id }), title: await chrome.action.getTitle({ tabId: id }) }),
        tabId,
      );
    },
    async popup(tabId) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 420, height: 900 });
      await page.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return browser;
}

/** The worker can miss the very first navigation after load: one throwaway visit makes sure it is listening. */
export async function warmUp(b: ExtensionBrowser): Promise<void> {
  const { page } = await b.visit('http://www.example.org/');
  await page.close();
}

/** Polls until `check` passes or the time is up; badge updates arrive asynchronously. */
export async function eventually<T>(probe: () => Promise<T>, check: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  let last = await probe();
  while (!check(last) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    last = await probe();
  }
  return last;
}
