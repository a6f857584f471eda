// What `npm run lookup` was asked, decided without the dataset, the file system or the terminal, so that every case
// is a unit test (tests/unit/scripts/lookup-args.test.ts). Bad input never throws: it becomes an `error` that the CLI
// prints as a JSON line, and the CLI exits non-zero only when nothing could be looked up.
import { isIP } from 'node:net';
import { JURISDICTIONS, type Jurisdiction } from '../../data/assess/risk';
import { normalizeHost } from '../../data/match/hostname';

export const USAGE =
  'usage: npm run lookup -- [--jurisdiction EEA|UK|CH|US] HOST|URL...   (or one host per line on stdin)\n' +
  '       npm run lookup -- --fixtures tests/fixtures/hosts.json\n' +
  '       npm run lookup -- --ip ADDR [--ip ADDR...]';

export interface InputError {
  /** What was given, as given. */
  input: string;
  error: string;
}

export interface LookupArgs {
  jurisdiction: Jurisdiction;
  fixtures?: string;
  ips: string[];
  /** Hosts or URLs, in the order given. */
  inputs: string[];
  /** Arguments that are not usable input (an unknown flag): each is answered with an error line, the rest still runs. */
  rejected: InputError[];
  /** An option that cannot be honoured (`--jurisdiction XX`, `--ip` without an address): nothing is looked up. */
  fatal?: string;
  help: boolean;
}

const VALUE_OPTIONS = new Set(['--jurisdiction', '--fixtures', '--ip']);

/** Options as `--name value` or `--name=value`; after a bare `--`, everything is input, even "-x". */
export function parseLookupArgs(argv: readonly string[]): LookupArgs {
  const out: LookupArgs = { jurisdiction: 'EEA', ips: [], inputs: [], rejected: [], help: false };
  const fail = (message: string) => (out.fatal ??= message);
  let onlyInputs = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyInputs || !arg.startsWith('-') || arg === '-') {
      out.inputs.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyInputs = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') {
      out.help = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUE_OPTIONS.has(name)) {
      out.rejected.push({ input: arg, error: `unknown option ${name} (known: --jurisdiction, --fixtures, --ip, --help)` });
      continue;
    }
    const next = argv[i + 1];
    const value = eq > 0 ? arg.slice(eq + 1) : next !== undefined && !next.startsWith('--') ? (i++, next) : undefined;
    if (name === '--jurisdiction') {
      const j = parseJurisdiction(value);
      if (j) out.jurisdiction = j;
      else fail(`--jurisdiction must be one of ${JURISDICTIONS.join(', ')} (any case)${value ? `, not "${value}"` : ''}`);
    } else if (name === '--fixtures') {
      if (value) out.fixtures = value;
      else fail('--fixtures needs a file, e.g. --fixtures tests/fixtures/hosts.json');
    } else {
      if (value) out.ips.push(value);
      else fail('--ip needs an address, e.g. --ip 8.8.8.8');
    }
  }
  return out;
}

/**
 * Where the inputs come from: the command line when it names anything to do; else stdin, one per line; but never a
 * terminal's stdin, where waiting for input would look like a hang: there the usage line is the answer.
 */
export function inputSource(args: LookupArgs, stdinIsTTY: boolean): 'arguments' | 'stdin' | 'usage' {
  if (args.inputs.length + args.rejected.length + args.ips.length > 0 || args.fixtures !== undefined) return 'arguments';
  return stdinIsTTY ? 'usage' : 'stdin';
}

/** "eea", "Eea" and "EEA" are the same jurisdiction. */
export function parseJurisdiction(value: string | undefined): Jurisdiction | undefined {
  const upper = value?.trim().toUpperCase();
  return JURISDICTIONS.find((j) => j === upper);
}

/** Stdin holds one host or URL per line; blank lines and `#` comments are not input. */
export function inputsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

const isIpLiteral = (s: string) => isIP(s.replace(/^\[(.*)\]$/, '$1')) !== 0;

/**
 * The host an input names: a host name ("WWW.Temu.com.", "temu.com:443"), or a URL's host ("https://www.temu.com/x",
 * also without a scheme: "www.temu.com/x"). Anything else is an error that says what was wrong.
 */
export function hostOfInput(input: string): { input: string; host: string } | InputError {
  const s = input.trim();
  if (s === '') return { input, error: 'empty input: give a host name (www.temu.com) or a URL (https://www.temu.com/)' };
  let candidate = s;
  if (SCHEME.test(s) || /^[^/?#@\s]+[/?#]/.test(s)) {
    let url: URL;
    try {
      url = new URL(SCHEME.test(s) ? s : `http://${s}`);
    } catch {
      return { input, error: `"${s}" is not a valid URL` };
    }
    if (url.hostname === '') return { input, error: `"${s}" has no host name` };
    candidate = url.hostname;
  }
  if (isIpLiteral(candidate)) return { input, error: `"${candidate}" is an IP address, not a host name: use --ip ${candidate.replace(/^\[(.*)\]$/, '$1')}` };
  const host = normalizeHost(candidate);
  if (host === null) return { input, error: `"${s}" is not a host name or a URL` };
  return { input, host };
}
