// @vitest-environment happy-dom
// The answer at a glance, rendered in English: the sentence's counts in words, and the picture naming each country
// under its status, headquarters apart from disclosed destinations; a country narrows the companies below to it.
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { GlanceSummary } from '@/components/GlanceSummary';
import { TabReportView } from '@/components/TabReportView';
import { render } from './render';
import { neutralReport, risk, temuReport } from './report-fixture';

const party = (id: string, requests = 1) => ({ assessment: risk.assess(id, 'EEA')!, requests, roles: [], hosts: [], sameGroupAsSite: false });

afterEach(cleanup);

describe('GlanceSummary', () => {
  it.each([
    { name: 'Temu and Tencent', report: temuReport(), sentence: /^This page sends data to 2 companies based in 2 countries; 2 of them without protection for you\. 1 more host is unknown, which is not safe\.$/ },
    { name: 'nothing known', report: neutralReport(), sentence: /^This page sends data to no company in Borderline’s dataset\.$/ },
    {
      name: 'a news page',
      report: temuReport({ siteAssessment: null, unknownThirdParties: [], thirdParties: ['google', 'yandex', 'pinterest'].map((id) => party(id)) }),
      sentence: /^This page sends data to 3 companies based in 2 countries; 1 of them without protection for you\.$/,
    },
  ])('says it in one sentence: $name', ({ report, sentence }) => {
    const { getByTestId } = render(<GlanceSummary report={report} />);
    expect(getByTestId('glance-sentence').textContent).toMatch(sentence);
  });

  it('names each country under its status, headquarters apart from destinations, with the number of companies', () => {
    const { getByTestId } = render(<GlanceSummary report={temuReport()} />);
    const hq = getByTestId('picture-hq');
    const dest = getByTestId('picture-dest');
    const item = (part: HTMLElement, country: string) => part.querySelector<HTMLElement>(`[data-testid="picture-country"][data-country="${country}"]`);
    expect(item(hq, 'IE')!.closest('[data-testid="picture-group"]')!.textContent).toMatch(/^✓ inside your area.*: Ireland \(1\), 1 company$/);
    expect(item(hq, 'CN')!.closest('[data-testid="picture-group"]')!.textContent).toMatch(/^✗ no adequacy decision.*: China \(1\), 1 company$/);
    expect(item(dest, 'unspecified')!.textContent).toMatch(/^Unspecified third countries \(1\)/);
    expect(item(dest, 'IE')).toBeNull(); // Temu's headquarters is not where it says data goes
    expect(dest.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
  });
});

describe('a country of the picture narrows the companies below', () => {
  const news = () => temuReport({ siteAssessment: null, unknownThirdParties: [{ host: 'x.example', requests: 1 }], thirdParties: ['google', 'yandex', 'pinterest', 'tencent'].map((id) => party(id)) });
  const companies = () => screen.getAllByTestId('third-party').map((e) => e.dataset.company);
  const place = (kind: string, country: string) =>
    within(screen.getByTestId(`picture-${kind}`)).getAllByTestId('picture-country').filter((e) => e.dataset.country === country)[0]!.querySelector('button')!;
  const status = () => screen.getByTestId('glance-filter-status');

  it('shows only the companies the picture counts there, says so in a live region, and shows all again', () => {
    render(<TabReportView report={news()} />);
    expect(companies().sort()).toEqual(['google', 'pinterest', 'tencent', 'yandex']);
    expect(status().getAttribute('role')).toBe('status');
    expect(status().textContent).toBe('');
    const russia = place('hq', 'RU');
    expect(russia.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(russia);
    expect(russia.getAttribute('aria-pressed')).toBe('true');
    expect(companies()).toEqual(['yandex']);
    expect(status().textContent).toMatch(/^Showing 1 company below · headquartered in: Russia \(no adequacy decision\)$/);
    expect(screen.getByTestId('tp-filter').textContent).toMatch(/^Showing 1 company below · headquartered in: Russia/);
    expect(screen.queryByTestId('unknown-hosts')).toBeNull(); // unknown hosts are in no country
    // Another country replaces the filter; the first is no longer pressed.
    const us = place('hq', 'US');
    fireEvent.click(us);
    expect(russia.getAttribute('aria-pressed')).toBe('false');
    expect(companies().sort()).toEqual(['google', 'pinterest']);
    expect(us.closest('li')!.dataset.companies).toBe('2');
    // "Show all" undoes it, says so, and leaves focus on the country that had set it.
    fireEvent.click(screen.getByTestId('glance-show-all'));
    expect(companies().sort()).toEqual(['google', 'pinterest', 'tencent', 'yandex']);
    expect(status().textContent).toBe('Showing all companies again.');
    expect(document.activeElement).toBe(us);
    expect(screen.queryByTestId('glance-show-all')).toBeNull();
    expect(screen.getByTestId('unknown-hosts')).toBeTruthy();
  });

  it('pressing the same country again shows all; the list’s own "Show all" does too', () => {
    render(<TabReportView report={news()} />);
    const china = place('hq', 'CN');
    fireEvent.click(china);
    expect(companies()).toEqual(['tencent']);
    fireEvent.click(china);
    expect(companies().length).toBe(4);
    fireEvent.click(place('dest', 'RU'));
    expect(companies()).toContain('yandex');
    fireEvent.click(screen.getByTestId('tp-show-all'));
    expect(companies().length).toBe(4);
    expect(document.activeElement).toBe(screen.getByTestId('section-third').querySelector('h2 button'));
  });

  it('counts the site’s own company in and says where it is, and opens the companies when they were closed', () => {
    render(<TabReportView report={temuReport()} />);
    fireEvent.click(screen.getByTestId('section-third').querySelector('h2 button')!);
    expect(screen.getByTestId('section-third').querySelector('.section-panel')!.hasAttribute('hidden')).toBe(true);
    fireEvent.click(place('hq', 'CN')); // Temu is headquartered in Ireland, Tencent in China
    expect(screen.getByTestId('section-third').querySelector('.section-panel')!.hasAttribute('hidden')).toBe(false);
    expect(companies()).toEqual(['tencent']);
    fireEvent.click(place('dest', 'unspecified'));
    expect(screen.getByTestId('tp-filter-site').textContent).toBe(' This site’s own company, Temu, is one of them: see the sections above.');
  });

  it('is text, not buttons, where nothing can be narrowed', () => {
    render(<GlanceSummary report={news()} />);
    expect(screen.getByTestId('picture').querySelector('button')).toBeNull();
    expect(screen.queryByTestId('glance-filter')).toBeNull();
  });

  it('draws the bar with a shape per look, not a colour alone', () => {
    const { container } = render(<GlanceSummary report={news()} />);
    const looks = [...container.querySelectorAll('.glance-bar rect')].map((r) => r.getAttribute('data-look'));
    expect(new Set(looks)).toEqual(new Set(['concern', 'ok']));
    expect(container.querySelector('pattern#glance-hatch')).toBeTruthy();
  });
});
