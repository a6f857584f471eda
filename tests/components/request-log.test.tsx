// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LogActions } from '@/components/LogActions';
import { hostParts } from '@/components/host-parts';
import { RequestLog } from '@/components/RequestLog';
import { EMPTY_FILTER, filterRows, NO_COMPANY, searchTexts } from '@/components/log-filter';
import type { LogRow } from '@/data/log/log-row';
import { logRow } from '../fixtures/log-rows';
import { temuRows } from './report-fixture';
import { render } from './render';

afterEach(cleanup);

const NAMES: Record<string, string> = { temu: 'Temu', tencent: 'Tencent Holdings Ltd.' };
const companyName = (id: string) => NAMES[id];
const hosts = () => screen.getAllByTestId('log-row').map((r) => r.children[1]!.textContent);
const choose = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('filterRows', () => {
  const texts = vi.fn(() => searchTexts(temuRows, companyName));
  const hostsOf = (f: Partial<typeof EMPTY_FILTER>) => filterRows(temuRows, { ...EMPTY_FILTER, ...f }, texts).map((r) => r.host);

  it('combines risk, company, type and every search word', () => {
    expect(hostsOf({})).toHaveLength(4);
    expect(hostsOf({ level: 'high' })).toEqual(['www.temu.com', 'img.kwcdn.com']);
    expect(hostsOf({ company: NO_COMPANY })).toEqual(['cdn.unlisted-example.net']);
    expect(hostsOf({ type: 'script', level: 'low' })).toEqual(['bugly.qq.com']);
    expect(texts).not.toHaveBeenCalled(); // no search words: no search texts built
    expect(hostsOf({ text: 'TENCENT' })).toEqual(['bugly.qq.com']);
    expect(hostsOf({ text: 'temu image' })).toEqual(['img.kwcdn.com']);
    expect(hostsOf({ text: 'nothing-like-this' })).toEqual([]);
  });
});

