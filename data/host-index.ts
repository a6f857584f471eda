// Host → dataset entry, most specific suffix wins. This runs for every request of every page, and most hosts are
// unknown to the dataset, so the common case must cost about what one Map.get does: the host's last two labels are
// hashed in place, right to left, without slicing a string, and looked up in a table of 32-bit hashes. Only when
// that key is present, and something deeper is filed under it (bugly.qq.com under qq.com), does the walk go on left
// one label at a time, and it stops at the first suffix nothing is filed under. `npm run bench` keeps this honest;
// tests/unit/host-index.property.test.ts keeps it correct.
import type { Company, Dataset, DomainEntry } from './schema';

export interface HostMatch {
  entry: DomainEntry;
  company: Company;
}

export class HostIndex {
  private readonly table: SuffixTable;
  /** Per slot: the match for exactly that suffix, prepared once so a hit allocates nothing. */
  private readonly matches: (HostMatch | undefined)[];
  private readonly entries: (DomainEntry | undefined)[];
  /** Per slot: something longer is filed under this suffix, so the walk must go on. */
  private readonly deeper: Uint8Array;
  readonly size: number;

  constructor(dataset: Pick<Dataset, 'domains' | 'companies'>) {
    const companies = new Map<string, Company>();
    for (const c of dataset.companies) companies.set(c.id, c);
    const table = new SuffixTable(dataset.domains.length);
    // Slots are numbered densely as they are created, so these grow by push and never have holes, which would send
    // the hot path to V8's slow elements.
    const entries: (DomainEntry | undefined)[] = [];
    const deeper: number[] = [];
    let size = 0;
    for (const e of dataset.domains) {
      // Suffixes from the last two labels leftwards to the whole host: each but the last has something deeper.
      let slot = -1;
      for (let cut = tailStart(e.host); cut !== -2; cut = cut === 0 ? -2 : dotBefore(e.host, cut - 2) + 1) {
        if (slot !== -1) deeper[slot] = 1;
        slot = table.insert(e.host, cut);
        if (slot === entries.length) entries.push(undefined), deeper.push(0);
      }
      if (slot === -1) continue; // one label, or none: never an entry
      if (entries[slot] === undefined) size++;
      entries[slot] = e;
    }
    table.seal();
    this.table = table;
    this.entries = entries;
    this.matches = entries.map((e) => {
      const company = e && companies.get(e.company);
      return company && { entry: e!, company };
    });
    this.deeper = Uint8Array.from(deeper);
    this.size = size;
  }

  /** `host` must already be normalised (as URL.hostname is); see normalizeHost for people's input. */
  lookupEntry(host: string): DomainEntry | undefined {
    const slot = this.find(host);
    return slot === -1 ? undefined : this.entries[slot];
  }

  lookup(host: string): HostMatch | undefined {
    const slot = this.find(host);
    return slot === -1 ? undefined : this.matches[slot];
  }

  /** The slot of the longest suffix holding an entry, or -1. */
  private find(host: string): number {
    const table = this.table;
    let i = host.length - 1;
    let h = SuffixTable.SEED;
    let c = 0;
    // The last label, then its dot; a dot at index 0 or none at all means a single label, which has no key.
    while (i >= 0 && (c = host.charCodeAt(i)) !== DOT) (h = SuffixTable.step(h, c)), i--;
    if (i <= 0) return -1;
    h = SuffixTable.step(h, DOT);
    i--;
    while (i >= 0 && (c = host.charCodeAt(i)) !== DOT) (h = SuffixTable.step(h, c)), i--;
    if (!table.mayHold(h)) return -1;
    let slot = table.find(h, host, i + 1);
    if (slot === -1) return -1;
    let best = this.entries[slot] ? slot : -1;
    // i sits on the dot before the current suffix (or at -1: the whole host has been looked at).
    while (i >= 0 && this.deeper[slot] === 1) {
      h = SuffixTable.step(h, DOT);
      i--;
      while (i >= 0 && (c = host.charCodeAt(i)) !== DOT) (h = SuffixTable.step(h, c)), i--;
      slot = table.find(h, host, i + 1);
      if (slot === -1) break;
      if (this.entries[slot]) best = slot;
    }
    return best;
  }
}

