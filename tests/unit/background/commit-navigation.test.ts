// Issue 16, defect 1, in the tracker: a tab's page changes when a navigation commits. Until then the page that
// started it keeps its state and its requests; a navigation that ends without committing is logged on that page and
// counts towards no company; requests of the new document heard before its commit wait for it (by document id).
import { describe, expect, it } from 'vitest';
import { buildEngine } from '@/entrypoints/background/engine';
import { bundledDataset } from '@/tests/unit/bundled-dataset';
import { openLogDB } from '@/entrypoints/background/log-db';
import { TabTracker, type Observed } from '@/entrypoints/background/tab-tracker';

const engine = buildEngine(bundledDataset, 'bundled');
let seq = 0;

/** A tracker of its own, and requests on tab `tabId` of `type` whose ids are `prefix` and their time. */
async function freshTab(tabId: number, prefix: string, type = 'script') {
  const tracker = new TabTracker({ db: await openLogDB(`commit-${++seq}`), engine: () => engine, jurisdiction: () => 'EEA', onChange: () => undefined });
  const req = (url: string, time: number, extra: Partial<Observed> = {}): Observed => ({ tabId, url, type, time, frameId: 0, requestId: `${prefix}${time}`, ...extra });
  return { tracker, req };
}

async function temuTab() {
  const { tracker, req } = await freshTab(1, 'r', 'image');
  tracker.startNavigation(req('http://www.temu.com/', 1_000, { type: 'main_frame' }));
  tracker.commitNavigation(1, 'http://www.temu.com/', 1_010, 'DOC-TEMU');
  tracker.observe(req('http://bugly.qq.com/sdk.js', 1_020, { document: { id: 'DOC-TEMU' } }));
  return { tracker, req };
}

