// Browser events are handled in the order they arrived, even when one has to wait (for the database at start, or for
// a tab's private flag), so a page's requests never overtake its navigation. When nothing waits, an event is handled
// at once: a burst of requests costs no promise hops.

const reportFailure = (e: unknown) => console.error('Borderline: could not handle a browser event', e);

export class EventQueue<Ready> {
  private started = false;
  private value: Ready | undefined;
  private waiting = 0;
  private tail: Promise<unknown>;

  /** Nothing is handled before `ready` resolves; events that arrive earlier wait for it, in order. */
  constructor(
    ready: Promise<Ready>,
    private readonly failed: (e: unknown) => void = reportFailure,
  ) {
    this.tail = ready.then((r) => {
      this.value = r;
      this.started = true;
    });
    // A failed start is reported once by whoever owns `ready` (worker-state.ts); each event that waited for it is then
    // reported as not handled, through `wait`.
    this.tail.catch(() => undefined);
  }

  /** Resolves once every event handed in so far has been handled (a message waits for this to see their effect). */
  settled(): Promise<unknown> {
    return this.tail;
  }

  /** Handles an event now if nothing is waiting, else after everything before it. A failure is reported, not thrown. */
  handle(work: (ready: Ready) => unknown): void {
    if (!this.started || this.waiting > 0) return this.wait(this.tail.then(() => work(this.value as Ready)));
    try {
      const result = work(this.value as Ready);
      if (result instanceof Promise) this.wait(result);
    } catch (e) {
      this.failed(e);
    }
  }

  private wait(work: Promise<unknown>): void {
    this.waiting += 1;
    this.tail = work.catch(this.failed).finally(() => {
      this.waiting -= 1;
    });
  }
}