const DOT = 46;

/** The last dot at or before i, or -1. lastIndexOf would do, but V8 runs it in the runtime at ~0.5 µs a call. */
function dotBefore(host: string, i: number): number {
  while (i >= 0 && host.charCodeAt(i) !== DOT) i--;
  return i;
}

/** Where the last two labels begin: 0 for the whole host, -2 when the host has no key (no dot after index 0). */
function tailStart(host: string): number {
  const last = dotBefore(host, host.length - 1);
  if (last <= 0) return -2;
  return dotBefore(host, last - 1) + 1;
}

/**
 * Open addressing over 32-bit FNV-1a hashes of suffixes read right to left, so a lookup can hash a suffix of the
 * host in place and grow it label by label. Each position holds its hash and slot id side by side, and a bit filter
 * of 16 bits per key sits in front: with 100,000 entries the table outgrows the CPU's L2 cache but the filter does
 * not, so a miss, the common case, costs one cached read and no string comparison at any dataset size.
 */
class SuffixTable {
  static readonly SEED = 0x811c9dc5 | 0;
  static step(h: number, c: number): number {
    return Math.imul(h ^ c, 0x01000193);
  }

  /** [hash, slot + 1] pairs; slot + 1 === 0 marks an empty position. */
  private cells: Int32Array;
  private mask: number;
  private readonly keys: string[] = [];
  private readonly hashes: number[] = [];
  private filter = new Int32Array(1);
  private filterShift = 32;

  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.cells = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  get count(): number {
    return this.keys.length;
  }

  /** FNV's low bits are weak; one xor-shift spreads the high ones down before masking. */
  private static mix(h: number): number {
    return h ^ (h >>> 15);
  }

  /** Builds the filter; call once every key is in, before the first mayHold. */
  seal(): void {
    let bits = 32;
    while (bits < this.keys.length * 16) bits *= 2;
    this.filter = new Int32Array(bits / 32);
    this.filterShift = 32 - Math.log2(bits);
    for (const h of this.hashes) this.filter[this.bit(h) >>> 5]! |= 1 << (this.bit(h) & 31);
  }

  /** Fibonacci hashing takes the high bits, which the table's masking of the low ones leaves independent. */
  private bit(h: number): number {
    return Math.imul(h, 0x9e3779b1) >>> this.filterShift;
  }

  /** false: host suffix with hash h is certainly absent. */
  mayHold(h: number): boolean {
    const b = this.bit(h);
    return (this.filter[b >>> 5]! & (1 << (b & 31))) !== 0;
  }

  /** The slot of host.slice(start), or -1. */
  find(h: number, host: string, start: number): number {
    const cells = this.cells;
    const mask = this.mask;
    const len = host.length - start;
    for (let pos = SuffixTable.mix(h) & mask; ; pos = (pos + 1) & mask) {
      const id = cells[2 * pos + 1]!;
      if (id === 0) return -1;
      if (cells[2 * pos] === h) {
        const key = this.keys[id - 1]!;
        if (key.length === len && host.startsWith(key, start)) return id - 1;
      }
    }
  }

  /** The slot of host.slice(start), added if new. */
  insert(host: string, start: number): number {
    let h = SuffixTable.SEED;
    for (let i = host.length - 1; i >= start; i--) h = SuffixTable.step(h, host.charCodeAt(i));
    const found = this.find(h, host, start);
    if (found !== -1) return found;
    if ((this.keys.length + 1) * 2 > this.mask + 1) this.grow();
    this.keys.push(host.slice(start));
    this.hashes.push(h);
    this.place(h, this.keys.length);
    return this.keys.length - 1;
  }

  private place(h: number, id: number): void {
    let pos = SuffixTable.mix(h) & this.mask;
    while (this.cells[2 * pos + 1] !== 0) pos = (pos + 1) & this.mask;
    this.cells[2 * pos] = h;
    this.cells[2 * pos + 1] = id;
  }

  private grow(): void {
    const capacity = (this.mask + 1) * 2;
    this.cells = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    this.hashes.forEach((h, i) => this.place(h, i + 1));
  }
}
