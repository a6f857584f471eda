// Opens an extension's toolbar popup the way a click does: DevTools' Extensions.triggerAction on the tab, over a
// browser-level connection (puppeteer-core; Playwright's persistent context offers none), and reads the popup page
// over the same connection. Opening popup.html in a tab instead fires tab and navigation events, and those wake a
// stopped worker in the middle of the popup's first render (its start then shares the machine's two cores with the
// popup), which a click never does. Used by `npm run measure` for the popup figures.
import { createServer } from 'node:net';
import puppeteer, { type Browser, type CDPSession } from 'puppeteer-core';

/** A port nothing listens on now, for --remote-debugging-port. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Chromium switches that let `connectActionPopups` reach the browser. */
export function actionPopupArgs(port: number): string[] {
  return [`--remote-debugging-port=${port}`, '--enable-unsafe-extension-debugging'];
}

export interface PopupPage {
  /** Runs a function without arguments or closure in the popup and returns its JSON-able result. */
  evaluate<T>(fn: () => T | Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface ActionPopups {
  /** Clicks the extension's toolbar button for the tab showing `tabUrl` and returns the popup once it exists. */
  open(tabUrl: string): Promise<PopupPage>;
  disconnect(): Promise<void>;
}

type TargetInfo = { targetId: string; type: string; url: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function targets(session: CDPSession, type: string): Promise<TargetInfo[]> {
  const { targetInfos } = await session.send('Target.getTargets', { filter: [{ type }] });
  return targetInfos;
}

export async function connectActionPopups(port: number, extensionId: string): Promise<ActionPopups> {
  const browser: Browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
  const session = await browser.target().createCDPSession();
  const prefix = `chrome-extension://${extensionId}/`;
  return {
    async open(tabUrl) {
      const tab = (await targets(session, 'tab')).find((t) => t.url === tabUrl);
      if (!tab) throw new Error(`no tab shows ${tabUrl}`);
      const before = new Set((await targets(session, 'page')).map((t) => t.targetId));
      await session.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
      let popup: TargetInfo | undefined;
      for (const end = Date.now() + 10_000; !popup && Date.now() < end; await sleep(5)) {
        popup = (await targets(session, 'page')).find((t) => !before.has(t.targetId) && t.url.startsWith(prefix));
      }
      if (!popup) throw new Error(`no popup opened for ${tabUrl}`);
      const { sessionId } = await session.send('Target.attachToTarget', { targetId: popup.targetId, flatten: true });
      const page = session.connection()?.session(sessionId);
      if (!page) throw new Error('the popup has no DevTools session');
      const targetId = popup.targetId;
      return {
        async evaluate<T>(fn: () => T | Promise<T>): Promise<T> {
          const { result, exceptionDetails } = await page.send('Runtime.evaluate', { expression: `(${fn.toString()})()`, awaitPromise: true, returnByValue: true });
          if (exceptionDetails) throw new Error(`in the popup: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
          return result.value as T;
        },
        async close() {
          await session.send('Target.closeTarget', { targetId }).catch(() => undefined);
        },
      };
    },
    async disconnect() {
      await session.detach().catch(() => undefined);
      await browser.disconnect();
    },
  };
}

/** Polls `probe` in the popup until it returns something other than null or undefined. */
export async function waitInPopup<T>(popup: PopupPage, probe: () => T | null | undefined, ms = 30_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(5)) {
    const value = await popup.evaluate(probe);
    if (value !== null && value !== undefined) return value;
  }
  throw new Error('the popup never got there');
}