describe('RequestLog', () => {
  it('filters by risk, company and type and searches as you type', () => {
    render(<RequestLog rows={temuRows} companyName={companyName} />);
    expect(hosts()).toEqual(['www.temu.com', 'img.kwcdn.com', 'bugly.qq.com', 'cdn.unlisted-example.net']);
    expect(screen.getByTestId('log-count').textContent).toBe('4 requests');

    choose('filter-risk', 'high');
    expect(hosts()).toEqual(['www.temu.com', 'img.kwcdn.com']);
    expect(screen.getByTestId('log-count').textContent).toBe('Showing 2 of 4 requests');
    choose('filter-type', 'image');
    expect(hosts()).toEqual(['img.kwcdn.com']);
    choose('filter-risk', '');
    choose('filter-type', '');
    choose('filter-company', 'tencent');
    expect(hosts()).toEqual(['bugly.qq.com']);
    choose('filter-company', '');

    fireEvent.input(screen.getByTestId('log-search'), { target: { value: 'unlisted' } });
    expect(hosts()).toEqual(['cdn.unlisted-example.net']);
    fireEvent.input(screen.getByTestId('log-search'), { target: { value: 'zzz' } });
    expect(screen.queryAllByTestId('log-row')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(hosts()).toHaveLength(4);
  });

  it('offers only the companies and types present, with names, and the risk column in words', () => {
    render(<RequestLog rows={temuRows} companyName={companyName} />);
    const options = (id: string) => [...screen.getByTestId(id).querySelectorAll('option')].map((o) => o.textContent);
    expect(options('filter-company')).toEqual(['Any company', 'Temu', 'Tencent Holdings Ltd.', 'Not in the dataset']);
    expect(options('filter-type')).toEqual(['Any type', 'image', 'main_frame', 'script']);
    const risk = screen.getAllByTestId('log-row')[0]!.children[4]!;
    expect(risk.textContent).toMatch(/high$/);
  });

  it('puts only the rows in view into the DOM for 5,000 rows and moves them on scroll', () => {
    const many: LogRow[] = Array.from({ length: 5_000 }, (_, i) => logRow({ host: `h${i}.example.net`, time: i }));
    render(<RequestLog rows={many} companyName={companyName} />);
    const rendered = screen.getAllByTestId('log-row');
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(60);
    expect(rendered[0]!.children[1]!.textContent).toBe('h0.example.net');
    expect(screen.getByTestId('request-log').getAttribute('aria-rowcount')).toBe('5001');

    const scroller = screen.getByRole('region', { name: /Logged requests/ });
    scroller.scrollTop = 24 * 2_000;
    fireEvent.scroll(scroller);
    const first = screen.getAllByTestId('log-row')[0]!;
    expect(first.children[1]!.textContent).toBe(`h${2_000 - 8}.example.net`);
    expect(first.getAttribute('aria-rowindex')).toBe(String(2_000 - 8 + 2));
  });

  it('says so when nothing was logged', () => {
    render(<RequestLog rows={[]} companyName={companyName} />);
    expect(screen.getByTestId('log-empty').textContent).toMatch(/No requests logged/);
    expect(screen.queryByTestId('request-log')).toBeNull();
  });
});

describe('LogActions', () => {
  it('shows the background’s error when export is not available, without throwing', async () => {
    const onExport = vi.fn(() => Promise.reject(new Error('Export is not available yet.')));
    render(<LogActions onExport={onExport} onClear={() => Promise.resolve(0)} />);
    fireEvent.click(screen.getByTestId('export-csv'));
    await waitFor(() => expect(screen.getByTestId('log-note').textContent).toBe('Could not export: Export is not available yet.'));
    expect(onExport).toHaveBeenCalledWith('csv', 'page');
    expect(screen.getByTestId('log-note').getAttribute('role')).toBe('status');
  });

  it('asks before clearing, focuses Cancel, and reports what was deleted', async () => {
    const onClear = vi.fn(() => Promise.resolve(12));
    render(<LogActions onExport={() => Promise.resolve(1)} onClear={onClear} fullTabHref="popup.html?tabId=7&view=log" />);
    fireEvent.click(screen.getByTestId('clear-log'));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Cancel'));
    expect(onClear).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('clear-confirm-yes'));
    await waitFor(() => expect(screen.getByTestId('log-note').textContent).toBe('Cleared 12 requests.'));
    expect(onClear).toHaveBeenCalledTimes(1);
    const link = screen.getByTestId('open-log-tab');
    expect(link.getAttribute('href')).toBe('popup.html?tabId=7&view=log');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });
});

describe('the host column elides in the middle', () => {
  it.each([
    ['securepubads.g.doubleclick.net', 'securepubads.g.', 'doubleclick.net'],
    ['www.temu.com', 'www.', 'temu.com'],
    ['temu.com', '', 'temu.com'],
    ['localhost', '', 'localhost'],
    ['static.bbc.co.uk', 'static.', 'bbc.co.uk'],
    ['a.b.example.com.au', 'a.b.', 'example.com.au'],
    ['cdn.example.de', 'cdn.', 'example.de'],
  ])('%s keeps %s… and %s', (host, start, end) => {
    expect(hostParts(host)).toEqual([start, end]);
  });

  it('keeps the whole host as the cell’s text, in the title with the URL, and focusable to show it whole', () => {
    const rows = [logRow({ host: 'securepubads.g.doubleclick.net', url: 'https://securepubads.g.doubleclick.net/tag/js/gpt.js' })];
    render(<RequestLog rows={rows} companyName={companyName} />);
    const cell = screen.getByTestId('log-row').children[1] as HTMLElement;
    expect(cell.textContent).toBe('securepubads.g.doubleclick.net');
    expect(cell.title).toBe('https://securepubads.g.doubleclick.net/tag/js/gpt.js');
    const host = cell.querySelector<HTMLElement>('.host')!;
    expect(host.tabIndex).toBe(0);
    expect(host.dataset.full).toBe('securepubads.g.doubleclick.net');
    expect([...host.children].map((c) => [c.className, c.textContent])).toEqual([
      ['host-start', 'securepubads.g.'],
      ['host-end', 'doubleclick.net'],
    ]);
  });
});
