// Issue 16, defect 3: a host written with its trailing dot ("www.temu.com.", the fully qualified form) is the same
// host. The page's own site and the third parties it loads must be recognised exactly as without the dot.
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../scripts/harness/browser';
import { useDemo } from './demo';

const demo = useDemo();

beforeAll(() => {
  demo.server.routes.set('www.dots.test', (req, res) => {
    if (req.url !== '/') return void res.writeHead(204).end();
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>dots</title><link rel="icon" href="data:,">
<img src="http://img.kwcdn.com./a.png"><script src="http://bugly.qq.com./sdk.js"></script><script src="http://analytics.tiktok.com./t.js"></script>`);
  });
});

describe('hosts with a trailing dot', () => {
  it('flags http://www.temu.com./ as Temu, with a HIGH badge', async () => {
    const { page, tabId } = await demo.browser.visit('http://www.temu.com./');
    expect((await eventually(() => demo.browser.badge(tabId), (b) => b.text === 'HIGH')).text).toBe('HIGH');
    const popup = await demo.browser.popup(tabId);
    await popup.getByTestId('risk-badge').first().waitFor();
    expect(await popup.getByTestId('site').textContent()).toBe('temu.com');
    expect(await popup.getByTestId('risk-badge').first().getAttribute('data-level')).toBe('high');
    // The site itself is recognised (not only its CDN's requests): its company and the reason are shown.
    expect(await popup.getByTestId('company-name').allTextContents()).toEqual(['Temu', 'PDD Holdings Inc.']);
    expect(await popup.getByTestId('why').textContent()).toMatch(/third countries/);
    await popup.close();
    await page.close();
  });

  it('names the companies behind bugly.qq.com., img.kwcdn.com. and analytics.tiktok.com. as third parties', async () => {
    const { page, tabId } = await demo.browser.visit('http://www.dots.test/');
    const popup = await demo.browser.popup(tabId);
    await popup.getByTestId('risk-badge').first().waitFor();
    const companies = () => popup.getByTestId('third-party').evaluateAll((els) => els.map((e) => e.getAttribute('data-company')));
    let found: (string | null)[] = [];
    for (let i = 0; i < 5 && found.length < 3; i++) {
      await popup.reload();
      await popup.getByTestId('risk-badge').first().waitFor();
      found = await companies();
    }
    expect(found).toEqual(expect.arrayContaining(['tencent', 'temu', 'tiktok']));
    await popup.close();
    await page.close();
  });
});
