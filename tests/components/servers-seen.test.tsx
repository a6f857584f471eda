// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ServersSeen } from '@/components/ServersSeen';
import { render } from './render';

afterEach(cleanup);

describe('ServersSeen', () => {
  it('names observed countries and local servers, labelled as observed and not as destinations', () => {
    render(<ServersSeen countries={['US', 'SG', 'local']} />);
    const text = screen.getByTestId('servers-seen').textContent!;
    expect(text).toMatch(/^Servers seen in: United States, Singapore, local network/);
    expect(text).toMatch(/observed server location/);
    expect(text).toMatch(/not where the data ends up/);
  });

  it('shows nothing when no server address was reported', () => {
    render(<ServersSeen countries={[]} />);
    expect(screen.queryByTestId('servers-seen')).toBeNull();
    render(<ServersSeen countries={undefined} />);
    expect(screen.queryByTestId('servers-seen')).toBeNull();
  });

  it('follows the UI language for country names', () => {
    render(<ServersSeen countries={['DE']} />, 'de-DE');
    expect(screen.getByTestId('servers-seen').textContent).toMatch(/Deutschland/);
  });
});
