// @vitest-environment happy-dom
// The answer at a glance, rendered in English: the sentence's counts in words, and the picture naming each country
// under its status, headquarters apart from disclosed destinations.
import { cleanup } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { GlanceSummary } from '@/components/GlanceSummary';
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
