// Real Firefox ESR with the built MV2 extension, for the Firefox end-to-end tests: puppeteer-core drives Debian's
// firefox-esr over WebDriver BiDi. A missing Firefox or a missing build is an error, never a skip. FIREFOX_PATH points
// at a Firefox outside Debian's path. Firefox has no host-resolver rules, so every request goes through the shop
// server acting as an HTTP proxy (it answers by Host header, as it does for Chromium).
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { eventually } from './browser';

/**
 * Code passed to `page.evaluate` on an extension page runs where `browser` is Firefox's promise-based WebExtension
 * API; WXT's types are Chrome's, so the few calls the tests make are typed here as Firefox has them.
 */
export interface FirefoxApi {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    executeScript(tabId: number, details: { code: string }): Promise<unknown[]>;
  };
  browserAction: {
    getBadgeText(d: { tabId: number }): Promise<string>;
    getTitle(d: { tabId: number }): Promise<string>;
    setBadgeText(d: { tabId: number; text: string }): Promise<void>;
  };
  runtime: { getBackgroundPage(): Promise<Window>; sendMessage(m: unknown): Promise<{ ok: boolean }> };
  i18n: { getUILanguage(): string };
}

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXTENSION_DIR = resolve(process.env.BORDERLINE_FIREFOX_DIR ?? '.output/firefox-mv2');
/** The gecko id in wxt.config.ts. */
export const GECKO_ID = 'borderline@borderline.example';

export interface FirefoxExtension {
  browser: Browser;
  /** The extension's fixed UUID for this profile: its pages are at moz-extension://UUID/. */
  uuid: string;
  url(path: string): string;
  /** Navigates a fresh tab and returns it with its browser tab id. */
  visit(url: string): Promise<{ page: Page; tabId: number }>;
  /** Opens one of the extension's pages in a new tab and waits until it has loaded. */
  open(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** A long-lived extension page whose `browser` global the helpers below use. */
  api(): Promise<Page>;
  badge(tabId: number): Promise<{ text: string; title: string }>;
  popup(tabId: number, viewport?: { width: number; height: number }): Promise<Page>;
  /** Runs `code` as a content script in the tab (where Firefox's `openOrClosedShadowRoot` reaches closed roots). */
  inTab<T>(tabId: number, code: string): Promise<T>;
  close(): Promise<void>;
}

export interface FirefoxOptions {
  /** The shop server's port: it is the HTTP proxy for every host. */
  proxyPort: number;
  /** `intl.locale.requested`, e.g. 'de'. */
  locale?: string;
}

/**
 * `page.goto` to a moz-extension page completes in Firefox but never resolves in puppeteer over BiDi: navigate
 * without awaiting and poll the page itself.
 */
export async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  void page.goto(url).catch(() => {});
  const ready = await eventually(
    () => page.evaluate(() => ({ href: location.href, state: document.readyState })).catch(() => ({ href: '', state: '' })),
    (s) => s.href === url && s.state === 'complete',
    20_000,
  );
  if (ready.href !== url || ready.state !== 'complete') throw new Error(`${url} did not load (at ${ready.href}, ${ready.state})`);
}

export async function launchFirefox(opts: FirefoxOptions): Promise<FirefoxExtension> {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: install it (apt-get install -y firefox-esr)`);
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No build at ${EXTENSION_DIR}: run npm run build:firefox`);
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    headless: true,
    executablePath: FIREFOX,
    // Without it BiDi refuses to navigate to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    env: { ...process.env, TZ: 'Europe/Berlin' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': opts.proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': opts.proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'dom.security.https_first': false,
      'dom.security.https_only_mode': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      ...(opts.locale ? { 'intl.locale.requested': opts.locale } : {}),
    },
  });
  const base = `moz-extension://${uuid}/`;
  try {
    const id = await browser.installExtension(EXTENSION_DIR);
    if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
  } catch (e) {
    await browser.close();
    throw e;
  }

  const open = async (path: string, viewport?: { width: number; height: number }) => {
    const page = await browser.newPage();
    if (viewport) await page.setViewport(viewport);
    await gotoExtensionPage(page, base + path);
    return page;
  };
  let apiPage: Page | undefined;
  const api = async () => {
    if (!apiPage || apiPage.isClosed()) apiPage = await open('popup.html?tabId=0');
    return apiPage;
  };
  const tabIdOf = async (url: string): Promise<number> => {
    const page = await api();
    const id = await eventually(
      () =>
        page.evaluate(async (u) => {
          const tabs = await (globalThis as unknown as { browser: FirefoxApi }).browser.tabs.query({});
          return tabs.reverse().find((t) => t.url === u)?.id ?? null;
        }, url),
      (v) => v !== null,
    );
    if (id === null) throw new Error(`no tab for ${url}`);
    return id;
  };

  const ext: FirefoxExtension = {
    browser,
    uuid,
    url: (path) => base + path,
    async visit(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return { page, tabId: await tabIdOf(page.url()) };
    },
    open,
    api,
    async badge(tabId) {
      const page = await api();
      return page.evaluate(async (id) => {
        const { browserAction } = (globalThis as unknown as { browser: FirefoxApi }).browser;
        return { text: await browserAction.getBadgeText({ tabId: id }), title: await browserAction.getTitle({ tabId: id }) };
      }, tabId);
    },
    popup: (tabId, viewport = { width: 420, height: 900 }) => open(`popup.html?tabId=${tabId}`, viewport),
    async inTab<T>(tabId: number, code: string) {
      const page = await api();
      return page.evaluate(
        async (id, c) => {
          const [result] = await (globalThis as unknown as { browser: FirefoxApi }).browser.tabs.executeScript(id, { code: c });
          return result as T;
        },
        tabId,
        code,
      ) as Promise<T>;
    },
    close: () => browser.close(),
  };
  // A fresh profile is a new install, which opens the welcome tab: every run starts once it is there.
  await eventually(async () => (await browser.pages()).some((p) => p.url() === base + 'options.html'), Boolean, 10_000);
  return ext;
}
