// One IndexedDB transaction's writes, stored all together or not at all. Shared by the log store (log-db.ts) and the
// dataset store (dataset-store.ts): both must never leave a batch stored in part.

/**
 * Runs the writes of one transaction. Every placed write's promise is awaited with the transaction's, so a write the
 * browser refuses (quota exceeded) fails the whole batch for the caller to handle, never as an unhandled rejection.
 * If placing a write throws, the transaction is aborted, so what was already placed in it is discarded too (a
 * transaction left alone would commit the writes made before the throw), and the error is rethrown.
 */
export async function allOrNothing(tx: { abort(): void; done: Promise<void> }, writes: (place: (w: Promise<unknown>) => void) => void): Promise<void> {
  const placed: Promise<unknown>[] = [];
  try {
    writes((w) => placed.push(w));
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // the browser already aborted it
    }
    await Promise.allSettled([...placed, tx.done]);
    throw e;
  }
  await Promise.all([...placed, tx.done]);
}
