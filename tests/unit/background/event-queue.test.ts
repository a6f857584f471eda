import { describe, expect, it, vi } from 'vitest';
import { EventQueue } from '@/entrypoints/background/event-queue';

const tick = () => new Promise((r) => setTimeout(r, 0));

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('event queue', () => {
  it('holds events that arrive before ready, then handles them in arrival order with what ready gave', async () => {
    const ready = deferred<string>();
    const queue = new EventQueue(ready.promise);
    const seen: string[] = [];
    queue.handle((r) => seen.push(`a:${r}`));
    queue.handle((r) => seen.push(`b:${r}`));
    await tick();
    expect(seen).toEqual([]);
    ready.resolve('db');
    await queue.settled();
    expect(seen).toEqual(['a:db', 'b:db']);
  });

  it('handles an event at once, in the same turn, when nothing is waiting', async () => {
    const queue = new EventQueue(Promise.resolve(1));
    await queue.settled();
    const seen: number[] = [];
    queue.handle((r) => seen.push(r));
    expect(seen).toEqual([1]);
  });

  it('makes later events wait for one that waits, so they cannot overtake it', async () => {
    const queue = new EventQueue(Promise.resolve(null));
    await queue.settled();
    const lookup = deferred<void>();
    const seen: string[] = [];
    queue.handle(() => lookup.promise.then(() => seen.push('navigation')));
    queue.handle(() => seen.push('request'));
    await tick();
    expect(seen).toEqual([]);
    lookup.resolve();
    await queue.settled();
    expect(seen).toEqual(['navigation', 'request']);
    queue.handle(() => seen.push('later'));
    expect(seen).toEqual(['navigation', 'request', 'later']); // nothing waits any more: at once again
  });

  it('reports a failing event, sync or async, and goes on with the next', async () => {
    const failed = vi.fn();
    const queue = new EventQueue(Promise.resolve(0), failed);
    await queue.settled();
    const seen: string[] = [];
    queue.handle(() => {
      throw new Error('sync');
    });
    queue.handle(() => Promise.reject(new Error('async')));
    queue.handle(() => seen.push('next'));
    await queue.settled();
    expect(failed.mock.calls.map(([e]) => (e as Error).message)).toEqual(['sync', 'async']);
    expect(seen).toEqual(['next']);
  });

  it('settles only after every event handed in before the call', async () => {
    const queue = new EventQueue(Promise.resolve(0));
    const slow = deferred<void>();
    let done = false;
    queue.handle(() => slow.promise.then(() => (done = true)));
    const settled = queue.settled().then(() => done);
    slow.resolve();
    expect(await settled).toBe(true);
  });
});
