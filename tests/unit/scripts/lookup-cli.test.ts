// `npm run lookup` as a process: the JSON lines it prints and its exit status for good, mixed and bad input, stdin,
// and a terminal (through util-linux `script`, which gives the process a real TTY).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function lookup(args: string[], stdin = '') {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/lookup.ts', ...args], { input: stdin, encoding: 'utf8', timeout: 60_000 });
  const lines = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { status: r.status, lines, stderr: r.stderr };
}

describe('npm run lookup', { timeout: 60_000 }, () => {
  it('names the company and owner with their headquarters, for a host and for a URL', () => {
    const { status, lines } = lookup(['www.temu.com', 'https://www.temu.com/x', '--jurisdiction', 'eea']);
    expect(status).toBe(0);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ host: 'www.temu.com', company: { id: 'temu', name: 'Temu', hq: 'IE' }, owner: { id: 'pdd-holdings', hq: 'IE' }, role: 'first-party' });
    expect(Object.keys(lines[0]!.company as object)).toEqual(['id', 'name', 'displayName', 'hq']);
    expect(lines[0]).not.toHaveProperty('input');
    expect(lines[1]).toMatchObject({ host: 'www.temu.com', input: 'https://www.temu.com/x', owner: { id: 'pdd-holdings' } });
    expect(lines[1]!.risk).toBe(lines[0]!.risk);
  });

  it('says why, in English, through the same message texts as the popup; an unknown host has no why', () => {
    const { lines } = lookup(['www.temu.com', 'nottemu.com']);
    expect(lines[0]!.why).toMatch(/^Temu says data may go to "third countries" without naming them.*Complaint pending: Datenschutzbehörde, Austria, Jan 2025/);
    expect(lines[1]).toMatchObject({ host: 'nottemu.com', risk: 'none', why: null });
    const us = lookup(['--jurisdiction', 'US', 'www.shein.co.uk']);
    expect(us.lines[0]!.why).toMatch(/: a country of concern under US rules\./);
  });

  it('answers each bad input with an error line and still looks up the good ones (exit 0)', () => {
    const { status, lines } = lookup(['!!!', '--bogus', 'bugly.qq.com', '']);
    expect(status).toBe(0);
    expect(lines.map((l) => l.error ?? l.host)).toEqual([
      expect.stringMatching(/^unknown option --bogus/),
      expect.stringMatching(/"!!!" is not a host name/),
      'bugly.qq.com',
      expect.stringMatching(/^empty input/),
    ]);
    for (const l of lines.filter((x) => x.error)) expect(l.host).toBeNull();
  });

  it('exits 1 when nothing could be looked up', () => {
    const { status, lines } = lookup(['', '!!!', '--bogus', '8.8.8.8']);
    expect(status).toBe(1);
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => typeof l.error === 'string' && l.host === null)).toBe(true);
  });

  it('exits 2 with an error line for an option it cannot honour', () => {
    const { status, lines, stderr } = lookup(['--jurisdiction', 'mars', 'www.temu.com']);
    expect(status).toBe(2);
    expect(lines).toEqual([{ error: expect.stringMatching(/--jurisdiction must be one of EEA, UK, CH, US/) }]);
    expect(stderr).toMatch(/^usage: npm run lookup/);
  });

  it('reads hosts from stdin, and says so when stdin is empty', () => {
    const piped = lookup([], 'www.temu.com\n\nhttps://www.shein.co.uk/\n');
    expect(piped.status).toBe(0);
    expect(piped.lines.map((l) => l.host)).toEqual(['www.temu.com', 'www.shein.co.uk']);
    const empty = lookup([], '');
    expect(empty.status).toBe(2);
    expect(empty.lines[0]!.error).toMatch(/^no host given/);
  });

  it('prints the usage line, and does not wait, when started with no argument on a terminal', () => {
    const r = spawnSync('script', ['-qec', `${process.execPath} --import tsx scripts/lookup.ts`, '/dev/null'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/usage: npm run lookup -- \[--jurisdiction EEA\|UK\|CH\|US\] HOST\|URL/);
  });
});
