// The arithmetic behind `npm run measure`'s figures (scripts/harness/stats.ts): medians, ratios that refuse to divide
// by nothing, and the alternation order that gives every variant every position equally often.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alternation, median, ratio, summary } from '@/scripts/harness/stats';

describe('median', () => {
  it.each([
    [[], NaN],
    [[7], 7],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[5, 5, 1, 100], 5],
    [[-1, 1], 0],
  ])('of %j is %d', (xs, expected) => {
    expect(median(xs)).toBe(expected);
  });

  it('does not reorder its input', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });

  it('has as many values at or below it as at or above it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1 }), (xs) => {
        const m = median(xs);
        expect(xs.filter((x) => x <= m).length).toBeGreaterThanOrEqual(xs.length / 2);
        expect(xs.filter((x) => x >= m).length).toBeGreaterThanOrEqual(xs.length / 2);
      }),
    );
  });
});

describe('summary', () => {
  it('rounds to one decimal and counts', () => {
    expect(summary([10.04, 12.36, 11.25])).toEqual({ median: 11.3, min: 10, max: 12.4, n: 3 });
  });
  it('has no figures for no values', () => {
    expect(summary([])).toEqual({ median: NaN, min: NaN, max: NaN, n: 0 });
  });
});

describe('ratio', () => {
  it.each([
    [102, 100, 1.02],
    [1, 3, 0.333],
    [2, 3, 0.667],
    [0, 5, 0],
    [5, 0, NaN],
    [5, -1, NaN],
    [NaN, 1, NaN],
    [1, Infinity, NaN],
  ])('%d / %d is %d', (a, b, expected) => {
    expect(ratio(a, b)).toBe(expected);
  });
});

describe('alternation', () => {
  it.each([
    [['A', 'B'], 4, ['AB', 'BA', 'AB', 'BA']],
    [['none', 'min', 'bl'], 3, ['none min bl', 'min bl none', 'bl none min']],
    [['A'], 2, ['A', 'A']],
    [['A', 'B'], 0, []],
  ])('of %j over %d rounds', (variants, rounds, expected) => {
    const sep = variants[0]!.length > 1 ? ' ' : '';
    expect(alternation(variants, rounds).map((r) => r.join(sep))).toEqual(expected);
  });

  it('runs every variant once a round, and each equally often in every position over a multiple of their count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }), (k, times) => {
        const variants = Array.from({ length: k }, (_, i) => i);
        const rounds = alternation(variants, k * times);
        expect(rounds).toHaveLength(k * times);
        for (const r of rounds) expect([...r].sort((a, b) => a - b)).toEqual(variants);
        for (let pos = 0; pos < k; pos++)
          for (const v of variants) expect(rounds.filter((r) => r[pos] === v)).toHaveLength(times);
      }),
    );
  });
});
