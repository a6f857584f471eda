// Issue 16, defect 2: no page can borrow another site's warning or get it dismissed. A page on www.evil.test that
// starts a navigation to a Temu URL answering 204 must show neither Temu's banner nor its badge; a decoy with
// pointer-events:none laid over "Dismiss for this site" must not turn the user's one click into a dismissal.
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../scripts/harness/browser';
import type { Chrome } from '../../scripts/harness/browser';
import { useDemo } from './demo';
import { shadowProbe } from './shadow';

declare const chrome: Chrome;
const demo = useDemo();

beforeAll(async () => {
  const page = await demo.browser.context.newPage();
  await page.goto(`chrome-extension://${demo.browser.extensionId}/popup.html?tabId=0`);
  const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'setSettings', settings: { jurisdiction: 'EEA' } }));
  expect(reply.ok).toBe(true);
  await page.close();
  demo.server.routes.set('www.evil.test', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(
      `<!doctype html><title>evil</title><p>Nothing to see.</p><button>Continue</button><script>location.href = 'http://www.temu.com/204';</script>`,
    );
  });
});

const hasBanner = (page: import('playwright-core').Page) => page.locator('borderline-warning').count();

async function dismissedSites(): Promise<string[]> {
  const sw = await demo.browser.worker();
  return sw.evaluate(async () => ((await chrome.storage.local.get('dismissedSites')).dismissedSites as string[] | undefined) ?? []);
}

describe('a warning no page can borrow', () => {
  it("shows neither Temu's banner nor its badge on a page of another site that starts a navigation to Temu", async () => {
    // Not visit(): the page's navigation away starts before its load event, which then never comes.
    const page = await demo.browser.context.newPage();
    await page.goto('http://www.evil.test/', { waitUntil: 'commit' });
    await new Promise((r) => setTimeout(r, 2500));
    const sw = await demo.browser.worker();
    const tabId: number = await sw.evaluate(async () => (await chrome.tabs.query({})).find((t) => t.url === 'http://www.evil.test/')!.id!);
    expect(page.url()).toBe('http://www.evil.test/');
    expect(await hasBanner(page)).toBe(0);
    expect((await demo.browser.badge(tabId)).text).toBe('');
    const popup = await demo.browser.popup(tabId);
    await popup.getByTestId('risk-badge').first().waitFor();
    expect(await popup.getByTestId('site').textContent()).toBe('evil.test');
    await popup.close();
    await page.close();
  });

  it('a pointer-events:none decoy over "Dismiss for this site" does not dismiss the site, with one click or two', async () => {
    const { page } = await demo.browser.visit('http://www.temu.com/?decoy');
    await eventually(() => hasBanner(page), (n) => n === 1);
    const probe = await shadowProbe(page);
    const dismiss = (await eventually(() => probe.rect('banner-dismiss'), (r) => r !== null))!;
    // What a hostile page would lay over the button: a harmless-looking label that lets the click through.
    await page.evaluate((r) => {
      const decoy = document.createElement('div');
      decoy.textContent = 'Continue shopping';
      Object.assign(decoy.style, {
        position: 'fixed', left: `${r.x - 20}px`, top: `${r.y - 20}px`, width: `${r.width + 40}px`, height: `${r.height + 40}px`,
        background: '#fff', color: '#000', zIndex: '2147483647', pointerEvents: 'none', font: '16px sans-serif',
      });
      document.body.append(decoy);
    }, dismiss);
    await new Promise((r) => setTimeout(r, 800));
    await page.mouse.click(dismiss.x + dismiss.width / 2, dismiss.y + dismiss.height / 2);
    await new Promise((r) => setTimeout(r, 300));
    // A second click where a confirming button might now be, as a page that knows the layout would arrange.
    const confirm = await probe.rect('banner-dismiss-confirm');
    if (confirm) await page.mouse.click(confirm.x + confirm.width / 2, confirm.y + confirm.height / 2);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await dismissedSites()).not.toContain('temu.com');
    await page.close();
  });
});
