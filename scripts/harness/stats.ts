// The arithmetic of `npm run measure`'s figures, kept pure so it is tested (tests/unit/scripts/measure-stats.test.ts).

/** The middle value (the mean of the two middle ones for an even count); NaN for no values. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** One decimal, as the README prints milliseconds. */
export const r1 = (x: number): number => Math.round(x * 10) / 10;

export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function summary(xs: readonly number[]): Summary {
  if (xs.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
  return { median: r1(median(xs)), min: r1(Math.min(...xs)), max: r1(Math.max(...xs)), n: xs.length };
}

/** `a / b` to three decimals; NaN when either is not a finite number or `b` is not above zero (no figure, not ∞). */
export function ratio(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return NaN;
  return Math.round((a / b) * 1000) / 1000;
}

/**
 * The order in which `variants` take turns over `rounds` rounds: every round has each variant once, and round r starts
 * r places further on (A B C, B C A, C A B, …), so over a multiple of the count each variant is first, second, … equally
 * often and none always runs right after a particular other one's warm-up.
 */
export function alternation<T>(variants: readonly T[], rounds: number): T[][] {
  const k = variants.length;
  return Array.from({ length: rounds }, (_, r) => variants.map((_v, i) => variants[(i + r) % k]!));
}
