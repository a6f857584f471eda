// Issue 16, defect 4: the extension's id must not reach the pages it runs on. WXT's content-script context used to
// announce itself with window.postMessage(..., '*'), carrying the id, to every listener of the page.
import { describe, expect, it } from 'vitest';
import { useDemo } from './demo';

const demo = useDemo();

describe('the extension id', () => {
  it.each(['http://www.temu.com/', 'http://www.example.org/'])('never reaches a message listener of %s', async (url) => {
    const page = await demo.browser.context.newPage();
    // Listening from the document's first script on, before any content script runs; the page's own message proves it.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      addEventListener('message', (e) => seen.push(JSON.stringify(e.data)));
      postMessage({ type: 'page-own' }, '*');
    });
    await page.goto(url, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 1500));
    const seen: string[] = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.some((m) => m.includes('page-own'))).toBe(true);
    expect(seen.filter((m) => m.includes(demo.browser.extensionId))).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain('content-script-started');
    await page.close();
  });
});
