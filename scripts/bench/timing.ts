// Interleaved rounds: every contender runs once per round in rotating order, so a noisy neighbour or a GC pause
// slows all of them alike instead of one, and the medians stay comparable within the run.
import { median } from '../harness/stats';

export type Kernel = () => number;

export interface RoundsResult {
  /** Median ns per operation, by contender. */
  ns: Record<string, number>;
  /** Sum of every kernel's return value: printed so the JIT cannot prove the work unused. */
  checksum: number;
}

/** `prepare` runs before each round, untimed: e.g. to hand every contender fresh strings. */
export function rounds(kernels: Record<string, Kernel>, opsPerCall: number, opts: { warmup: number; rounds: number; prepare?: () => void }): RoundsResult {
  const names = Object.keys(kernels);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  let checksum = 0;
  for (let r = 0; r < opts.warmup + opts.rounds; r++) {
    opts.prepare?.();
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length]!;
      const t0 = process.hrtime.bigint();
      checksum += kernels[name]!();
      const dt = Number(process.hrtime.bigint() - t0);
      if (r >= opts.warmup) samples[name]!.push(dt / opsPerCall);
    }
  }
  return { ns: Object.fromEntries(names.map((n) => [n, median(samples[n]!)])), checksum };
}

/** Median wall time in ms of `fn`, which returns something to keep alive. */
export function timeMs(fn: () => unknown, runs: number, warmup = 2): { ms: number; keep: unknown[] } {
  const keep: unknown[] = [];
  const ts: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = process.hrtime.bigint();
    const out = fn();
    const dt = Number(process.hrtime.bigint() - t0) / 1e6;
    if (i >= warmup) ts.push(dt);
    if (keep.length < 1) keep.push(out);
  }
  return { ms: median(ts), keep };
}
