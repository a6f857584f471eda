// Clickjacking: a page can lay a layer with pointer-events:none over the banner (the user sees the page's "Continue",
// the click lands on "Dismiss"), or slip the banner under the pointer just before a click. So a click on one of the
// banner's consequential buttons counts only when it is the user's own (isTrusted) and the banner has been on screen,
// in the same place and — where the browser can tell (IntersectionObserver v2, Chromium) — not covered by anything,
// for SETTLE_MS. Dismissing also takes a second, confirming click (WarningBanner), which restarts the wait.

export const SETTLE_MS = 600;
const POLL_MS = 100;

type Box = Pick<DOMRect, 'x' | 'y' | 'width' | 'height'>;
const same = (a: Box | undefined, b: Box) => a !== undefined && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

export class ClickGuard {
  private since: number;
  private box: Box | undefined;
  private visible = true;
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly element: () => Element | null,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.since = now();
  }

  /** Starts watching the element's place and visibility; returns the function that stops it. */
  watch(): () => void {
    const timer = setInterval(() => this.measure(), POLL_MS);
    this.stops.push(() => clearInterval(timer));
    const el = this.element();
    if (el && typeof IntersectionObserver !== 'undefined') {
      // trackVisibility and isVisible are IntersectionObserver v2; without them, being fully in view is what counts.
      const observer = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            const v2 = (entry as IntersectionObserverEntry & { isVisible?: boolean }).isVisible;
            this.setVisible(v2 ?? entry.intersectionRatio >= 0.99);
          }
        },
        { threshold: [0, 1], trackVisibility: true, delay: POLL_MS } as IntersectionObserverInit,
      );
      observer.observe(el);
      this.stops.push(() => observer.disconnect());
    }
    this.measure();
    return () => this.stops.splice(0).forEach((stop) => stop());
  }

  /** The banner changed what it shows (the confirming step): the wait starts again. */
  restart(): void {
    this.since = this.now();
  }

  /** Whether a click is the user's, on a banner that has been visible and unmoved long enough. */
  accepts(e: Event): boolean {
    if (!e.isTrusted) return false;
    this.measure();
    return this.box !== undefined && this.visible && this.now() - this.since >= SETTLE_MS;
  }

  private setVisible(visible: boolean) {
    if (visible !== this.visible) this.since = this.now();
    this.visible = visible;
  }

  private measure() {
    const el = this.element();
    if (!el) {
      this.box = undefined;
      return;
    }
    const r = el.getBoundingClientRect();
    const box = { x: r.x, y: r.y, width: r.width, height: r.height };
    if (!same(this.box, box)) {
      this.box = box;
      this.since = this.now();
    }
  }
}
