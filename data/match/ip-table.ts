// Offline IP → country, for the *observed* server location of a request. The table partitions the address space into
// sorted ranges (gaps included, as country index 0 = "no data"), so a lookup is one binary search for the last start
// ≤ the address. IPv6 is kept at /64 granularity: few source ranges are finer, and /64 halves the file.
// Nothing here ever sends an address anywhere.
import ipaddr from 'ipaddr.js';

const MAGIC = 0x50494c42; // "BLIP" little-endian
const FORMAT = 1;
const TWO_32 = 2 ** 32;

export interface IpTable {
  version: string;
  countries: string[];
  v4Starts: Uint32Array;
  v4Country: Uint8Array;
  /** High and low 32 bits of each range's /64 prefix. */
  v6Hi: Uint32Array;
  v6Lo: Uint32Array;
  v6Country: Uint8Array;
}

export interface IpRanges {
  version: string;
  /** Inclusive ranges; they may nest, and the innermost wins. */
  v4: [start: number, end: number, country: string][];
  v6: [start: bigint, end: bigint, country: string][];
}

export type ServerLocation = { kind: 'country'; country: string } | { kind: 'local' } | { kind: 'unknown' };

/** A report's lookup of a row's server address: "local" for private and loopback addresses, an ISO code otherwise,
 *  undefined when unknown. */
export type CountryOf = (ip: string) => string | undefined;

class Writer {
  private buf = new Uint8Array(1 << 20);
  length = 0;
  private ensure(n: number) {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  byte(b: number) {
    this.ensure(1);
    this.buf[this.length++] = b;
  }
  u32(n: number) {
    for (let i = 0; i < 4; i++) this.byte((n >>> (8 * i)) & 0xff);
  }
  varint(n: bigint) {
    do {
      let b = Number(n & 0x7fn);
      n >>= 7n;
      if (n > 0n) b |= 0x80;
      this.byte(b);
    } while (n > 0n);
  }
  bytes(b: Uint8Array) {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  done() {
    return this.buf.slice(0, this.length);
  }
}

/**
 * Starts of a partition of the address space. The source nests ranges (a /20 for one country holding a /24 for
 * another), so each stretch of addresses takes the innermost range covering it, and stretches no range covers get
 * "" (no data).
 */
function partition(ranges: [bigint, bigint, string][]): [bigint, string][] {
  const byStart = [...ranges].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] > b[1] ? -1 : a[1] < b[1] ? 1 : 0));
  // Sorted then deduplicated by neighbour: a Set of BigInts takes minutes in V8 (they hash poorly).
  const bounds = ranges
    .flatMap(([s, e]) => [s, e + 1n])
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .filter((b, i, all) => i === 0 || b !== all[i - 1]);
  const out: [bigint, string][] = [[0n, '']];
  let open: [bigint, bigint, string][] = [];
  let k = 0;
  for (const b of bounds) {
    if (open.some(([, e]) => e < b)) open = open.filter(([, e]) => e >= b);
    while (k < byStart.length && byStart[k]![0] === b) open.push(byStart[k++]!);
    const cc = open.length ? open[open.length - 1]![2] : '';
    const last = out[out.length - 1]!;
    if (last[0] === b) last[1] = cc;
    else if (last[1] !== cc) out.push([b, cc]);
  }
  // Setting a start's country can make it equal to the one before: merge those too.
  return out.filter((x, i) => i === 0 || x[1] !== out[i - 1]![1]);
}

/** IPv6 at /64: each block takes the country at its first address, i.e. of the last part starting at or before it. */
function toBlocks(parts: [bigint, string][]): [bigint, string][] {
  const out: [bigint, string][] = [];
  for (const [s, cc] of parts) {
    const block = (s + (1n << 64n) - 1n) >> 64n;
    const last = out[out.length - 1];
    if (last && last[0] === block) last[1] = cc;
    else out.push([block, cc]);
  }
  return out.filter((x, i) => i === 0 || x[1] !== out[i - 1]![1]);
}

export function encodeIpTable(input: IpRanges): Uint8Array {
  // A range that ends at the top of its space would add a start one past it, which does not fit the format.
  const v4 = partition(input.v4.map(([s, e, c]) => [BigInt(s), BigInt(e), c])).filter(([s]) => s < 2n ** 32n);
  const v6 = toBlocks(partition(input.v6)).filter(([b]) => b < 2n ** 64n);
  const countries = ['', ...new Set([...v4, ...v6].map(([, c]) => c).filter(Boolean))].sort();
  if (countries.length > 255) throw new Error('too many countries for one byte');
  const idx = new Map(countries.map((c, i) => [c, i]));
  const w = new Writer();
  w.u32(MAGIC);
  w.byte(FORMAT);
  const version = new TextEncoder().encode(input.version);
  w.byte(version.length);
  w.bytes(version);
  w.byte(countries.length - 1);
  for (const c of countries.slice(1)) w.bytes(new TextEncoder().encode(c.padEnd(2).slice(0, 2)));
  w.u32(v4.length);
  w.u32(v6.length);
  // Deltas first, country bytes after: each stream is uniform, which the extension's zip compresses well.
  for (const part of [v4, v6]) {
    let prev = 0n;
    for (const [s] of part) {
      w.varint(s - prev);
      prev = s;
    }
    w.bytes(Uint8Array.from(part, ([, c]) => idx.get(c)!));
  }
  return w.done();
}

