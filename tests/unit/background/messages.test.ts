import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CONTENT_SCRIPT_ALLOWED, isOwnContentScript, type MessageType } from '@/data/protocol';
import { listen, type Handlers } from '@/entrypoints/background/messages';
import { POPUP, send } from './harness';

const ID = POPUP.id;
const ORIGIN = `chrome-extension://${ID}/`;
const PAGE = POPUP;
const PAGE_IN_TAB = { id: ID, url: `${ORIGIN}popup.html?tabId=3`, tab: { id: 4 } };
const CONTENT_SCRIPT = { id: ID, url: 'https://www.temu.com/', tab: { id: 3 } };

const handlers = new Proxy({} as Handlers, { get: (_t, type) => async () => `answered ${String(type)}` });

const ask = send;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('message senders', () => {
  it('lets a content script send only the in-page warning\'s three messages', async () => {
    expect([...CONTENT_SCRIPT_ALLOWED].sort()).toEqual(['dismissSiteWarning', 'getSiteWarning', 'openDetails']);
    listen(handlers);
    for (const type of ['getTabReport', 'getSettings', 'setSettings', 'exportLog', 'clearLog', 'getDatasetInfo']) {
      expect(await ask({ type }, CONTENT_SCRIPT)).toEqual({ ok: false, error: { key: 'errorRefused' } });
    }
  });

  it('lets a content script send exactly the allowed messages, and extension pages everything', async () => {
    listen(handlers, new Set<MessageType>(['getDatasetInfo']));
    expect(await ask({ type: 'getDatasetInfo' }, CONTENT_SCRIPT)).toEqual({ ok: true, value: 'answered getDatasetInfo' });
    expect(await ask({ type: 'getTabReport', tabId: 3 }, CONTENT_SCRIPT)).toMatchObject({ ok: false, error: { key: 'errorRefused' } });
    expect(await ask({ type: 'clearLog', scope: { all: true } }, CONTENT_SCRIPT)).toMatchObject({ ok: false });
    expect(await ask({ type: 'dropDatabase' }, CONTENT_SCRIPT)).toMatchObject({ ok: false, error: { key: 'errorRefused' } });
    // Another extension's content script or page is not ours, whatever it asks.
    expect(await ask({ type: 'getDatasetInfo' }, { ...CONTENT_SCRIPT, id: 'other' })).toMatchObject({ ok: false });
    expect(await ask({ type: 'clearLog', scope: { all: true } }, PAGE)).toEqual({ ok: true, value: 'answered clearLog' });
    expect(await ask({ type: 'getTabReport', tabId: 3 }, PAGE_IN_TAB)).toEqual({ ok: true, value: 'answered getTabReport' });
  });

  it('tells a content script from an extension page shown in a tab', () => {
    expect(isOwnContentScript(CONTENT_SCRIPT, ID, ORIGIN)).toBe(true);
    expect(isOwnContentScript(PAGE_IN_TAB, ID, ORIGIN)).toBe(false);
    expect(isOwnContentScript(PAGE, ID, ORIGIN)).toBe(false);
    expect(isOwnContentScript({ ...CONTENT_SCRIPT, id: 'other' }, ID, ORIGIN)).toBe(false);
  });
});

describe('sender origins and payloads', () => {
  it('refuses a sender whose origin disagrees with its URL, where the browser names one', async () => {
    listen(handlers);
    expect(await ask({ type: 'getDatasetInfo' }, { ...PAGE, origin: `chrome-extension://${ID}` })).toEqual({ ok: true, value: 'answered getDatasetInfo' });
    expect(await ask({ type: 'getDatasetInfo' }, { ...PAGE, origin: 'https://evil.example' })).toEqual({ ok: false, error: { key: 'errorRefused' } });
    expect(await ask({ type: 'getSiteWarning' }, { ...CONTENT_SCRIPT, origin: 'https://www.temu.com' })).toEqual({ ok: true, value: 'answered getSiteWarning' });
    expect(await ask({ type: 'getSiteWarning' }, { ...CONTENT_SCRIPT, origin: 'https://www.evil.test' })).toEqual({ ok: false, error: { key: 'errorRefused' } });
    expect(await ask({ type: 'getSiteWarning' }, { ...CONTENT_SCRIPT, url: 'file:///etc/passwd' })).toEqual({ ok: false, error: { key: 'errorRefused' } });
  });

  it('answers an invalid payload with an error, once in the log, without calling the handler', async () => {
    const called: string[] = [];
    listen(new Proxy({} as Handlers, { get: (_t, type) => async () => void called.push(String(type)) }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const invalid = [
      { type: 'clearLog', scope: {} },
      { type: 'clearLog', scope: { tabId: 1, all: true } },
      { type: 'getTabReport', tabId: -1 },
      { type: 'getTabReport', tabId: 1.5 },
      { type: 'setSettings', settings: { retentionDays: 0 } },
      { type: 'setSettings', settings: { unknown: 1 } },
      { type: 'previewUpdate', source: 'file', name: 'x.json' },
      { type: 'allowUnsigned', origin: 'https://x.example/', allow: 1 },
      { type: 'openDetails', view: 'settings' },
      { type: 'getDatasetInfo', extra: true },
    ];
    for (const msg of invalid) expect(await ask(msg, PAGE), JSON.stringify(msg)).toEqual({ ok: false, error: { key: 'errorInvalidMessage', subs: [msg.type] } });
    expect(called).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(invalid.length);
    warn.mockRestore();
    expect(await ask({ type: 'clearLog', scope: { site: 'temu.com' } }, PAGE)).toEqual({ ok: true, value: undefined });
    expect(called).toEqual(['clearLog']);
  });
});
