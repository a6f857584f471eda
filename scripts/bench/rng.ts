// Seeded so two runs (and two machines) time exactly the same hosts: differences are then the code's, not the mix's.
export type Rng = () => number;

/** mulberry32: tiny, fast, and good enough to pick labels; not for anything secret. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
export const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export function word(rng: Rng, min: number, max: number): string {
  let s = '';
  for (let n = int(rng, min, max); s.length < n; ) s += ALNUM[Math.floor(rng() * (s.length === 0 ? 26 : ALNUM.length))];
  return s;
}
