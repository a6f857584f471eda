import { describe, expect, it } from 'vitest';
import { unpackReport } from '../../data/log/packed-log';
import type { PackedTabReport } from '../../data/protocol';
import { eventually, type Chrome } from '../../scripts/harness/browser';
import { useDemo } from './demo';

declare const chrome: Chrome;
const demo = useDemo();

describe('observed server location', () => {
  it('shows requests to the local demo shop as local, per row and per company', async () => {
    const { tabId } = await demo.browser.visit('http://www.temu.com/');
    const page = await demo.browser.context.newPage();
    await page.goto(`chrome-extension://${demo.browser.extensionId}/popup.html?tabId=${tabId}`);
    const report = await eventually(
      async () => unpackReport((await page.evaluate((id) => chrome.runtime.sendMessage({ type: 'getTabReport', tabId: id }), tabId)).value as PackedTabReport),
      (r) => r.requests.filter((x) => x.ip).length >= 4,
    );
    const withIp = report.requests.filter((r) => r.ip);
    expect(withIp.length).toBeGreaterThanOrEqual(4);
    for (const r of withIp) expect(r, r.host).toMatchObject({ ip: '127.0.0.1', serverCountry: 'local' });
    expect(report.siteServersSeen).toEqual(['local']);
    const tencent = report.thirdParties.find((t) => t.assessment.company.id === 'tencent');
    expect(tencent?.serversSeen).toEqual(['local']);
    await page.close();

    // What the user reads: beside each company, where its servers answered, labelled as observed.
    const popup = await demo.browser.popup(tabId);
    const tencentCard = popup.locator('[data-testid="third-party"][data-company="tencent"]');
    await tencentCard.waitFor();
    expect(await tencentCard.getByTestId('servers-seen').textContent()).toMatch(/^Servers seen in: local network \(observed server location/);
    await popup.close();
  });
});
