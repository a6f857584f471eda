// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { RulesLine } from '@/components/ReportHeader';
import { render } from './render';

afterEach(cleanup);

describe('the rules line of the popup', () => {
  it.each([
    [{ jurisdiction: 'EEA', residence: 'EEA', residenceGuessed: true }, 'Rules for EEA users (guessed from your time zone) — change'],
    [{ jurisdiction: 'UK', residence: 'UK', residenceGuessed: false }, 'Rules for UK users — change'],
    [{ jurisdiction: 'EEA', residence: 'elsewhere', residenceGuessed: false }, 'Rules for EEA users, as a reference for where you live — change'],
    [
      { jurisdiction: 'EEA', residence: 'elsewhere', residenceGuessed: true },
      'Rules for EEA users, as a reference (your time zone is outside the EEA, UK, Switzerland and US) — change',
    ],
  ] as const)('%o reads "%s"', (report, text) => {
    render(<RulesLine report={report} />);
    expect(screen.getByTestId('rules').textContent).toBe(text);
  });

  it('links "change" to the settings page in a new tab', () => {
    render(<RulesLine report={{ jurisdiction: 'CH', residence: 'CH', residenceGuessed: true }} />);
    const link = screen.getByTestId('rules-change') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('options.html');
    expect(link.target).toBe('_blank');
  });
});
