// `npm run measure`'s command line, parsed apart from the run so bad input gets a clear error before a browser starts
// (tests/unit/scripts/measure-args.test.ts).

export const PARTS = ['badge', 'popup', 'cold', 'page-load'] as const;
export type Part = (typeof PARTS)[number];

export interface MeasureArgs {
  /** Which figure to take; all of them when absent. */
  only?: Part;
  /** navigation → badge loads. */
  loads: number;
  /** Popup opens with the worker running. */
  opens: number;
  /** Worker cold starts. */
  wakes: number;
  /** Popup opens right after the worker was stopped. */
  coldOpens: number;
  /** Loads of the 300-request page in each profile. */
  pageLoads: number;
  /** Another chrome-mv3 build to compare with, alternating in the same run. */
  baseline?: string;
  /** The page-load figure also for the minimal observer with one listener left out at a time. */
  listeners: boolean;
}

const COUNTS = { loads: 'loads', opens: 'opens', wakes: 'wakes', 'cold-opens': 'coldOpens', 'page-loads': 'pageLoads' } as const;

export const DEFAULTS: MeasureArgs = { loads: 20, opens: 10, wakes: 10, coldOpens: 10, pageLoads: 21, listeners: false };

export const USAGE =
  'npm run measure [-- --only badge|popup|cold|page-load] [--loads N] [--opens N] [--wakes N] [--cold-opens N] ' +
  '[--page-loads N] [--baseline <chrome-mv3 dir>] [--listeners]';

/** Throws an Error naming the bad argument; `--name=value` and `--name value` both work. */
export function parseMeasureArgs(argv: readonly string[]): MeasureArgs {
  const out: MeasureArgs = { ...DEFAULTS };
  const rest = argv.flatMap((a) => (a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a]));
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i]!;
    const value = () => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value (${USAGE})`);
      return v;
    };
    const name = flag.slice(2);
    if (name in COUNTS) {
      const v = value();
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < 1) throw new Error(`${flag} takes a whole number of at least 1, not "${v}"`);
      out[COUNTS[name as keyof typeof COUNTS]] = n;
    } else if (flag === '--only') {
      const v = value();
      if (!(PARTS as readonly string[]).includes(v)) throw new Error(`--only takes one of ${PARTS.join(', ')}, not "${v}"`);
      out.only = v as Part;
    } else if (flag === '--baseline') out.baseline = value();
    else if (flag === '--listeners') out.listeners = true;
    else throw new Error(`unknown argument "${flag}" (${USAGE})`);
  }
  if (out.baseline !== undefined && out.only !== 'popup' && out.only !== 'page-load' && out.only !== 'cold')
    throw new Error('--baseline compares one figure at a time: add --only popup, --only cold or --only page-load');
  if (out.listeners && out.only !== undefined && out.only !== 'page-load') throw new Error('--listeners belongs to the page-load figure');
  return out;
}
