// Time from navigation to badge on the local Temu demo page, in real Chromium with the built extension.
// Usage: npm run measure:badge [-- LOADS]   (builds first; default 25 loads, each in a fresh tab)
// The clock starts just before the navigation is sent and stops when the worker sees the tab's badge read HIGH;
// the worker polls every 2 ms, so the figure is at most that much late.
import { launchExtension, warmUp } from '../tests/e2e/browser';
import { startShopServer } from '../tests/e2e/shop-server';

declare const chrome: any;

const loads = Number(process.argv[2] ?? 25);
const server = await startShopServer();
const browser = await launchExtension({ port: server.port });
const times: number[] = [];
try {
  await warmUp(browser);
  const sw = await browser.worker();
  // One tab for every load: between loads it goes to a blank page and its badge is wiped, so each load starts clean.
  const { page, tabId } = await browser.visit('http://www.example.org/');
  for (let i = 0; i < loads; i++) {
    await page.goto('about:blank');
    await sw.evaluate((id) => chrome.action.setBadgeText({ tabId: id, text: '' }), tabId);
    const seen = sw.evaluate(async (id) => {
      const end = Date.now() + 10_000;
      while (Date.now() < end) {
        if ((await chrome.action.getBadgeText({ tabId: id })) === 'HIGH') return Date.now();
        await new Promise((r) => setTimeout(r, 2));
      }
      throw new Error(`no badge on tab ${id}`);
    }, tabId);
    const start = Date.now();
    await page.goto('http://www.temu.com/', { waitUntil: 'commit' });
    times.push((await seen) - start);
  }
} finally {
  await browser.close();
  await server.close();
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
console.log(`navigation → badge over ${times.length} loads of the Temu demo page: median ${median} ms, min ${sorted[0]} ms, max ${sorted.at(-1)} ms`);
console.log(`all (ms): ${times.join(' ')}`);
