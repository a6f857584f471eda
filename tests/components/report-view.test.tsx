// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { RiskBadge } from '@/components/RiskBadge';
import { TabReportView } from '@/components/TabReportView';
import { DestinationList } from '@/components/DestinationList';
import { ThirdPartyList } from '@/components/ThirdPartyList';
import { LEVELS, type AssessedDestination } from '@/data/assess/risk';
import { neutralReport, risk, temuReport } from './report-fixture';
import { render } from './render';

afterEach(cleanup);

describe('RiskBadge', () => {
  it('gives every level its own icon and word besides the colour', () => {
    const seen = new Set<string>();
    for (const level of LEVELS) {
      const { container, unmount } = render(<RiskBadge level={level} />);
      const badge = container.querySelector('[data-testid="risk-badge"]')!;
      const icon = badge.querySelector('[aria-hidden="true"]')!.textContent!.trim();
      const word = badge.textContent!.replace(icon, '').trim();
      expect(icon).not.toBe('');
      expect(word).toMatch(/risk|transfers|known, no concern/i);
      seen.add(`${icon}|${word}`);
      unmount();
    }
    expect(seen.size).toBe(LEVELS.length);
  });
});

describe('TabReportView on the Temu report', () => {
  it('shows the verdict, the owner chain, the EEA controller, the destinations and the actions newest first', () => {
    render(<TabReportView report={temuReport()} />);
    expect(screen.getByTestId('site').textContent).toBe('temu.com');
    expect(screen.getAllByTestId('risk-badge')[0]!.textContent).toMatch(/High risk/);
    expect(screen.getByTestId('why').textContent).toMatch(/third countries/);
    expect(screen.getAllByTestId('company-name').map((e) => e.textContent)).toEqual(['Temu', 'PDD Holdings Inc.']);
    expect(screen.getByTestId('eea-controller').textContent).toMatch(/Whaleco Technology Limited \(Ireland\)/);
    const destinations = screen.getAllByTestId('destination');
    expect(destinations.length).toBe(risk.assess('temu', 'EEA')!.destinations.length);
    expect(destinations[0]!.textContent).toMatch(/Unspecified third countries.*countries not named/);
    expect(screen.getAllByTestId('basis').map((e) => e.textContent)).toContain('Legal basis stated: Adequacy decisions or SCCs');
    const dates = screen.getAllByTestId('action').map((a) => a.querySelector('time')!.getAttribute('datetime')!);
    expect(dates.length).toBeGreaterThan(1);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(screen.getByTestId('unknown-hosts').textContent).toMatch(/Unknown company.*1 third-party host \(1 request\) that Borderline cannot attribute.*cdn\.unlisted-example\.net/);
    const tencent = screen.getAllByTestId('third-party').find((e) => e.dataset.company === 'tencent')!;
    expect(within(tencent).getByTestId('third-party-summary').textContent).toMatch(/1 request · SDK/);
  });

  it('opens every source link in a new tab without an opener', () => {
    render(<TabReportView report={temuReport()} />);
    const links = screen.getAllByTestId('source-link');
    expect(links.length).toBeGreaterThan(5);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(a.textContent).toMatch(/opens in a new tab/);
    }
  });

  it('collapses a section from its heading button and reopens it from the section nav', () => {
    render(<TabReportView report={temuReport()} />);
    const toggle = within(screen.getByTestId('section-actions')).getByRole('button', { name: /Actions/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById('panel-actions')!.hidden).toBe(true);
    fireEvent.click(within(screen.getByTestId('section-nav')).getByText('Actions'));
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById('panel-actions')!.hidden).toBe(false);
    expect(document.activeElement).toBe(toggle);
  });

  it('renders dataset strings as text, never as markup', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const report = temuReport();
    const site = report.siteAssessment!;
    const company = { ...site.company, name: evil };
    const action = { ...site.actions[0]!, summary: evil, authority: evil };
    render(<TabReportView report={{ ...report, siteAssessment: { ...site, company, chain: [company, ...site.chain.slice(1)], actions: [action] } }} />);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getAllByTestId('company-name')[0]!.textContent).toBe(evil);
    expect(screen.getByTestId('action').textContent).toContain(evil);
  });
});

describe('TabReportView when nothing matched', () => {
  it('says "no known transfers" and that the site is not in the dataset, without calling it safe', () => {
    render(<TabReportView report={neutralReport()} />);
    expect(screen.getByTestId('risk-badge').textContent).toMatch(/No known transfers/);
    expect(screen.getByTestId('why').textContent).toMatch(/does not mean no data leaves it/);
    expect(screen.getByTestId('not-in-dataset').textContent).toMatch(/not “safe”/);
    expect(screen.queryByTestId('company-name')).toBeNull();
    expect(screen.getByTestId('unknown-hosts').textContent).toBe('No unknown third-party hosts: every one is attributed to a company.');
  });
});

describe('DestinationList history', () => {
  it('keeps past disclosures apart and says what changed when', () => {
    const base = risk.assess('temu', 'EEA')!.destinations[0]!;
    const past: AssessedDestination = {
      ...base,
      current: false,
      status: 'no-adequacy',
      destination: { ...base.destination, country: 'CN', from: '2020-07-29', until: '2023-05-17' },
    };
    render(<DestinationList destinations={[base, past]} jurisdiction="EEA" />);
    const history = screen.getByTestId('destination-history');
    expect(within(history).getByTestId('destination').textContent).toMatch(/China.*no adequacy decision.*2020-07-29 to 2023-05-17/);
    const changes = screen.getByTestId('destination-changes');
    expect(changes.hasAttribute('open')).toBe(true);
    expect(changes.textContent).toMatch(/2023-05-17 ended: China \(transfer\).*2020-07-29 disclosed: China \(transfer\)/);
  });
});

describe('ThirdPartyList', () => {
  it('groups a company’s destinations by status, the concerning ones first, each country once', () => {
    const tiktok = risk.assess('tiktok', 'EEA')!;
    render(
      <ThirdPartyList
        thirdParties={[{ assessment: tiktok, requests: 3, roles: ['analytics', 'cdn'], hosts: ['analytics.tiktok.com'], sameGroupAsSite: false }]}
        unknown={[]}
        jurisdiction="EEA"
      />,
    );
    const groups = screen.getAllByTestId('third-party-destinations');
    expect(groups[0]!.dataset.status).toBe('no-adequacy');
    expect(groups[0]!.textContent).toMatch(/no adequacy decision for EEA users: .*China/);
    const countries = groups.flatMap((g) => g.textContent!.split(': ')[1]!.split(', '));
    expect(new Set(countries).size).toBe(countries.length);
    expect(screen.getByTestId('third-party-summary').textContent).toBe('3 requests · analytics, CDN');
  });
});
