// `npm run lookup` prints why, in English, through the same message texts as the popup.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const lookup = (...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/lookup.ts', ...args], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { host: string; risk: string; why: string | null });

// A child process that compiles the script: seconds on a loaded machine, so a generous timeout.
describe('npm run lookup', { timeout: 60_000 }, () => {
  it('gives each known host the reasons for its risk in English, and an unknown host none', () => {
    const [temu, unknown] = lookup('www.temu.com', 'nottemu.com');
    expect(temu).toMatchObject({ host: 'www.temu.com', risk: 'high' });
    expect(temu!.why).toMatch(/^Temu says data may go to "third countries" without naming them.*Complaint pending: Datenschutzbehörde, Austria, Jan 2025/);
    expect(unknown).toMatchObject({ host: 'nottemu.com', risk: 'none', why: null });
  });

  it('says why for the chosen jurisdiction', () => {
    const [shein] = lookup('--jurisdiction', 'US', 'www.shein.co.uk');
    expect(shein!.why).toMatch(/countries of concern under US rules/);
  });
});