export function decodeIpTable(bytes: Uint8Array): IpTable {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 0;
  if (view.getUint32(p, true) !== MAGIC) throw new Error('not an IP table');
  p += 4;
  if (bytes[p++] !== FORMAT) throw new Error('unsupported IP table format');
  const vlen = bytes[p++]!;
  const version = new TextDecoder().decode(bytes.subarray(p, p + vlen));
  p += vlen;
  const n = bytes[p++]!;
  const countries = [''];
  for (let i = 0; i < n; i++, p += 2) countries.push(String.fromCharCode(bytes[p]!, bytes[p + 1]!));
  const n4 = view.getUint32(p, true);
  const n6 = view.getUint32(p + 4, true);
  p += 8;
  // The first report after each worker start waits for this decode, so the varints are read with 32-bit integer
  // operations (BigInt and 2 ** n made it about four times slower).
  const v4Starts = new Uint32Array(n4);
  let acc = 0;
  for (let i = 0; i < n4; i++) {
    let b = bytes[p++]!;
    let delta = b & 0x7f;
    for (let shift = 7; b >= 0x80; shift += 7) {
      b = bytes[p++]!;
      delta += (b & 0x7f) * (shift === 28 ? 0x10000000 : 1 << shift); // the fifth group would overflow a shift
    }
    acc += delta;
    v4Starts[i] = acc;
  }
  const v4Country = bytes.slice(p, p + n4);
  p += n4;
  // /64 prefixes pass 2^53, so they are summed as two 32-bit halves with a carry.
  const v6Hi = new Uint32Array(n6);
  const v6Lo = new Uint32Array(n6);
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < n6; i++) {
    let dHi = 0;
    let dLo = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[p++]!;
      const v = b & 0x7f;
      if (shift < 28) dLo |= v << shift;
      else if (shift === 28) {
        dLo |= v << 28; // the low 4 bits; the other 3 go to the high half
        dHi |= v >>> 4;
      } else dHi |= v << (shift - 32);
      if (b < 0x80) break;
    }
    lo += dLo >>> 0;
    const carry = lo >= TWO_32 ? 1 : 0;
    lo -= carry * TWO_32;
    hi = (hi + (dHi >>> 0) + carry) >>> 0;
    v6Hi[i] = hi;
    v6Lo[i] = lo;
  }
  const v6Country = bytes.slice(p, p + n6);
  return { version, countries, v4Starts, v4Country, v6Hi, v6Lo, v6Country };
}

function searchV4(t: IpTable, ip: number): string {
  let lo = 0;
  let hi = t.v4Starts.length - 1;
  if (hi < 0 || ip < t.v4Starts[0]!) return '';
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (t.v4Starts[mid]! <= ip) lo = mid;
    else hi = mid - 1;
  }
  return t.countries[t.v4Country[lo]!]!;
}

function searchV6(t: IpTable, h: number, l: number): string {
  let lo = 0;
  let hi = t.v6Hi.length - 1;
  const le = (i: number) => t.v6Hi[i]! < h || (t.v6Hi[i] === h && t.v6Lo[i]! <= l);
  if (hi < 0 || !le(0)) return '';
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (le(mid)) lo = mid;
    else hi = mid - 1;
  }
  return t.countries[t.v6Country[lo]!]!;
}

const LOCAL_RANGES = new Set(['private', 'loopback', 'linkLocal', 'uniqueLocal', 'carrierGradeNat', 'unspecified', 'reserved', 'broadcast']);

const DOTTED_QUAD = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

function parse(input: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  try {
    // Parsing by family directly is about twice as fast as ipaddr.process(), which tries both. Only the dotted
    // quad browsers report is accepted: "1.2.3" or hex forms are ambiguous to a reader.
    if (!input.includes(':')) return DOTTED_QUAD.test(input) ? ipaddr.IPv4.parse(input) : undefined;
    const v6 = ipaddr.IPv6.parse(input.replace(/^\[|\]$/g, ''));
    return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
  } catch {
    return undefined;
  }
}

/** undefined for input that is not an IP address. */
export function lookupIp(t: IpTable, input: string): ServerLocation | undefined {
  const addr = parse(input);
  if (!addr) return undefined;
  // Before the table: the source data assigns some special-use space (192.168.0.0/16, 2001:db8::/32) to countries.
  if (LOCAL_RANGES.has(addr.range())) return { kind: 'local' };
  let country: string;
  if (addr.kind() === 'ipv4') {
    const o = addr.toByteArray();
    country = searchV4(t, ((o[0]! << 24) | (o[1]! << 16) | (o[2]! << 8) | o[3]!) >>> 0);
  } else {
    const p = (addr as ipaddr.IPv6).parts;
    country = searchV6(t, ((p[0]! << 16) | p[1]!) >>> 0, ((p[2]! << 16) | p[3]!) >>> 0);
  }
  return country ? { kind: 'country', country } : { kind: 'unknown' };
}
