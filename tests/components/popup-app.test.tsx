// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App, type AppProps } from '@/entrypoints/popup/App';
import type { TabReport } from '@/data/protocol';
import { temuReport } from './report-fixture';
import { render } from './render';

afterEach(cleanup);

function props(load: () => Promise<TabReport>, over: Partial<AppProps> = {}): AppProps {
  return {
    load,
    view: 'popup',
    exportLog: () => Promise.reject(new Error('Export is not available yet.')),
    clearLog: () => Promise.reject(new Error('Clearing the log is not available yet.')),
    save: vi.fn(),
    copy: () => Promise.resolve(),
    ...over,
  };
}

describe('popup App states', () => {
  it('shows a loading state until the report arrives, then calls onReady once', async () => {
    let resolve!: (r: TabReport) => void;
    const onReady = vi.fn();
    render(<App {...props(() => new Promise((r) => (resolve = r)), { onReady })} />);
    expect(screen.getByTestId('loading').getAttribute('aria-busy')).toBe('true');
    resolve(temuReport());
    await screen.findByTestId('site');
    await waitFor(() => expect(onReady).toHaveBeenCalledTimes(1));
  });

  it('paints the summary\'s header while the report is on its way, then the report; onReady says which came first', async () => {
    let resolve!: (r: TabReport) => void;
    const onReady = vi.fn();
    const summary = temuReport({ requests: [] });
    render(<App {...props(() => new Promise((r) => (resolve = r)), { onReady, summary: () => Promise.resolve(summary) })} />);
    const early = await screen.findByTestId('report-summary');
    expect(early.getAttribute('aria-busy')).toBe('true');
    expect(within(early).getByTestId('site').textContent).toBe('temu.com');
    expect(within(early).getByTestId('glance-sentence').textContent).toMatch(/2 companies/);
    expect(screen.queryByTestId('request-log-view')).toBeNull(); // the summary's counts are not the log's
    await waitFor(() => expect(onReady.mock.calls).toEqual([['summary']]));
    resolve(temuReport());
    await screen.findByTestId('request-log-view');
    expect(screen.queryByTestId('report-summary')).toBeNull();
    await waitFor(() => expect(onReady.mock.calls).toEqual([['summary'], ['report']]));
  });

  it('with a summary read before it, the first render is the answer: no loading state first', async () => {
    const onReady = vi.fn();
    render(<App {...props(() => new Promise<TabReport>(() => undefined), { onReady, initial: temuReport({ requests: [] }) })} />);
    expect(screen.queryByTestId('loading')).toBeNull();
    expect(within(screen.getByTestId('report-summary')).getByTestId('site').textContent).toBe('temu.com');
    await waitFor(() => expect(onReady.mock.calls).toEqual([['summary']]));
  });

  it('a summary of a restricted page read before the first render is not shown', () => {
    render(<App {...props(() => new Promise<TabReport>(() => undefined), { initial: temuReport({ url: 'chrome://extensions/', restricted: true }) })} />);
    expect(screen.getByTestId('loading')).toBeTruthy();
  });

  it.each([
    ['no summary', () => Promise.resolve(undefined)],
    ['a summary that comes after the report', () => new Promise<TabReport>((r) => setTimeout(() => r(temuReport({ requests: [] })), 50))],
    ['a summary of a restricted page', () => Promise.resolve(temuReport({ url: 'chrome://extensions/', restricted: true }))],
  ])('with %s the report is the first answer', async (_name, summary) => {
    const onReady = vi.fn();
    render(<App {...props(() => Promise.resolve(temuReport()), { onReady, summary })} />);
    await screen.findByTestId('request-log-view');
    await new Promise((r) => setTimeout(r, 80));
    expect(screen.queryByTestId('report-summary')).toBeNull();
    expect(onReady.mock.calls).toEqual([['report']]);
  });

  it('shows an error with a retry that loads again', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('No answer from the background worker.')).mockResolvedValueOnce(temuReport());
    render(<App {...props(load)} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/No answer from the background worker/);
    fireEvent.click(screen.getByTestId('retry'));
    expect((await screen.findByTestId('site')).textContent).toBe('temu.com');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('explains restricted pages instead of reporting nothing found', async () => {
    render(<App {...props(() => Promise.resolve(temuReport({ url: 'chrome://extensions/', restricted: true })))} />);
    expect((await screen.findByTestId('restricted')).textContent).toMatch(/cannot look at this page.*not a verdict/s);
    expect(screen.queryByTestId('risk-badge')).toBeNull();
  });

  it('exports through the background and hands the file to save()', async () => {
    const file = { filename: 'borderline-log.csv', mime: 'text/csv' as const, text: 'a,b', rows: 4 };
    const exportLog = vi.fn(() => Promise.resolve(file));
    const save = vi.fn();
    render(<App {...props(() => Promise.resolve(temuReport()), { exportLog, save })} />);
    fireEvent.click(await screen.findByTestId('export-csv'));
    await waitFor(() => expect(screen.getByTestId('log-note').textContent).toBe('Exported 4 requests.'));
    expect(exportLog).toHaveBeenCalledWith({ tabId: 7 }, 'csv');
    expect(save).toHaveBeenCalledWith(file);
  });

  it('reloads the report after clearing the log', async () => {
    const load = vi.fn().mockResolvedValueOnce(temuReport()).mockResolvedValueOnce(temuReport({ requests: [] }));
    const clearLog = vi.fn(() => Promise.resolve({ deleted: 4 }));
    render(<App {...props(load, { clearLog })} />);
    fireEvent.click(await screen.findByTestId('clear-log'));
    fireEvent.click(screen.getByTestId('clear-confirm-yes'));
    await screen.findByTestId('log-empty');
    expect(clearLog).toHaveBeenCalledWith({ tabId: 7 });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('shows only the log, with no link to itself, in the full-tab view', async () => {
    render(<App {...props(() => Promise.resolve(temuReport()), { view: 'log' })} />);
    expect((await screen.findByTestId('site')).textContent).toBe('Request log: temu.com');
    expect(screen.getAllByTestId('log-row')).toHaveLength(4);
    expect(screen.queryByTestId('open-log-tab')).toBeNull();
    expect(screen.queryByTestId('section-nav')).toBeNull();
  });

  it('lets the full-tab log export and clear the whole site or everything, not only the page', async () => {
    const file = { filename: 'borderline-log.json', mime: 'application/json' as const, text: '[]', rows: 40 };
    const exportLog = vi.fn(() => Promise.resolve(file));
    const clearLog = vi.fn(() => Promise.resolve({ deleted: 40 }));
    render(<App {...props(() => Promise.resolve(temuReport()), { view: 'log', exportLog, clearLog })} />);
    const scope = await screen.findByTestId('log-scope');
    expect([...scope.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['This page', 'All of temu.com', 'Everything logged']);
    fireEvent.change(scope, { target: { value: 'site' } });
    fireEvent.click(screen.getByTestId('export-json'));
    await waitFor(() => expect(exportLog).toHaveBeenCalledWith({ site: 'temu.com' }, 'json'));
    fireEvent.change(scope, { target: { value: 'all' } });
    fireEvent.click(screen.getByTestId('clear-log'));
    expect(screen.getByTestId('clear-confirm').textContent).toMatch(/Delete the logged requests of everything logged\?/);
    fireEvent.click(screen.getByTestId('clear-confirm-yes'));
    await waitFor(() => expect(clearLog).toHaveBeenCalledWith({ all: true }));
  });

  it('offers no scope choice in the popup: it acts on the page it shows', async () => {
    render(<App {...props(() => Promise.resolve(temuReport()))} />);
    await screen.findByTestId('export-json');
    expect(screen.queryByTestId('log-scope')).toBeNull();
  });

  it('refreshes the log with what the page sent since it opened', async () => {
    const load = vi.fn().mockResolvedValueOnce(temuReport({ requests: [] })).mockResolvedValueOnce(temuReport());
    render(<App {...props(load, { view: 'log' })} />);
    await screen.findByTestId('log-empty');
    fireEvent.click(screen.getByTestId('refresh-log'));
    await waitFor(() => expect(screen.getAllByTestId('log-row')).toHaveLength(4));
    expect(screen.getByTestId('log-note').textContent).toBe('Log refreshed.');
  });
});

describe('"Ask them" in the popup', () => {
  it('view=ask shows the Art. 15 request for the site at once, copies it through copy(), and offers the third parties', async () => {
    const copy = vi.fn(() => Promise.resolve());
    render(<App {...props(() => Promise.resolve(temuReport()), { view: 'ask', copy })} />);
    const site = await screen.findByTestId('ask-view');
    const request = site.querySelector('[data-testid="access-request"][data-company="temu"]')!;
    const text = (request.querySelector('[data-testid="access-request-text"]') as HTMLTextAreaElement).value;
    expect(text).toMatch(/^Request for access to my personal data \(Article 15 GDPR\)/);
    expect(text).toContain('To: Whaleco Technology Limited');
    expect(text).toMatch(/recipients in third countries, naming each country \(Article 15\(1\)\(c\)\)/);
    expect(text).toMatch(/safeguards relied on under Article 46 GDPR \(Article 15\(2\)\)/);
    expect(request.querySelector('[data-testid="access-request-mail"]')!.getAttribute('href')).toMatch(/^mailto:\?subject=/);
    fireEvent.click(request.querySelector('[data-testid="access-request-copy"]')!);
    expect(copy).toHaveBeenCalledWith(text);
    await waitFor(() => expect(request.querySelector('[data-testid="access-request-copy"]')!.textContent).toBe('Copied'));
    expect(screen.getAllByTestId('ask-third-party').map((d) => d.getAttribute('data-company'))).toEqual(['tencent']);
    expect(screen.queryByTestId('section-nav')).toBeNull();
  });

  it('keeps the request in a closed "Ask them" section of the report, one click away', async () => {
    render(<App {...props(() => Promise.resolve(temuReport()))} />);
    const toggle = within(await screen.findByTestId('section-ask')).getByRole('button', { name: /Ask them what they share/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(within(screen.getByTestId('section-ask')).getAllByTestId('access-request').length).toBeGreaterThan(0);
  });
});
