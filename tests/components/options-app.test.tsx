// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Client } from '@/data/i18n/localized-client';
import type { DatasetInfo, DatasetStatus, UpdateCheck, UpdatePreview } from '@/data/protocol';
import type { Settings } from '@/data/settings';
import { App } from '@/entrypoints/options/App';
import { applySettingsChange, defaultSettings } from '@/data/settings';
import { render } from './render';

afterEach(cleanup);

const XSS = '<img src=x onerror=alert(1)>';
const info: DatasetInfo = { version: '0.2.0', date: '2025-01-01', source: 'bundled', counts: { companies: 35 }, license: 'CC BY 4.0' };
const empty = { added: [], removed: [], changed: [] };
const preview: UpdatePreview = {
  origin: 'https://updates.example/dataset.json',
  from: info,
  to: { ...info, version: '0.2.1', source: 'update', signed: 'maintainers' },
  diff: { companies: { ...empty, added: [{ key: 'evil', label: XSS }] }, domains: empty, actions: empty, destinations: { before: 1, after: 1 }, version: 'newer' },
};

function stub(answers: { check?: UpdateCheck; pending?: UpdatePreview | null } = {}) {
  const status = (): DatasetStatus => ({ info, previous: null, pending: answers.pending ?? null, lastCheck: null, unsignedAllowed: [], defaultUpdateUrl: 'https://d.example/x.json' });
  let settings: Settings = defaultSettings('Europe/Vienna');
  const calls: [string, unknown][] = [];
  const send = vi.fn(async (type: string, req: { settings: Partial<Settings> }) => {
    calls.push([type, req]);
    if (type === 'getDatasetStatus') return status();
    if (type === 'getSettings') return settings;
    if (type === 'setSettings') return (settings = applySettingsChange(settings, req.settings));
    if (type === 'previewUpdate') return answers.check;
    throw new Error(`unexpected ${type}`);
  });
  return { send: send as unknown as Client, calls };
}

describe('settings page', () => {
  it('renders a company name from an update as text, never as HTML', async () => {
    render(<App send={stub({ pending: preview }).send} save={vi.fn()} />);
    const item = await screen.findByTestId('diff-item');
    expect(item.textContent).toContain(XSS);
    expect(document.querySelector('img')).toBeNull();
  });

  it('shows a rejected import with its message and offers no apply', async () => {
    const check: UpdateCheck = { kind: 'rejected', origin: 'file:bad.json', error: { key: 'updRejected', subs: ['1'] }, problems: ['(root): expected a JSON object, got null'], needsAllow: false };
    const { send, calls } = stub({ check });
    render(<App send={send} save={vi.fn()} />);
    const input = await screen.findByTestId('import-file');
    fireEvent.change(input, { target: { files: [new File(['null'], 'bad.json')] } });
    fireEvent.click(screen.getByTestId('import-check'));
    expect((await screen.findByTestId('update-error-message')).textContent).toMatch(/^The dataset was rejected/);
    expect((await screen.findByTestId('update-problems')).textContent).toMatch(/got null/);
    expect(calls).toContainEqual(['previewUpdate', { source: 'file', name: 'bad.json', text: 'null' }]);
    expect(screen.queryByTestId('apply-update')).toBeNull();
  });

  it('refuses a file over 10 MB without reading or sending it', async () => {
    const { send, calls } = stub();
    render(<App send={send} save={vi.fn()} />);
    const big = new File(['x'], 'big.json');
    Object.defineProperty(big, 'size', { value: 60 * 1048576 });
    const text = vi.spyOn(big, 'text');
    fireEvent.change(await screen.findByTestId('import-file'), { target: { files: [big] } });
    fireEvent.click(screen.getByTestId('import-check'));
    expect((await screen.findByTestId('update-error-message')).textContent).toMatch(/60\.0 MB is larger than the 10 MB limit/);
    expect(text).not.toHaveBeenCalled();
    expect(calls.map(([t]) => t)).not.toContain('previewUpdate');
  });

  it('refuses an http update URL on the page and saves an https one', async () => {
    const { send, calls } = stub();
    render(<App send={send} save={vi.fn()} />);
    const url = await screen.findByTestId('update-url');
    fireEvent.input(url, { target: { value: 'http://updates.example/d.json' } });
    fireEvent.click(screen.getByTestId('save-url'));
    expect((await screen.findByTestId('url-error')).textContent).toMatch(/https:\/\//);
    fireEvent.input(screen.getByTestId('update-url'), { target: { value: 'https://updates.example/d.json' } });
    fireEvent.click(screen.getByTestId('save-url'));
    await waitFor(() => expect(calls).toContainEqual(['setSettings', { settings: { updateUrl: 'https://updates.example/d.json' } }]));
  });

  it('saves preferences through setSettings', async () => {
    const { send, calls } = stub();
    render(<App send={send} save={vi.fn()} />);
    fireEvent.change(await screen.findByTestId('badge-threshold'), { target: { value: 'high' } });
    fireEvent.click(screen.getByTestId('in-page-warning'));
    fireEvent.change(screen.getByTestId('retention-days'), { target: { value: '30' } });
    fireEvent.change(screen.getByTestId('retention-days'), { target: { value: '-3' } });
    await waitFor(() =>
      expect(calls.filter(([t]) => t === 'setSettings').map(([, r]) => r)).toEqual([
        { settings: { badgeThreshold: 'high' } },
        { settings: { inPageWarning: false } },
        { settings: { retentionDays: 30 } },
      ]),
    );
  });
});

describe('welcome', () => {
  it('asks where the user lives until answered, preselected from the time zone, and saves the answer', async () => {
    const { send, calls } = stub();
    render(<App send={send} save={vi.fn()} timeZone="Europe/London" />);
    const welcome = await screen.findByTestId('welcome');
    expect(welcome.textContent).toContain('Where do you live?');
    expect(screen.getByTestId('welcome-guess').textContent).toContain('Europe/London');
    expect((screen.getByTestId('welcome-UK') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('welcome-EEA') as HTMLInputElement).checked).toBe(false);
    expect(screen.getByTestId('jurisdiction-guessed').textContent).toMatch(/Guessed from your time zone/);
    fireEvent.click(screen.getByTestId('welcome-elsewhere'));
    fireEvent.click(screen.getByTestId('welcome-save'));
    await waitFor(() => expect(calls).toContainEqual(['setSettings', { settings: { residence: 'elsewhere' } }]));
    expect((await screen.findByTestId('welcome-saved')).textContent).toMatch(/^Saved: Elsewhere \(Borderline applies the EEA’s rules as a reference\)/);
    expect(screen.queryByTestId('welcome')).toBeNull();
    expect(screen.queryByTestId('jurisdiction-guessed')).toBeNull();
    expect(screen.getByTestId('elsewhere-note').textContent).toMatch(/applies the EEA’s rules \(the EU’s adequacy list\) as a reference/);
  });

  it('shows no welcome once the user has answered', async () => {
    const { send } = stub();
    await send('setSettings', { settings: { residence: 'CH' } });
    render(<App send={send} save={vi.fn()} timeZone="Europe/Berlin" />);
    expect(((await screen.findByTestId('jurisdiction')) as HTMLSelectElement).value).toBe('CH');
    expect(screen.queryByTestId('welcome')).toBeNull();
  });

  it('says so when the browser names no time zone', async () => {
    render(<App send={stub().send} save={vi.fn()} />);
    expect((await screen.findByTestId('welcome-guess')).textContent).toMatch(/does not name a time zone/);
    expect((screen.getByTestId('welcome-elsewhere') as HTMLInputElement).checked).toBe(true);
  });
});
