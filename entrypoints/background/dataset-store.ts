// The datasets a user has applied, in their own IndexedDB database so the log store's version upgrades never touch
// them. Three slots: `current` (absent = the bundled dataset), `previous` (what a rollback restores) and `pending`
// (a checked update waiting for the user to confirm its preview — stored, because the worker may stop in between).
// Every change of slots happens in one transaction, so a crash leaves either the old or the new state, never half.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { fail, isLocalizedText, text } from '@/data/i18n/localized-error';
import type { DatasetInfo, UpdateOutcome, UpdatePreview } from '@/data/protocol';
import type { Dataset } from '@/data/dataset/schema';
import type { Signed } from '@/data/dataset/update-candidate';
import { allOrNothing } from './all-or-nothing';

export interface StoredDataset {
  kind: 'stored';
  /** The exact text that was checked, kept for export. */
  text: string;
  dataset: Dataset;
  origin: string;
  signed: Signed;
  etag?: string;
  appliedAt: number;
}

export type Slot = StoredDataset | { kind: 'bundled' };

export interface Pending {
  candidate: Omit<StoredDataset, 'appliedAt'>;
  preview: UpdatePreview;
}

interface DatasetDB extends DBSchema {
  slots: { key: 'current' | 'previous'; value: Slot };
  pending: { key: 'pending'; value: Pending };
  meta: { key: 'lastCheck' | 'unsignedAllowed'; value: UpdateOutcome | StoredOutcome | string[] };
}

/** Before issue 16 an outcome's message was an English sentence; such a record is shown as written. */
type StoredOutcome = Omit<UpdateOutcome, 'message'> & { message: UpdateOutcome['message'] | string };

export type DatasetStore = IDBPDatabase<DatasetDB>;
export const DATASET_DB_NAME = 'borderline-datasets';

export function openDatasetStore(name = DATASET_DB_NAME): Promise<DatasetStore> {
  return openDB<DatasetDB>(name, 1, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('slots');
        db.createObjectStore('pending');
        db.createObjectStore('meta');
      }
    },
  });
}

export async function readSlots(db: DatasetStore): Promise<{ current: Slot; previous: Slot | undefined }> {
  const tx = db.transaction('slots');
  const [current, previous] = await Promise.all([tx.store.get('current'), tx.store.get('previous'), tx.done]);
  return { current: current ?? { kind: 'bundled' }, previous };
}

export async function setPending(db: DatasetStore, pending: Pending | undefined): Promise<void> {
  if (pending) await db.put('pending', pending, 'pending');
  else await db.delete('pending', 'pending');
}

export async function getPending(db: DatasetStore): Promise<Pending | undefined> {
  return db.get('pending', 'pending');
}

const putSlot = (store: { put(v: Slot, k: 'current' | 'previous'): Promise<unknown>; delete(k: 'current'): Promise<unknown> }, key: 'current' | 'previous', slot: Slot) =>
  key === 'current' && slot.kind === 'bundled' ? store.delete('current') : store.put(slot, key);

/**
 * Pending becomes current, current becomes previous, and `outcome` (when given) becomes the last check, all in one
 * transaction. Returns the new current, or undefined if nothing was pending.
 */
export async function applyPending(db: DatasetStore, now: number, outcome?: (next: StoredDataset) => UpdateOutcome): Promise<StoredDataset | undefined> {
  const tx = db.transaction(['slots', 'pending', 'meta'], 'readwrite');
  const slots = tx.objectStore('slots');
  const pending = await tx.objectStore('pending').get('pending');
  if (!pending) {
    await tx.done;
    return undefined;
  }
  const current = (await slots.get('current')) ?? { kind: 'bundled' as const };
  const next: StoredDataset = { ...pending.candidate, appliedAt: now };
  await allOrNothing(tx, (place) => {
    place(putSlot(slots, 'previous', current));
    place(putSlot(slots, 'current', next));
    place(tx.objectStore('pending').delete('pending'));
    if (outcome) place(tx.objectStore('meta').put(outcome(next), 'lastCheck'));
  });
  return next;
}

/** Swaps current and previous, so a second rollback undoes the first. */
export async function rollback(db: DatasetStore): Promise<Slot> {
  const tx = db.transaction('slots', 'readwrite');
  const previous = await tx.store.get('previous');
  if (!previous) {
    await tx.done;
    fail('errorNoPrevious');
  }
  const current = (await tx.store.get('current')) ?? { kind: 'bundled' as const };
  await allOrNothing(tx, (place) => {
    place(putSlot(tx.store, 'current', previous!));
    place(putSlot(tx.store, 'previous', current));
  });
  return previous!;
}

export async function resetToBundled(db: DatasetStore): Promise<void> {
  const tx = db.transaction('slots', 'readwrite');
  const current = await tx.store.get('current');
  if (!current) {
    await tx.done;
    fail('errorAlreadyBundled');
  }
  await allOrNothing(tx, (place) => {
    place(tx.store.put(current, 'previous'));
    place(tx.store.delete('current'));
  });
}

export async function getLastCheck(db: DatasetStore): Promise<UpdateOutcome | null> {
  const stored = (await db.get('meta', 'lastCheck')) as StoredOutcome | undefined;
  if (!stored) return null;
  return isLocalizedText(stored.message) ? (stored as UpdateOutcome) : { ...stored, message: text('plainText', String(stored.message)) };
}

export async function setLastCheck(db: DatasetStore, outcome: UpdateOutcome): Promise<void> {
  await db.put('meta', outcome, 'lastCheck');
}

export async function getUnsignedAllowed(db: DatasetStore): Promise<string[]> {
  return ((await db.get('meta', 'unsignedAllowed')) as string[] | undefined) ?? [];
}

export async function setUnsignedAllowed(db: DatasetStore, origins: string[]): Promise<void> {
  await db.put('meta', origins, 'unsignedAllowed');
}

export function infoOf(slot: StoredDataset): Pick<DatasetInfo, 'origin' | 'signed' | 'appliedAt'> {
  return { origin: slot.origin, signed: slot.signed, appliedAt: slot.appliedAt };
}
