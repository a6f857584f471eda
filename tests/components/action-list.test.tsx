// @vitest-environment happy-dom
// Actions on record without the wall of text: the most relevant one shows, the rest wait behind "n more" (a disclosure
// button), in their place in time; a company's line says its status in words and opens to its actions.
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ActionList, relevantAction } from '@/components/ActionList';
import { ThirdPartyList } from '@/components/ThirdPartyList';
import { TabReportView } from '@/components/TabReportView';
import { risk, temuReport } from './report-fixture';
import { render } from './render';

afterEach(cleanup);

const visible = () => screen.getAllByTestId('action').filter((e) => !e.hidden).map((e) => e.dataset.actionId);
const all = () => screen.getAllByTestId('action').map((e) => e.dataset.actionId);

describe('ActionList', () => {
  const temu = risk.assess('temu', 'EEA')!;
  const newest = [...temu.actions].sort((a, b) => b.date.localeCompare(a.date));

  it('has several actions on Temu to fold (the premise of the tests below)', () => {
    expect(newest.length).toBeGreaterThan(2);
  });

  it.each([
    { name: 'the risk model’s most relevant', relevant: relevantAction(temu), expected: relevantAction(temu)?.id },
    { name: 'the newest when none is given', relevant: undefined, expected: newest[0]!.id },
    { name: 'an older one when it is the relevant one', relevant: newest.at(-1), expected: newest.at(-1)!.id },
  ])('shows one action, $name, and the rest behind "n more"', ({ relevant, expected }) => {
    render(<ActionList actions={temu.actions} history={temu.history} relevant={relevant} />);
    expect(expected).toBeDefined();
    expect(visible()).toEqual([expected]);
    expect(all()).toEqual(newest.map((a) => a.id)); // in the DOM, newest first, so opening never reorders
    const more = screen.getByTestId('actions-more');
    expect(more.tagName).toBe('BUTTON');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(more.getAttribute('aria-controls')).toBe(screen.getByTestId('actions').id);
    expect(more.textContent).toBe(`${newest.length - 1} more actions`);
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(visible()).toEqual(newest.map((a) => a.id));
    expect(more.textContent).toBe('Show fewer actions');
    fireEvent.click(more);
    expect(visible()).toEqual([expected]);
  });

  it('says "1 more action" in the singular, and has no button for a single action', () => {
    render(<ActionList actions={newest.slice(0, 2)} />);
    expect(screen.getByTestId('actions-more').textContent).toBe('1 more action');
    cleanup();
    render(<ActionList actions={newest.slice(0, 1)} />);
    expect(visible()).toEqual([newest[0]!.id]);
    expect(screen.queryByTestId('actions-more')).toBeNull();
  });

  it('is what the site’s actions section shows', () => {
    render(<TabReportView report={temuReport()} />);
    const section = screen.getByTestId('section-actions');
    expect(within(section).getAllByTestId('action').filter((e) => !e.hidden)).toHaveLength(1);
    expect(within(section).getByTestId('actions-more').getAttribute('aria-expanded')).toBe('false');
  });
});

describe('a company’s line and its detail', () => {
  const yandex = { assessment: risk.assess('yandex', 'EEA')!, requests: 4, roles: ['analytics' as const], hosts: ['mc.yandex.ru'], sameGroupAsSite: false };

  it('says its status for the user’s rules in words beside its level and request count', () => {
    render(<ThirdPartyList thirdParties={[yandex]} unknown={[]} jurisdiction="EEA" />);
    const summary = screen.getByTestId('third-party').querySelector('summary')!;
    expect(within(summary).getByTestId('third-party-status').textContent).toMatch(/^ ✗ no adequacy decision/);
    expect(within(summary).getByTestId('third-party-summary').textContent).toBe('4 requests · analytics');
  });

  it('opens in place to its actions, the most relevant first shown, the rest behind "n more"', async () => {
    expect(yandex.assessment.actions.length).toBeGreaterThan(0);
    render(<ThirdPartyList thirdParties={[yandex]} unknown={[]} jurisdiction="EEA" />);
    const details = screen.getByTestId('third-party').querySelector('details')!;
    expect(screen.queryByTestId('third-party-actions')).toBeNull(); // closed: not rendered
    details.open = true;
    fireEvent(details, new Event('toggle'));
    const actions = await screen.findByTestId('third-party-actions');
    expect(within(actions).getAllByTestId('action').filter((e) => !e.hidden).map((e) => e.dataset.actionId)).toEqual([
      (relevantAction(yandex.assessment) ?? yandex.assessment.actions[0]!).id,
    ]);
    expect(within(actions).queryAllByTestId('actions-more')).toHaveLength(yandex.assessment.actions.length > 1 ? 1 : 0);
  });
});
