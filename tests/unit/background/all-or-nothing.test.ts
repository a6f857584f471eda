// The one all-or-nothing transaction helper both stores use (log-db.ts, dataset-store.ts): a batch is stored whole or
// not at all, whether a write is refused later (the browser's answer) or placing one throws at once (a value that cannot
// be cloned), and neither leaves an unhandled rejection behind.
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { logRow } from '../../fixtures/log-rows';
import { allOrNothing } from '@/entrypoints/background/all-or-nothing';
import { countRows, openLogDB, writeBatch } from '@/entrypoints/background/log-db';

let seq = 0;
const fresh = async () => {
  const db = await openDB(`all-or-nothing-${++seq}`, 1, { upgrade: (d) => void d.createObjectStore('kv') });
  return db;
};

describe('allOrNothing', () => {
  const cases: { name: string; second: 'fine' | 'throws' | 'refused'; stored: number; error?: RegExp }[] = [
    { name: 'every write placed: all stored', second: 'fine', stored: 2 },
    { name: 'placing the second write throws: none stored, the error rethrown', second: 'throws', stored: 0, error: /cannot place/ },
    { name: 'the second write is refused by the database: none stored', second: 'refused', stored: 0, error: /constraint/i },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const db = await fresh();
      await db.put('kv', 'old', 'taken');
      const tx = db.transaction('kv', 'readwrite');
      const done = allOrNothing(tx, (place) => {
        place(tx.store.put('a', 'first'));
        if (c.second === 'throws') throw new Error('cannot place');
        place(c.second === 'refused' ? tx.store.add('b', 'taken') : tx.store.put('b', 'second'));
      });
      if (c.error) await expect(done).rejects.toThrow(c.error);
      else await done;
      expect(await db.count('kv')).toBe(1 + c.stored);
      expect(await db.get('kv', 'taken')).toBe('old');
      db.close();
    });
  }
});

describe('writeBatch', () => {
  it('stores no row of a batch when one of its rows cannot be stored', async () => {
    const db = await openLogDB(`all-or-nothing-log-${++seq}`);
    const good = logRow({ tabId: 1, time: 1, host: 'img.kwcdn.com', url: 'http://img.kwcdn.com/a' });
    // A function cannot be cloned into IndexedDB: the add throws a DataCloneError at once.
    const bad = { ...logRow({ tabId: 1, time: 2, host: 'img.kwcdn.com', url: 'http://img.kwcdn.com/b' }), type: (() => 'x') as unknown as string };
    await expect(writeBatch(db, [good, bad], [])).rejects.toThrow();
    expect(await countRows(db)).toBe(0);
    await writeBatch(db, [good], []);
    expect(await countRows(db)).toBe(1);
  });
});
