// @vitest-environment happy-dom
// The sections the user opened or closed, remembered for the extension (not per site): the store on its own, and the
// popup closed and opened again on another site.
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SECTIONS_KEY, sectionMemory, type KeyValueArea } from '@/components/section-memory';
import { App } from '@/entrypoints/popup/App';
import { neutralReport, temuReport } from './report-fixture';
import { render } from './render';

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});

const area = (stored: Record<string, unknown> = {}): KeyValueArea & { stored: Record<string, unknown> } => ({
  stored,
  get: async (key) => (key in stored ? { [key]: stored[key] } : {}),
  set: async (items) => void Object.assign(stored, items),
});

describe('sectionMemory', () => {
  it.each([
    { name: 'nothing stored', value: undefined, read: {} },
    { name: 'choices', value: { log: false, ask: true }, read: { log: false, ask: true } },
    { name: 'another shape', value: ['log'], read: {} },
    { name: 'a string', value: 'log', read: {} },
    { name: 'null', value: null, read: {} },
    { name: 'entries of another version kept, bad ones dropped', value: { log: false, third: 'yes', 'Not An Id': true }, read: { log: false } },
  ])('reads $name', async ({ value, read }) => {
    expect(await sectionMemory(area(value === undefined ? {} : { [SECTIONS_KEY]: value })).read()).toEqual(read);
  });

  it('reads nothing, without throwing, when the area fails', async () => {
    const broken: KeyValueArea = { get: () => Promise.reject(new Error('quota')), set: () => Promise.reject(new Error('quota')) };
    expect(await sectionMemory(broken).read()).toEqual({});
    await expect(sectionMemory(broken).write({ log: false })).resolves.toBeUndefined();
  });

  it('writes in the order the choices were made', async () => {
    const a = area();
    const memory = sectionMemory(a);
    void memory.write({ log: false });
    void memory.write({ log: true });
    await memory.write({ log: true, ask: true });
    expect(a.stored[SECTIONS_KEY]).toEqual({ log: true, ask: true });
  });
});

describe('the popup remembers the sections the user opened, across popups and sites', () => {
  const open = (id: string) => screen.getByTestId(`section-${id}`).querySelector('h2 button')!.getAttribute('aria-expanded');
  const toggle = (id: string) => fireEvent.click(screen.getByTestId(`section-${id}`).querySelector('h2 button')!);
  const popup = (report = temuReport()) =>
    render(<App load={() => Promise.resolve(report)} view="popup" exportLog={vi.fn()} clearLog={vi.fn()} save={vi.fn()} copy={() => Promise.resolve()} />);

  it('in storage.local: the log closed and "Ask them" opened on Temu stay so on another site', async () => {
    popup();
    await screen.findByTestId('site');
    expect([open('log'), open('ask')]).toEqual(['true', 'false']);
    toggle('log');
    toggle('ask');
    expect([open('log'), open('ask')]).toEqual(['false', 'true']);
    await vi.waitFor(async () => expect((await fakeBrowser.storage.local.get(SECTIONS_KEY))[SECTIONS_KEY]).toEqual({ log: false, ask: true }));
    cleanup();

    popup(neutralReport());
    await screen.findByTestId('site');
    expect(screen.getByTestId('site').textContent).toBe('example.org');
    expect([open('log'), open('ask'), open('third')]).toEqual(['false', 'true', 'true']);
  });

  it('keeps the defaults when nothing was chosen', async () => {
    popup();
    await screen.findByTestId('site');
    expect([open('who'), open('log'), open('ask')]).toEqual(['true', 'true', 'false']);
  });
});
