// What the tracker reads from a webRequest event, table-driven from details the browsers sent. The first row is the
// one that lost a page's first requests in CI: Chrome, under load, let a new page's parser ask for its scripts
// before the browser had finished that page's commit, and named the document by its frame tree node (7), not 0.
import { describe, expect, it } from 'vitest';
import { openLogDB } from '@/entrypoints/background/log-db';
import { buildEngine } from '@/entrypoints/background/engine';
import { bundledDataset } from '@/tests/unit/bundled-dataset';
import { observedRequest, type BeforeRequest } from '@/entrypoints/background/observed-request';
import { TabTracker } from '@/entrypoints/background/tab-tracker';

const base = { tabId: 4, requestId: '1', method: 'GET', timeStamp: 1, type: 'script' } as const;
const detail = (d: Partial<BeforeRequest>): BeforeRequest => ({ url: 'http://www.googletagmanager.com/gtm.js', frameId: 0, parentFrameId: -1, ...base, ...d }) as BeforeRequest;

describe('observedRequest', () => {
  it.each([
    ['Chrome, a top-level document whose commit is not finished', { frameId: 7, parentFrameId: -1, documentId: 'NEW', frameType: 'outermost_frame', documentLifecycle: '' as never }, 0, { id: 'NEW' }],
    ['Chrome, the committed top frame', { frameId: 0, parentFrameId: -1, documentId: 'TOP', documentLifecycle: 'active' }, 0, { id: 'TOP' }],
    ['Chrome, a prerendered page (not the tab\'s page until shown)', { frameId: 9, parentFrameId: -1, documentId: 'PRE', documentLifecycle: 'prerender' }, 9, undefined],
    ['Chrome, a child frame of the top frame', { frameId: 12, parentFrameId: 0, documentId: 'CHILD', parentDocumentId: 'TOP' }, 12, { id: 'TOP' }],
    ['Chrome, a grandchild frame', { frameId: 13, parentFrameId: 12, documentId: 'GRAND', parentDocumentId: 'CHILD' }, 13, undefined],
    ['Chrome, a child of a top-level document whose commit is not finished', { frameId: 14, parentFrameId: 7, documentId: 'C2', parentDocumentId: 'NEW' }, 14, undefined],
    ['Firefox, the top frame', { frameId: 0, parentFrameId: -1, documentUrl: 'http://www.spiegel.de/' }, 0, { url: 'http://www.spiegel.de/' }],
    ['Firefox, a child frame', { frameId: 5, parentFrameId: 0, documentUrl: 'http://ads.example/frame.html' }, 5, undefined],
    ['a request that names no document', { frameId: 0, parentFrameId: -1 }, 0, undefined],
  ] as [string, Partial<BeforeRequest>, number, object | undefined][])('%s', (_name, d, frameId, document) => {
    const req = observedRequest(detail(d));
    expect(req.frameId).toBe(frameId);
    expect(req.document).toEqual(document);
  });

  it('names no document for a main-frame request: its document is the one it will make', () => {
    expect(observedRequest(detail({ type: 'main_frame', url: 'http://www.spiegel.de/', documentId: undefined })).document).toBeUndefined();
  });

  it('takes Chrome\'s initiator, else Firefox\'s origin URL', () => {
    expect(observedRequest(detail({ initiator: 'http://a.test' })).initiator).toBe('http://a.test');
    expect(observedRequest(detail({ originUrl: 'http://b.test/x' })).initiator).toBe('http://b.test/x');
  });
});

describe("a new tab's first scripts, heard before its page's commit (the CI trace of 3 December)", () => {
  it('are in the report of the page, not of the about:blank before it', async () => {
    const engine = buildEngine(bundledDataset, 'bundled');
    const tracker = new TabTracker({ db: await openLogDB('observed-request'), engine: () => engine, jurisdiction: () => 'EEA', onChange: () => undefined });
    const at = (timeStamp: number, d: Partial<BeforeRequest>) => observedRequest(detail({ timeStamp, requestId: String(timeStamp), ...d }));
    tracker.commitNavigation(4, 'about:blank', 872, 'BLANK');
    tracker.startNavigation(at(963, { type: 'main_frame', url: 'http://www.spiegel.de/', frameId: 0 }));
    for (const [t, url] of [
      [1028, 'http://www.googletagmanager.com/gtm.js?id=GTM-STANDIN'],
      [1029, 'http://securepubads.g.doubleclick.net/tag/js/gpt.js'],
      [1031, 'http://mc.yandex.ru/metrika/tag.js'],
      [1032, 'http://static.hotjar.com/c/hotjar-1234567.js?sv=6'],
    ] as const) {
      tracker.observe(at(t, { url, frameId: 7, parentFrameId: -1, documentId: 'SPIEGEL', frameType: 'outermost_frame', documentLifecycle: '' as never }));
    }
    tracker.commitNavigation(4, 'http://www.spiegel.de/', 1049, 'SPIEGEL');
    tracker.observe(at(1080, { url: 'http://analytics.tiktok.com/i18n/pixel/events.js', documentId: 'SPIEGEL', documentLifecycle: 'active' }));
    expect((await tracker.pageRows(4)).map((r) => [r.host, r.frameId])).toEqual([
      ['www.spiegel.de', 0],
      ['www.googletagmanager.com', 0],
      ['securepubads.g.doubleclick.net', 0],
      ['mc.yandex.ru', 0],
      ['static.hotjar.com', 0],
      ['analytics.tiktok.com', 0],
    ]);
    expect(Object.keys(tracker.get(4)!.companies).sort()).toEqual(['google', 'hotjar', 'tiktok', 'yandex']);
  });
});
