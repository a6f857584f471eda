// Issue 16, defect 1: a navigation that never commits must not change the tab's page. On www.temu.com each case below
// starts a navigation that Chromium never commits (a 204, a download, a form posted to a 204, a slow page stopped with
// window.stop(), a connection closed without an answer); the badge, the popup and the log must stay Temu's, and a
// request the Temu page makes afterwards is filed under Temu's page, not under the host it tried to go to.
import { describe, expect, it } from 'vitest';
import { eventually } from '../../scripts/harness/browser';
import { storedRows } from '../../scripts/harness/worker-probes';
import { useDemo } from './demo';

const demo = useDemo();

const CASES: { name: string; script: string; stillTemu: boolean }[] = [
  { name: 'a 204 answer', script: "location.href = 'http://www.example.org/204'", stillTemu: true },
  { name: 'a download', script: "location.href = 'http://downloads.example.org/catalogue.zip'", stillTemu: true },
  {
    name: 'a form submitted to a 204',
    script: "const f = document.createElement('form'); f.action = 'http://www.example.org/204'; f.method = 'post'; document.body.append(f); f.submit()",
    stillTemu: true,
  },
  { name: 'a slow navigation stopped with window.stop()', script: "location.href = 'http://slow.example.org/'; setTimeout(() => window.stop(), 400)", stillTemu: true },
  // Chromium shows its own error page (chrome-error://), which is no site's document and fires no onCommitted.
  { name: 'a connection closed without an answer', script: "location.href = 'http://reset.example.org/'", stillTemu: false },
];

describe('a navigation that never commits', () => {
  it.each(CASES)('leaves the tab on Temu after $name', async ({ name, script, stillTemu }) => {
    demo.server.routes.set('downloads.example.org', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/zip', 'content-disposition': 'attachment; filename="catalogue.zip"' }).end('PK');
    });
    demo.server.routes.set('slow.example.org', (_req, res) => {
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>slow</p>'), 5000);
    });
    demo.server.routes.set('reset.example.org', (req) => req.socket.destroy());

    const { page, tabId } = await demo.browser.visit('http://www.temu.com/');
    expect((await eventually(() => demo.browser.badge(tabId), (b) => b.text === 'HIGH')).text).toBe('HIGH');
    await page.evaluate(script);
    // Long enough for the navigation to end (the stopped one after 400 ms) and for the worker to hear of it.
    await new Promise((r) => setTimeout(r, 2000));
    if (stillTemu) expect(page.url()).toBe('http://www.temu.com/');

    const badge = await demo.browser.badge(tabId);
    expect(badge.text, `badge after ${name}`).toBe('HIGH');
    expect(badge.title).toMatch(/High risk/);

    const popup = await demo.browser.popup(tabId);
    await popup.getByTestId('risk-badge').first().waitFor();
    expect(await popup.getByTestId('site').textContent()).toBe('temu.com');
    expect(await popup.getByTestId('risk-badge').first().getAttribute('data-level')).toBe('high');
    await popup.close();

    if (stillTemu) {
      // The Temu document is still there: what it asks for now is Temu's page's request.
      const later = `http://img.kwcdn.com/later-${CASES.findIndex((c) => c.name === name)}.png`;
      await page.evaluate((u) => fetch(u, { mode: 'no-cors' }).catch(() => undefined), later);
      const sw = await demo.browser.worker();
      const rows = await eventually(
        () => storedRows<{ url: string; pageSite: string | null }>(sw, tabId),
        (rs) => rs.some((r) => r.url === later),
      );
      expect(rows.find((r) => r.url === later)?.pageSite).toBe('temu.com');
    }
    await page.close();
  });
});