describe('a tab page changes on commit', () => {
  it('keeps the page through a navigation that never commits, and logs it there without counting it', async () => {
    const { tracker, req } = await temuTab();
    tracker.startNavigation(req('http://www.example.org/204', 2_000, { type: 'main_frame' }));
    expect(tracker.get(1)).toMatchObject({ site: 'temu.com', level: 'high', pageStart: 1_000 });
    tracker.observe(req('http://img.kwcdn.com/later.png', 2_010, { document: { id: 'DOC-TEMU' } }));
    tracker.abandonNavigation(1, 'http://www.example.org/204');
    const rows = await tracker.pageRows(1);
    expect(rows.map((r) => [r.host, r.pageSite, r.uncommitted ?? false])).toEqual([
      ['www.temu.com', 'temu.com', false],
      ['bugly.qq.com', 'temu.com', false],
      ['img.kwcdn.com', 'temu.com', false],
      ['www.example.org', 'temu.com', true],
    ]);
    expect(tracker.get(1)).toMatchObject({ site: 'temu.com', level: 'high', requests: 4 });
  });

  it('does not let a navigation to a risky site that never commits raise a neutral page', async () => {
    const { tracker } = await freshTab(2, 'e');
    tracker.startNavigation({ tabId: 2, url: 'http://www.evil.test/', type: 'main_frame', time: 1, frameId: 0, requestId: 'a' });
    tracker.commitNavigation(2, 'http://www.evil.test/', 2, 'DOC-EVIL');
    tracker.startNavigation({ tabId: 2, url: 'http://www.temu.com/204', type: 'main_frame', time: 3, frameId: 0, requestId: 'b' });
    tracker.abandonNavigation(2, 'http://www.temu.com/204');
    expect(tracker.get(2)).toMatchObject({ site: 'evil.test', siteCompany: null, level: 'none', companies: {} });
  });

  it("files the new document's early requests under the new page, and the old document's under the old", async () => {
    const { tracker, req } = await temuTab();
    tracker.startNavigation(req('http://www.shein.com/', 3_000, { type: 'main_frame' }));
    tracker.observe(req('http://img.ltwebstatic.com/early.png', 3_005, { document: { id: 'DOC-SHEIN' } })); // before the commit is heard
    tracker.observe(req('http://img.kwcdn.com/unload.png', 3_006, { document: { id: 'DOC-TEMU' } }));
    tracker.commitNavigation(1, 'http://www.shein.com/', 3_010, 'DOC-SHEIN');
    expect(tracker.get(1)).toMatchObject({ site: 'shein.com', pageStart: 3_000, documentId: 'DOC-SHEIN' });
    expect((await tracker.pageRows(1)).map((r) => r.host)).toEqual(['www.shein.com', 'img.ltwebstatic.com']);
  });

  it("files a new tab's first requests under its first page when they are heard before the commit", async () => {
    const { tracker, req } = await freshTab(5, 'n');
    tracker.startNavigation(req('http://www.dpf-recipients.example/', 1, { type: 'main_frame' }));
    tracker.observe(req('http://www.googletagmanager.com/stub.js', 2, { document: { id: 'DOC-NEW' } }));
    tracker.commitNavigation(5, 'http://www.dpf-recipients.example/', 3, 'DOC-NEW');
    tracker.observe(req('http://connect.facebook.net/stub.js', 4, { document: { id: 'DOC-NEW' } }));
    expect((await tracker.pageRows(5)).map((r) => r.host)).toEqual(['www.dpf-recipients.example', 'www.googletagmanager.com', 'connect.facebook.net']);
    expect(tracker.get(5)).toMatchObject({ requests: 3, companies: { google: 1, meta: 1 } });
  });

  it.each([
    ['before the first page commits', false],
    ['after the first page committed', true],
  ])("ignores a new tab's initial about:blank commit heard late, %s", async (_when, afterCommit) => {
    // Its commit (time 0) is older than the navigation (time 1): neither the navigation's nor a new page. Taken for
    // either, the page's first requests were filed under about:blank and missing from its report.
    const { tracker, req } = await freshTab(7, 'b');
    tracker.startNavigation(req('http://www.dpf-recipients.example/', 1, { type: 'main_frame' }));
    tracker.observe(req('http://www.googletagmanager.com/gtm.js?id=GTM-X', 2, { document: { id: 'DOC-NEW' } }));
    if (afterCommit) tracker.commitNavigation(7, 'http://www.dpf-recipients.example/', 3, 'DOC-NEW');
    tracker.commitNavigation(7, 'about:blank', 0, 'DOC-BLANK');
    if (!afterCommit) tracker.commitNavigation(7, 'http://www.dpf-recipients.example/', 3, 'DOC-NEW');
    tracker.observe(req('http://connect.facebook.net/stub.js', 4, { document: { id: 'DOC-NEW' } }));
    expect(tracker.get(7)).toMatchObject({ site: 'dpf-recipients.example', pageStart: 1, documentId: 'DOC-NEW', requests: 3 });
    expect((await tracker.pageRows(7)).map((r) => [r.host, r.query ?? ''])).toEqual([
      ['www.dpf-recipients.example', ''],
      ['www.googletagmanager.com', '?id=GTM-X'],
      ['connect.facebook.net', ''],
    ]);
  });

  it("keeps the navigation for its own document when a late about:blank commit carries a later time stamp", async () => {
    const { tracker, req } = await freshTab(8, 'd');
    tracker.startNavigation(req('http://www.dots.test/', 1, { type: 'main_frame' }));
    tracker.observe(req('http://bugly.qq.com/sdk.js', 2, { document: { id: 'DOC-NEW' } }));
    tracker.commitNavigation(8, 'about:blank', 3, 'DOC-BLANK');
    tracker.commitNavigation(8, 'http://www.dots.test/', 4, 'DOC-NEW');
    expect(tracker.get(8)).toMatchObject({ site: 'dots.test', pageStart: 1, documentId: 'DOC-NEW' });
    expect((await tracker.pageRows(8)).map((r) => r.host)).toEqual(['www.dots.test', 'bugly.qq.com']);
  });

  it('still starts a new page on a later about:blank', async () => {
    const { tracker } = await temuTab();
    tracker.commitNavigation(1, 'about:blank', 2_000, 'DOC-BLANK');
    expect(tracker.get(1)).toMatchObject({ url: 'about:blank', pageStart: 2_000, level: 'none' });
  });

  it('leaves no request awaiting an IP once every response has started, the navigation\'s own included', async () => {
    const { tracker, req } = await freshTab(6, 'q');
    tracker.startNavigation(req('http://temu.com/', 0, { type: 'main_frame', requestId: 'q1' }));
    tracker.startNavigation(req('http://www.temu.com/', 1, { type: 'main_frame' })); // a redirect: the same request
    tracker.recordIp(6, 'q1', '203.0.113.9'); // the navigation's response starts before its commit
    tracker.commitNavigation(6, 'http://www.temu.com/', 2, 'DOC-T');
    tracker.observe(req('http://img.kwcdn.com/a.png', 3, { document: { id: 'DOC-T' } }));
    expect(tracker.awaitingIp).toBe(1);
    tracker.recordIp(6, 'q3', '203.0.113.10');
    expect(tracker.awaitingIp).toBe(0);
    expect((await tracker.pageRows(6)).map((r) => [r.host, r.ip])).toEqual([
      ['temu.com', undefined],
      ['www.temu.com', '203.0.113.9'],
      ['img.kwcdn.com', '203.0.113.10'],
    ]);
  });

  it('follows a redirect as one navigation and ignores the failure of another URL', async () => {
    const { tracker, req } = await temuTab();
    tracker.startNavigation(req('http://shein.com/', 4_000, { type: 'main_frame', requestId: 'nav' }));
    tracker.startNavigation(req('http://www.shein.com/', 4_001, { type: 'main_frame', requestId: 'nav' }));
    tracker.abandonNavigation(1, 'http://www.example.org/other');
    tracker.commitNavigation(1, 'http://www.shein.com/', 4_010, 'DOC-SHEIN');
    expect(tracker.get(1)).toMatchObject({ site: 'shein.com', pageStart: 4_000 });
    expect((await tracker.pageRows(1)).map((r) => r.url)).toEqual(['http://shein.com/', 'http://www.shein.com/']);
  });
});
