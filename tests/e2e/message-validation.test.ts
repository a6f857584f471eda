// Issue 16, defect 5: every message's payload is checked against the protocol's schema before any handler runs. An
// invalid one is answered with an error, logged once by the worker, and changes nothing: here a clear of the log
// with no scope (which used to fall through to "clear everything"), an unsigned-source switch whose `allow` is a
// string, a report asked for with a tab id that is not a number, and a settings change that is not an object.
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../scripts/harness/browser';
import type { Chrome } from '../../scripts/harness/browser';
import { storedRows } from '../../scripts/harness/worker-probes';
import { useDemo } from './demo';

declare const chrome: Chrome;
const demo = useDemo();
let extensionPage: Page;
const workerLog: string[] = [];

beforeAll(async () => {
  const sw = await demo.browser.worker();
  sw.on('console', (m: ConsoleMessage) => workerLog.push(m.text()));
  extensionPage = await demo.browser.context.newPage();
  await extensionPage.goto(`chrome-extension://${demo.browser.extensionId}/popup.html?tabId=0`);
});
afterAll(() => extensionPage?.close());

const send = (msg: unknown) => extensionPage.evaluate((m) => chrome.runtime.sendMessage(m), msg);

describe('message payloads are validated', () => {
  it('answers invalid messages with an error, logs each once and changes nothing', async () => {
    const { tabId, page } = await demo.browser.visit('http://www.temu.com/');
    const sw = await demo.browser.worker();
    const rows = await eventually(() => storedRows(sw), (r) => r.some((x) => x.host === 'bugly.qq.com'));
    const before = { rows: rows.length, status: (await send({ type: 'getDatasetStatus' })).value, settings: (await send({ type: 'getSettings' })).value };

    const invalid = [
      { type: 'clearLog' },
      { type: 'clearLog', scope: {} },
      { type: 'clearLog', scope: { site: 42 } },
      { type: 'allowUnsigned', origin: 'https://unsigned.example/dataset.json', allow: 'no' },
      { type: 'getTabReport', tabId: String(tabId) },
      { type: 'setSettings', settings: 'EEA' },
      { type: 'exportLog', scope: { all: true }, format: 'xml' },
    ];
    const logged = workerLog.length;
    const replies: { ok: boolean; error?: unknown }[] = [];
    for (const msg of invalid) replies.push(await send(msg));
    expect(invalid.filter((_, i) => replies[i]?.ok !== false).map((m) => JSON.stringify(m)), 'accepted').toEqual([]);
    // The error is a message key with its parameters, for the page to say in the user's language.
    for (const reply of replies) expect(reply.error).toMatchObject({ key: 'errorInvalidMessage' });
    await new Promise((r) => setTimeout(r, 500));
    expect(workerLog.slice(logged).filter((l) => /invalid message/i.test(l)).length).toBe(invalid.length);

    expect((await storedRows(sw)).length).toBeGreaterThanOrEqual(before.rows);
    expect((await send({ type: 'getDatasetStatus' })).value.unsignedAllowed).toEqual(before.status.unsignedAllowed);
    expect((await send({ type: 'getSettings' })).value).toEqual(before.settings);
    expect((await demo.browser.badge(tabId)).text).toBe('HIGH');
    // A valid message still works.
    expect((await send({ type: 'getTabReport', tabId })).ok).toBe(true);
    await page.close();
  });
});
