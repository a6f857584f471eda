import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, type Chrome } from '../../scripts/harness/browser';
import { useDemo } from './demo';
import { shadowProbe } from './shadow';
import { SHOTS } from './screenshots';

const demo = useDemo();

// Headless Chromium says en-US, which would mean US rules; the assertions below are about an EEA user.
beforeAll(() => setSettings({ jurisdiction: 'EEA' }));

const hasHost = (page: import('playwright-core').Page) => page.locator('borderline-warning').count();

async function setSettings(settings: Record<string, unknown>) {
  const page = await demo.browser.context.newPage();
  await page.goto(`chrome-extension://${demo.browser.extensionId}/popup.html?tabId=0`);
  const reply = await page.evaluate((s) => chrome.runtime.sendMessage({ type: 'setSettings', settings: s }), settings);
  expect(reply.ok).toBe(true);
  await page.close();
}
declare const chrome: Chrome;

describe('in-page warning', () => {
  it('warns on the Temu demo page with who, where and the complaint, without covering its controls', async () => {
    const { page } = await demo.browser.visit('http://www.temu.com/');
    await eventually(() => hasHost(page), (n) => n === 1);
    const probe = await shadowProbe(page);
    const text = await eventually(() => probe.text('banner'), (t) => t !== null);
    expect(text).toMatch(/High risk/);
    expect(await probe.text('banner-company')).toBe('Run by Temu (owner: PDD Holdings Inc.).');
    expect(await probe.text('banner-destinations')).toMatch(/third countries it does not name/);
    expect(await probe.text('banner-action')).toMatch(/Complaint pending: Datenschutzbehörde, Austria, Jan 2025/);
    const banner = (await probe.rect('banner'))!;
    const viewport = page.viewportSize()!;
    // Pinned to a corner of the viewport, 16 px in, and not the bottom-right one, where the shop's chat button is.
    const near = (a: number, b: number) => Math.abs(a - b) <= 2;
    const left = near(banner.x, 16);
    const top = near(banner.y, 16);
    expect(left || near(banner.x + banner.width, viewport.width - 16)).toBe(true);
    expect(top || near(banner.y + banner.height, viewport.height - 16)).toBe(true);
    for (const name of ['Add to cart', 'Chat with us']) {
      const button = (await page.getByRole('button', { name }).boundingBox())!;
      const overlaps = banner.x < button.x + button.width && button.x < banner.x + banner.width && banner.y < button.y + button.height && button.y < banner.y + banner.height;
      expect(overlaps, name).toBe(false);
    }
    await page.screenshot({ path: `${SHOTS}/banner-temu.png` }); // README: the banner on the Temu demo page
    // Nothing on the page's own window, and the banner's styles stay in its shadow root.
    expect(await page.evaluate(() => Object.keys(window).filter((k) => /borderline|preact|wxt|__/i.test(k)))).toEqual([]);
    expect(await page.evaluate(() => document.querySelector('borderline-warning')?.shadowRoot ?? null)).toBeNull();
    await page.close();
  });

  it('shows once per site visit, not on every page inside the site', async () => {
    const { page } = await demo.browser.visit('http://www.temu.com/');
    await eventually(() => hasHost(page), (n) => n === 1);
    await page.goto('http://www.temu.com/?page=2', { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await hasHost(page)).toBe(0);
    await page.close();
  });

  it('never appears on a neutral site', async () => {
    const { page } = await demo.browser.visit('http://www.example.org/');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await hasHost(page)).toBe(0);
    await page.close();
  });

  it('is keyboard reachable and "Dismiss for this site", once confirmed, persists across reloads', async () => {
    const { page } = await demo.browser.visit('http://www.shein.com/');
    await eventually(() => hasHost(page), (n) => n === 1);
    const probe = await shadowProbe(page);
    await eventually(() => probe.text('banner'), (t) => t !== null);
    // Tab from the page into the banner: its first control is reachable without a mouse.
    let reached = false;
    for (let i = 0; i < 6 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.tagName.toLowerCase() === 'borderline-warning');
    }
    expect(reached).toBe(true);
    // Dismissing takes a second, confirming click, each on a banner that has been still for a moment (clickjacking).
    await new Promise((r) => setTimeout(r, 800));
    await probe.click('banner-dismiss');
    expect(await eventually(() => probe.text('banner-dismiss-question'), (t) => t !== null)).toBe('Stop warning about shein.com in this browser?');
    await new Promise((r) => setTimeout(r, 800));
    await probe.click('banner-dismiss-confirm');
    await eventually(() => hasHost(page), (n) => n === 0);
    await page.reload({ waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await hasHost(page)).toBe(0);
    await page.close();
  });

  it('is turned off by the setting', async () => {
    await setSettings({ inPageWarning: false });
    const { page } = await demo.browser.visit('http://www.temu.com/?off');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await hasHost(page)).toBe(0);
    await page.close();
    await setSettings({ inPageWarning: true });
  });
});
