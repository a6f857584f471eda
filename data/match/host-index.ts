// Host → dataset entry, most specific suffix wins. This runs for every request of every page, and most hosts are
// unknown to the dataset, so the common case must cost about what one Map.get does: the host's last two labels are
// hashed in place, right to left, without slicing a string, and looked up in a table of 32-bit hashes. Only when
// that key is present, and something deeper is filed under it (bugly.qq.com under qq.com), does the walk go on left
// one label at a time, and it stops at the first suffix nothing is filed under.
//
// With a large dataset (100,000 entries) the table outgrows the CPU cache, and a hit costs what its chain of memory
// reads that wait on each other costs. So the walk reads nothing but the table's cells: one 32-byte cell per suffix
// holds its hash, its flags (an entry here? something deeper?) and its characters, and the walk trusts the hashes as
// it goes. Only the suffix it settles on is compared character by character, against that same cell; should that
// fail (a hash collision, crafted or not), the walk is redone comparing every step. A hash never decides a match on
// its own. What is filed under a suffix sits in an array by table position, so reading it need not wait for the cell.
// `npm run bench` keeps this honest; tests/unit/host-index.property.test.ts keeps it correct.
import type { Company, Dataset, DomainEntry } from '../dataset/schema';

export interface HostMatch {
  entry: DomainEntry;
  company: Company;
}

/** What the index files under a suffix that has an entry; company is undefined when the dataset lacks it. */
interface Filed {
  entry: DomainEntry;
  company: Company | undefined;
}

export class HostIndex {
  private readonly table: SuffixTable<Filed>;
  readonly size: number;
  /** Where the suffix find() returned begins in the host: a second result, kept here so a lookup allocates nothing. */
  private start = 0;

  constructor(dataset: Pick<Dataset, 'domains' | 'companies'>) {
    const companies = new Map<string, Company>();
    for (const c of dataset.companies) companies.set(c.id, c);
    const table = new SuffixTable<Filed>(dataset.domains.length);
    let size = 0;
    for (const e of dataset.domains) {
      // Suffixes from the last two labels leftwards to the whole host: each but the last has something deeper. A
      // position is used up before the next insert, which may grow the table and move every suffix.
      let pos = -1;
      for (let cut = tailStart(e.host); cut !== -2; cut = cut === 0 ? -2 : dotBefore(e.host, cut - 2) + 1) {
        if (pos !== -1) table.mark(pos, DEEPER);
        pos = table.insert(e.host, cut);
      }
      if (pos === -1) continue; // one label, or none: never an entry
      if (table.values[pos] === undefined) size++;
      // Prepared once, so a hit allocates nothing.
      table.values[pos] = { entry: e, company: companies.get(e.company) };
      table.mark(pos, ENTRY);
    }
    table.seal();
    this.table = table;
    this.size = size;
  }

  /** `host` must already be normalised (as URL.hostname is); see normalizeHost for people's input. */
  lookupEntry(host: string): DomainEntry | undefined {
    return this.filed(host, true)?.entry;
  }

  lookup(host: string): HostMatch | undefined {
    return this.filed(host, false) as HostMatch | undefined;
  }

  /** What is filed under the longest suffix of host with an entry; unless `orphans`, only if it has a company. */
  private filed(host: string, orphans: boolean): Filed | undefined {
    let pos = this.find(host, false);
    if (pos === -1) return undefined;
    // Both reads come before the comparison, not after. With a large dataset they are likely cache misses: ahead of
    // the comparison's loop the CPU starts them while it still waits for the cell, behind it only once the loop ends.
    let filed = this.table.values[pos]!;
    let keep = orphans || filed.company !== undefined;
    if (!this.table.holds(pos, host, this.start)) {
      pos = this.find(host, true);
      if (pos === -1) return undefined;
      filed = this.table.values[pos]!;
      keep = orphans || filed.company !== undefined;
    }
    return keep ? filed : undefined;
  }

