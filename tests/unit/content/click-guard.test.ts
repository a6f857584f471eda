// The banner's clickjacking guard: only the user's own click (isTrusted) on a banner that has been in the same place,
// and not covered, for SETTLE_MS counts. A decoy with pointer-events:none lets trusted clicks through, so the time
// and the visibility (IntersectionObserver v2 where the browser has it) are what stop it.
import { describe, expect, it } from 'vitest';
import { ClickGuard, SETTLE_MS } from '@/entrypoints/warning.content/click-guard';

function fakeBanner() {
  let box = { x: 10, y: 20, width: 300, height: 120 };
  const el = { getBoundingClientRect: () => ({ ...box }) } as unknown as Element;
  return { el, move: (dx: number) => (box = { ...box, x: box.x + dx }) };
}

const click = (isTrusted: boolean) => ({ isTrusted }) as Event;

describe('ClickGuard', () => {
  it('counts a trusted click only once the banner has been still for SETTLE_MS', () => {
    let now = 0;
    const banner = fakeBanner();
    const guard = new ClickGuard(() => banner.el, () => now);
    const stop = guard.watch();
    expect(guard.accepts(click(true))).toBe(false); // it has only just appeared
    now = SETTLE_MS - 1;
    expect(guard.accepts(click(true))).toBe(false);
    now = SETTLE_MS;
    expect(guard.accepts(click(true))).toBe(true);
    expect(guard.accepts(click(false))).toBe(false); // a script's click never counts
    stop();
  });

  it('starts the wait again when the banner moves or changes what it shows', () => {
    let now = 0;
    const banner = fakeBanner();
    const guard = new ClickGuard(() => banner.el, () => now);
    const stop = guard.watch();
    now = 5_000;
    expect(guard.accepts(click(true))).toBe(true);
    banner.move(40); // slipped under the pointer
    expect(guard.accepts(click(true))).toBe(false);
    now += SETTLE_MS;
    expect(guard.accepts(click(true))).toBe(true);
    guard.restart(); // the confirming step appeared
    expect(guard.accepts(click(true))).toBe(false);
    now += SETTLE_MS;
    expect(guard.accepts(click(true))).toBe(true);
    stop();
  });

  it('counts nothing while the banner is gone', () => {
    let now = 0;
    const guard = new ClickGuard(() => null, () => now);
    now = 10_000;
    expect(guard.accepts(click(true))).toBe(false);
  });
});
