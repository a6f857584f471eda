// `npm run measure`'s command line (scripts/harness/measure-args.ts): the defaults the README's figures use, both
// option forms, and bad input stopped with a message that names it before any browser starts.
import { describe, expect, it } from 'vitest';
import { DEFAULTS, parseMeasureArgs } from '@/scripts/harness/measure-args';

describe('parseMeasureArgs', () => {
  it('defaults to every figure, 10 cold popup opens and 21 page loads', () => {
    expect(parseMeasureArgs([])).toEqual(DEFAULTS);
    expect(DEFAULTS).toMatchObject({ coldOpens: 10, opens: 10, pageLoads: 21, listeners: false });
  });

  it.each([
    [['--only', 'popup'], { only: 'popup' }],
    [['--only=page-load'], { only: 'page-load' }],
    [['--cold-opens', '3', '--opens=4'], { coldOpens: 3, opens: 4 }],
    [['--loads', '5', '--wakes', '2', '--page-loads', '9'], { loads: 5, wakes: 2, pageLoads: 9 }],
    [['--only', 'popup', '--baseline', '/tmp/main/.output/chrome-mv3'], { only: 'popup', baseline: '/tmp/main/.output/chrome-mv3' }],
    [['--only', 'page-load', '--baseline=../b'], { only: 'page-load', baseline: '../b' }],
    [['--only', 'cold', '--baseline', '../b'], { only: 'cold', baseline: '../b' }],
    [['--listeners'], { listeners: true }],
    [['--only', 'page-load', '--listeners'], { only: 'page-load', listeners: true }],
  ] as const)('%j', (argv, expected) => {
    expect(parseMeasureArgs(argv)).toEqual({ ...DEFAULTS, ...expected });
  });

  it.each([
    [['--only', 'everything'], /--only takes one of badge, popup, cold, page-load, not "everything"/],
    [['--only'], /--only needs a value/],
    [['--opens', '--only', 'popup'], /--opens needs a value/],
    [['--opens', 'ten'], /whole number of at least 1, not "ten"/],
    [['--cold-opens', '0'], /at least 1, not "0"/],
    [['--loads', '2.5'], /not "2.5"/],
    [['--loads', '-3'], /needs a value|not "-3"/],
    [['--colds', '3'], /unknown argument "--colds"/],
    [['popup'], /unknown argument "popup"/],
    [['--baseline', 'x'], /add --only popup, --only cold or --only page-load/],
    [['--only', 'badge', '--baseline', 'x'], /add --only popup, --only cold or --only page-load/],
    [['--only', 'cold', '--listeners'], /--listeners belongs to the page-load figure/],
  ])('%j is refused', (argv, message) => {
    expect(() => parseMeasureArgs(argv)).toThrow(message);
  });
});