  /**
   * The position of the longest suffix holding an entry, or -1; this.start is where that suffix begins. Unless
   * `exact`, a step is taken on a matching hash, so the suffix must still be compared with the key at the position.
   */
  private find(host: string, exact: boolean): number {
    const table = this.table;
    let i = host.length - 1;
    let h = SEED;
    let c: number;
    // The last label, then its dot; a dot at index 0 or none at all means a single label, which has no key.
    while (i >= 0 && (c = host.charCodeAt(i)) !== DOT) {
      h = step(h, c);
      i--;
    }
    if (i <= 0) return -1;
    h = step(h, DOT);
    i--;
    while (i >= 0 && (c = host.charCodeAt(i)) !== DOT) {
      h = step(h, c);
      i--;
    }
    if (!table.mayHold(h)) return -1;
    let pos = table.find(h, host, i + 1, exact);
    if (pos === -1) return -1;
    let best = -1;
    // i sits on the dot before the current suffix (or at -1: the whole host has been looked at).
    for (;;) {
      const info = table.info(pos);
      if ((info & ENTRY) !== 0) {
        best = pos;
        this.start = i + 1;
      }
      if (i < 0 || (info & DEEPER) === 0) return best;
      h = step(h, DOT);
      i--;
      while (i >= 0 && (c = host.charCodeAt(i)) !== DOT) {
        h = step(h, c);
        i--;
      }
      if (!table.mayHold(h)) return best;
      pos = table.find(h, host, i + 1, exact);
      if (pos === -1) return best;
    }
  }
}

const DOT = 46;
const SEED = 0x811c9dc5 | 0;

