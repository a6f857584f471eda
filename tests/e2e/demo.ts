// The usual setting of an end-to-end file: one local demo server and one warmed-up Chromium with the built extension,
// shared by the file's tests and closed after them.
import { afterAll, beforeAll } from 'vitest';
import { launchExtension, warmUp, type ExtensionBrowser } from '../../scripts/harness/browser';
import { startShopServer, type ShopServer } from '../../scripts/harness/shop-server';

export interface Demo {
  server: ShopServer;
  browser: ExtensionBrowser;
}

export function useDemo(options: { args?: string[]; locale?: string; timezone?: string } = {}): Demo {
  const demo = {} as Demo;
  beforeAll(async () => {
    demo.server = await startShopServer();
    demo.browser = await launchExtension({ port: demo.server.port, ...options });
    await warmUp(demo.browser);
  });
  afterAll(async () => {
    await demo.browser?.close();
    await demo.server?.close();
  });
  return demo;
}
