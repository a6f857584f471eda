import { beforeEach, describe, expect, it } from 'vitest';
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
      expect(await ask({ type }, CONTENT_SCRIPT)).toEqual({ ok: false, error: expect.stringMatching(/Refused/) });
    }
  });

  it('lets a content script send exactly the allowed messages, and extension pages everything', async () => {
    listen(handlers, new Set<MessageType>(['getDatasetInfo']));
    expect(await ask({ type: 'getDatasetInfo' }, CONTENT_SCRIPT)).toEqual({ ok: true, value: 'answered getDatasetInfo' });
    expect(await ask({ type: 'getTabReport', tabId: 3 }, CONTENT_SCRIPT)).toMatchObject({ ok: false, error: expect.stringMatching(/Refused/) });
    expect(await ask({ type: 'clearLog', scope: { all: true } }, CONTENT_SCRIPT)).toMatchObject({ ok: false });
    expect(await ask({ type: 'dropDatabase' }, CONTENT_SCRIPT)).toMatchObject({ ok: false, error: expect.stringMatching(/Refused/) });
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
