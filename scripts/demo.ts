// `npm run demo`: the local demo shops plus Chromium with the freshly built extension. With a display it opens a
// window to click around in; without one (CI, SSH) it visits each demo page and saves popup screenshots instead.
import { mkdirSync } from 'node:fs';
import { eventually, launchExtension, warmUp } from './harness/browser';
import { startShopServer } from './harness/shop-server';

const PAGES = ['http://www.temu.com/', 'http://www.shein.com/', 'http://www.example.org/'];
const headless = !process.env.DISPLAY;
const server = await startShopServer();
const browser = await launchExtension({ port: server.port, headless });
console.log(`Demo shops on 127.0.0.1:${server.port}; every host name resolves there inside this Chromium.`);

if (headless) {
  await warmUp(browser);
  mkdirSync('.output/demo', { recursive: true });
  for (const url of PAGES) {
    const { page, tabId } = await browser.visit(url);
    const badge = await eventually(() => browser.badge(tabId), (b) => b.text !== '' || url.includes('example'));
    const popup = await browser.popup(tabId);
    await popup.getByTestId('risk-badge').first().waitFor();
    const file = `.output/demo/${new URL(url).hostname}.png`;
    await popup.screenshot({ path: file, fullPage: true });
    await page.screenshot({ path: file.replace('.png', '-page.png') });
    console.log(`${url}  badge "${badge.text}"  ${badge.title}\n  popup screenshot: ${file}`);
  }
  await browser.close();
  await server.close();
} else {
  for (const url of PAGES) await browser.visit(url);
  console.log('Chromium is open: click the Borderline icon on each tab. Close the window or press Ctrl+C to stop.');
  browser.context.on('close', () => void server.close().then(() => process.exit(0)));
  process.on('SIGINT', () => void browser.close().then(() => server.close()).then(() => process.exit(0)));
}