/** One character into an FNV-1a hash. */
function step(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/**
 * FNV-1a of host.slice(start) read right to left, as find() computes it in place, so a suffix's hash grows label by
 * label. Exported for the tests, which craft collisions with it.
 */
export function suffixHash(host: string, start = 0): number {
  let h = SEED;
  for (let i = host.length - 1; i >= start; i--) h = step(h, host.charCodeAt(i));
  return h;
}

// A cell's info word: flags in the low bits, above them the key's length, or for a long key its index in
// SuffixTable.long. 0 marks an empty cell.
const USED = 1;
const ENTRY = 2;
/** Something longer is filed under this suffix, so the walk must go on. */
const DEEPER = 4;
/** Another key has the same hash, so the hash cannot say which key this is: compare before taking the step. */
const SHARED = 8;
/** The key's characters are not in the cell but in SuffixTable.long. */
const LONG = 16;
const FLAG_BITS = 5;

/** Ints per cell: hash, info, then the key's characters, four to an int. 32 bytes: half a cache line. */
const STRIDE = 8;
const INLINE = 4 * (STRIDE - 2);

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
 * Open addressing (linear probing, at most half full) over suffixHash, so a lookup can hash a suffix of the host in
 * place and grow it label by label. A bit filter of 16 bits per key sits in front: with 100,000 entries the cells
 * (8 MB) outgrow the CPU's L2 cache but the filter (256 KB) does not, so a miss, the common case, costs one cached
 * read at any dataset size. Positions move only while the table is built, when it grows.
 */
class SuffixTable<V> {
  private cells: Int32Array;
  private mask: number;
  private count = 0;
  /** What is filed under each position, kept here so it moves with its key when the table grows. */
  values: (V | undefined)[];
  /**
   * Keys whose characters do not fit a cell: longer than INLINE, or with a character above U+00FF (a valid dataset
   * has neither above U+007F, but the index takes any string and must stay exact). Rare, so one more read is fine.
   */
  private readonly long: string[] = [];
  private filter = new Int32Array(1);
  private filterShift = 32;

  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.cells = new Int32Array(capacity * STRIDE);
    this.mask = capacity - 1;
    this.values = SuffixTable.empty(capacity);
  }

  /** undefined at every position, not holes: holes can send the hot path to V8's slow elements. */
  private static empty<V>(capacity: number): (V | undefined)[] {
    return new Array<V | undefined>(capacity).fill(undefined);
  }

  /** FNV's low bits are weak; one xor-shift spreads the high ones down before masking. */
  private static mix(h: number): number {
    return h ^ (h >>> 15);
  }

  /** Builds the filter; call once every key is in, before the first mayHold. */
  seal(): void {
    let bits = 32;
    while (bits < this.count * 16) bits *= 2;
    this.filter = new Int32Array(bits / 32);
    this.filterShift = 32 - Math.log2(bits);
    for (let pos = 0; pos <= this.mask; pos++) {
      if (this.cells[STRIDE * pos + 1] === 0) continue;
      const b = this.bit(this.cells[STRIDE * pos]!);
      this.filter[b >>> 5]! |= 1 << (b & 31);
    }
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

  info(pos: number): number {
    return this.cells[STRIDE * pos + 1]!;
  }

  mark(pos: number, flag: number): void {
    this.cells[STRIDE * pos + 1]! |= flag;
  }

  /**
   * The position of the key with hash h, or -1. That key is host.slice(start) if `exact` or the hash is shared;
   * otherwise it is the only key with hash h, which host.slice(start) may or may not be.
   */
  find(h: number, host: string, start: number, exact: boolean): number {
    const cells = this.cells;
    const mask = this.mask;
    for (let pos = SuffixTable.mix(h) & mask; ; pos = (pos + 1) & mask) {
      const info = cells[STRIDE * pos + 1]!;
      if (info === 0) return -1;
      if (cells[STRIDE * pos] === h && ((!exact && (info & SHARED) === 0) || this.holds(pos, host, start))) return pos;
    }
  }

  /** Whether the key at pos is exactly host.slice(start). */
  holds(pos: number, host: string, start: number): boolean {
    const info = this.cells[STRIDE * pos + 1]!;
    if ((info & LONG) !== 0) {
      const key = this.long[info >>> FLAG_BITS]!;
      return key.length === host.length - start && host.startsWith(key, start);
    }
    if (info >>> FLAG_BITS !== host.length - start) return false;
    // Packed as write() packs them, four characters to an int, and compared without a branch until the end. `wide`
    // catches a character above U+00FF, which no cell holds and which would spill into its neighbour's byte.
    const cells = this.cells;
    const end = host.length;
    let i = start;
    let k = STRIDE * pos + 2;
    let wide = 0;
    let diff = 0;
    for (; i + 4 <= end; i += 4, k++) {
      const c0 = host.charCodeAt(i);
      const c1 = host.charCodeAt(i + 1);
      const c2 = host.charCodeAt(i + 2);
      const c3 = host.charCodeAt(i + 3);
      wide |= c0 | c1 | c2 | c3;
      diff |= (c0 | (c1 << 8) | (c2 << 16) | (c3 << 24)) ^ cells[k]!;
    }
    if (i < end) {
      let last = 0;
      for (let shift = 0; i < end; i++, shift += 8) {
        const c = host.charCodeAt(i);
        wide |= c;
        last |= c << shift;
      }
      diff |= last ^ cells[k]!;
    }
    return (diff | (wide & ~0xff)) === 0;
  }

  /** The position of host.slice(start), added if new. */
  insert(host: string, start: number): number {
    const h = suffixHash(host, start);
    const found = this.find(h, host, start, true);
    if (found !== -1) return found;
    if (++this.count * 2 > this.mask + 1) this.grow();
    const pos = this.place(h, USED);
    this.write(pos, host, start);
    return pos;
  }

  /** Takes the first free position from h's home; keys with equal hashes share a home, so each passes the others. */
  private place(h: number, info: number): number {
    const cells = this.cells;
    let pos = SuffixTable.mix(h) & this.mask;
    for (; cells[STRIDE * pos + 1] !== 0; pos = (pos + 1) & this.mask) {
      if (cells[STRIDE * pos] === h) {
        cells[STRIDE * pos + 1]! |= SHARED;
        info |= SHARED;
      }
    }
    cells[STRIDE * pos] = h;
    cells[STRIDE * pos + 1] = info;
    return pos;
  }

  private write(pos: number, host: string, start: number): void {
    const length = host.length - start;
    let fits = length <= INLINE;
    for (let i = start; fits && i < host.length; i++) fits = host.charCodeAt(i) <= 0xff;
    if (!fits) {
      this.mark(pos, LONG | (this.long.length << FLAG_BITS));
      this.long.push(host.slice(start));
      return;
    }
    this.mark(pos, length << FLAG_BITS);
    const at = STRIDE * pos + 2;
    for (let j = 0; j < length; j++) this.cells[at + (j >> 2)]! |= host.charCodeAt(start + j) << (8 * (j & 3));
  }

  /** Doubles the table, moving every cell, characters and all, with what is filed under it. */
  private grow(): void {
    const { cells, values } = this;
    this.cells = new Int32Array(cells.length * 2);
    this.mask = this.mask * 2 + 1;
    this.values = SuffixTable.empty(this.mask + 1);
    for (let from = 0; from < values.length; from++) {
      const info = cells[STRIDE * from + 1]!;
      if (info === 0) continue;
      const pos = this.place(cells[STRIDE * from]!, info & ~SHARED);
      this.cells.set(cells.subarray(STRIDE * from + 2, STRIDE * (from + 1)), STRIDE * pos + 2);
      this.values[pos] = values[from];
    }
  }
}
