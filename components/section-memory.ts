// Which sections of the report the user opened or closed, remembered for the extension as a whole, not per site:
// someone who opens the log on one page wants it open on the next. One key in storage.local (it survives the popup
// closing and the browser restarting); the store is given the storage area, so tests need no browser.

export const SECTIONS_KEY = 'popupSections';

/** Section id → open, for the sections the user has toggled; the rest keep their defaults. */
export type SectionChoices = Readonly<Record<string, boolean>>;

/** The part of a storage area (browser.storage.local) the store uses. */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface SectionMemory {
  /** What was remembered; nothing (never an error) when the value is missing, of another shape, or unreadable. */
  read(): Promise<SectionChoices>;
  write(choices: SectionChoices): Promise<void>;
}

const ID = /^[a-z]{1,16}$/;

/** Keeps only well-formed entries: a value written by another version, or by hand, loses the rest of nothing. */
function parse(value: unknown): SectionChoices {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([id, open]) => ID.test(id) && typeof open === 'boolean'));
}

export function sectionMemory(area: KeyValueArea): SectionMemory {
  // Writes one after another, so a quick open-close lands in the order it was made.
  let last: Promise<void> = Promise.resolve();
  return {
    read: () => area.get(SECTIONS_KEY).then((items) => parse(items[SECTIONS_KEY]), () => ({})),
    write(choices) {
      last = last.then(() => area.set({ [SECTIONS_KEY]: parse(choices) })).catch(() => undefined);
      return last;
    },
  };
}
