// The usual setting of a Firefox end-to-end file: the local demo server (also Firefox's proxy) and one warmed-up
// Firefox ESR with the built MV2 extension, shared by the file's tests and closed after them. Page helpers for
// puppeteer, which has no test-id locators.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { launchFirefox, type FirefoxExtension, type FirefoxOptions } from '../../../scripts/harness/firefox';
import { startShopServer, type ShopServer } from '../../../scripts/harness/shop-server';

export interface FirefoxDemo {
  server: ShopServer;
  firefox: FirefoxExtension;
}

export function useFirefox(options: Omit<FirefoxOptions, 'proxyPort'> = {}): FirefoxDemo {
  const demo = {} as FirefoxDemo;
  beforeAll(async () => {
    demo.server = await startShopServer();
    demo.firefox = await launchFirefox({ proxyPort: demo.server.port, ...options });
    // As in Chromium: one throwaway visit, so the first real one is not the one the extension may miss.
    const { page } = await demo.firefox.visit('http://www.example.org/');
    await page.close();
  });
  afterAll(async () => {
    await demo.firefox?.close();
    await demo.server?.close();
  });
  return demo;
}

export const byTestId = (id: string) => `[data-testid="${id}"]`;

/** Text of every element with this test id (inside `within`, a CSS selector, when given). */
export function texts(page: Page, id: string, within = ''): Promise<string[]> {
  return page.$$eval(`${within} ${byTestId(id)}`.trim(), (els) => els.map((e) => e.textContent ?? ''));
}

/** Text of the first element with this test id, once it is there. */
export async function text(page: Page, id: string): Promise<string> {
  const el = await page.waitForSelector(byTestId(id), { timeout: 15_000 });
  return el!.evaluate((e) => e.textContent ?? '');
}

export function attr(page: Page, selector: string, name: string): Promise<string | null> {
  return page.$eval(selector, (e, n) => e.getAttribute(n), name);
}

export function attrs(page: Page, selector: string, name: string): Promise<(string | null)[]> {
  return page.$$eval(selector, (els, n) => els.map((e) => e.getAttribute(n)), name);
}

/** Whether the page itself sees Borderline's warning element (the host of its closed shadow root). */
export const warningHosts = (page: Page) => page.evaluate(() => document.querySelectorAll('borderline-warning').length);

/**
 * Reads the warning inside its closed shadow root from a content script (Firefox's openOrClosedShadowRoot): the text
 * and viewport box of the first element with the test id, or null.
 */
export function shadowElement(testId: string): string {
  return `(() => {
    const root = document.querySelector('borderline-warning')?.openOrClosedShadowRoot;
    const el = root?.querySelector('[data-testid="${testId}"]');
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { text: el.textContent.replace(/\\s+/g, ' ').trim(), x: r.x, y: r.y, width: r.width, height: r.height };
  })()`;
}
export type ShadowElement = { text: string; x: number; y: number; width: number; height: number } | null;
