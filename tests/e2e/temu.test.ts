import { describe, expect, it } from 'vitest';
import { eventually } from '../../scripts/harness/browser';
import { useDemo } from './demo';

const demo = useDemo();

describe('Borderline in real Chromium', () => {
  it('flags the Temu demo shop with a HIGH badge and explains why in the popup', async () => {
    const { tabId } = await demo.browser.visit('http://www.temu.com/');
    const badge = await eventually(() => demo.browser.badge(tabId), (b) => b.text === 'HIGH');
    expect(badge.text).toBe('HIGH');
    expect(badge.title).toMatch(/High risk/);

    const popup = await demo.browser.popup(tabId);
    await popup.getByTestId('risk-badge').first().waitFor();
    expect(await popup.getByTestId('site').textContent()).toBe('temu.com');
    expect(await popup.getByTestId('risk-badge').first().getAttribute('data-level')).toBe('high');
    expect(await popup.getByTestId('why').textContent()).toMatch(/third countries/);
    const names = await popup.getByTestId('company-name').allTextContents();
    expect(names).toEqual(['Temu', 'PDD Holdings Inc.']);
    expect(await popup.getByTestId('eea-controller').textContent()).toMatch(/Whaleco Technology Limited/);
    const destinations = await popup.getByTestId('destination').allTextContents();
    expect(destinations.join(' ')).toMatch(/Unspecified third countries/);
    const complaint = popup.locator('[data-action-id="noyb-2025-01-temu"]');
    expect(await complaint.textContent()).toMatch(/2025-01-16.*complaint.*pending.*Datenschutzbehörde/s);
    const link = complaint.getByTestId('source-link').first();
    expect(await link.getAttribute('href')).toMatch(/^https:\/\//);
    expect(await link.getAttribute('target')).toBe('_blank');
    const thirdParties = await popup.getByTestId('third-party').evaluateAll((els) => els.map((e) => e.getAttribute('data-company')));
    expect(thirdParties).toContain('tencent');
    expect(await popup.getByTestId('unknown-hosts').textContent()).toMatch(/cdn\.unlisted-example\.net/);
    const hosts = await popup.getByTestId('log-row').locator('td:nth-child(2)').allTextContents();
    expect(hosts).toEqual(expect.arrayContaining(['www.temu.com', 'img.kwcdn.com', 'aimg.kwcdn.com', 'bugly.qq.com']));

    await popup.close();
  });

  it('keeps the badge empty and shows no warning on a neutral site', async () => {
    const { tabId } = await demo.browser.visit('http://www.example.org/');
    // Wait until the page's requests are logged, so an empty badge is a verdict and not a race.
    const popup = await demo.browser.popup(tabId);
    await popup.getByTestId('risk-badge').first().waitFor();
    expect(await popup.getByTestId('risk-badge').first().getAttribute('data-level')).toBe('none');
    expect(await popup.getByTestId('why').textContent()).toMatch(/No company in Borderline/);
    expect((await demo.browser.badge(tabId)).text).toBe('');
    expect(await popup.getByTestId('log-row').count()).toBeGreaterThanOrEqual(1);
    await popup.close();
  });

  it('flags SHEIN and names TikTok among its third parties', async () => {
    const { tabId } = await demo.browser.visit('http://www.shein.com/');
    expect((await eventually(() => demo.browser.badge(tabId), (b) => b.text === 'HIGH')).text).toBe('HIGH');
    const popup = await demo.browser.popup(tabId);
    await popup.getByTestId('risk-badge').first().waitFor();
    expect(await popup.getByTestId('company-name').first().textContent()).toBe('SHEIN');
    expect(await popup.getByTestId('third-party').evaluateAll((els) => els.map((e) => e.getAttribute('data-company')))).toContain('tiktok');
    await popup.close();
  });
});
