// The popup's early reads (entrypoints/popup/early-read.ts): which tab, which summary, in which order, and the hand-off
// from the early script to the popup's own.
import { describe, expect, it } from 'vitest';
import { publishEarlyRead, startEarlyRead, takeEarlyRead, type EarlyApi } from '@/entrypoints/popup/early-read';

/** A fake API that records its calls in order and answers from `tabs` (id → url) and `session` (key → value). */
function fakeApi(tabs: Record<number, string>, active: number | undefined, session: Record<string, unknown>) {
  const calls: string[] = [];
  const api: EarlyApi = {
    tabs: {
      get: async (id) => {
        calls.push(`tabs.get ${id}`);
        if (!(id in tabs)) throw new Error(`No tab with id: ${id}.`);
        return { id, url: tabs[id] };
      },
      query: async () => {
        calls.push('tabs.query');
        return active === undefined ? [] : [{ id: active, url: tabs[active] }];
      },
    },
    storage: {
      session: {
        get: async (key) => {
          calls.push(`session.get ${key}`);
          return key in session ? { [key]: session[key] } : {};
        },
      },
    },
  };
  return { api, calls };
}

const summary = { head: { tabId: 3, url: 'https://www.temu.com/' } };

describe('startEarlyRead', () => {
  it.each([
    ['a named tab: its summary is asked for at once, beside the tab', '?tabId=3', ['tabs.get 3', 'session.get summary:3'], { id: 3 }, summary],
    ['the active tab: its summary once the query has named it', '', ['tabs.query', 'session.get summary:3'], { id: 3 }, summary],
    ['a named tab without a summary', '?tabId=4', ['tabs.get 4', 'session.get summary:4'], { id: 4 }, undefined],
    ['the full-tab log: the tab only, no summary', '?tabId=3&view=log', ['tabs.get 3'], { id: 3 }, undefined],
    ['a tab id that is not a number: the active tab', '?tabId=3x', ['tabs.query', 'session.get summary:3'], { id: 3 }, summary],
  ])('%s', async (_name, search, expectedCalls, tab, expectedSummary) => {
    const { api, calls } = fakeApi({ 3: 'https://www.temu.com/', 4: 'https://example.org/' }, 3, { 'summary:3': summary });
    const read = startEarlyRead(search, api);
    // Both reads are on their way before anything is awaited when the tab is named.
    if (/^\?tabId=\d+(&|$)/.test(search)) expect(calls).toEqual(expectedCalls);
    expect(await read.tab).toMatchObject(tab);
    expect(await read.summary).toEqual(expectedSummary);
    expect(calls).toEqual(expectedCalls);
  });

  it('no active tab: neither a tab nor a summary, and nothing read from storage', async () => {
    const { api, calls } = fakeApi({}, undefined, {});
    const read = startEarlyRead('', api);
    expect(await read.tab).toBeUndefined();
    expect(await read.summary).toBeUndefined();
    expect(calls).toEqual(['tabs.query']);
  });

  it('a tab that is gone rejects the tab, and the summary is still read', async () => {
    const { api } = fakeApi({}, undefined, { 'summary:9': summary });
    const read = startEarlyRead('?tabId=9', api);
    await expect(read.tab).rejects.toThrow(/No tab with id: 9/);
    expect(await read.summary).toEqual(summary);
  });
});

describe('the hand-off', () => {
  it('gives the published reads once, then nothing', () => {
    const read = { tab: Promise.resolve(undefined), summary: Promise.resolve(undefined) };
    expect(takeEarlyRead()).toBeUndefined();
    publishEarlyRead(read);
    expect(takeEarlyRead()).toBe(read);
    expect(takeEarlyRead()).toBeUndefined();
  });
});
