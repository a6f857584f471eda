import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeIpTable, encodeIpTable, lookupIp, type IpTable } from '@/data/match/ip-table';
import { buildIpTable } from '@/scripts/build-ip-table';

describe('IP table on synthetic ranges', () => {
  const v4 = (s: string) => Number(ipaddr.IPv4.parse(s).toByteArray().reduce((n, b) => n * 256 + b, 0));
  const v6 = (s: string) => BigInt(`0x${ipaddr.IPv6.parse(s).toByteArray().map((b) => b.toString(16).padStart(2, '0')).join('')}`);
  const table = decodeIpTable(
    encodeIpTable({
      version: 'test',
      v4: [
        [v4('1.0.0.0'), v4('1.0.0.255'), 'AU'],
        [v4('1.0.1.0'), v4('1.0.3.255'), 'CN'],
        [v4('1.0.4.0'), v4('1.0.7.255'), 'CN'], // adjacent, same country: merged
        [v4('9.0.0.0'), v4('9.255.255.255'), 'US'],
        [v4('9.9.9.0'), v4('9.9.9.255'), 'CH'], // nested in the US range: innermost wins
        [v4('223.255.255.0'), v4('223.255.255.255'), 'AU'],
      ],
      v6: [
        [v6('2001:200::'), v6('2001:200:ffff:ffff:ffff:ffff:ffff:ffff'), 'JP'],
        [v6('2a00::'), v6('2a00:0:0:0:ffff:ffff:ffff:ffff'), 'DE'],
        [v6('2a00:0:0:1::'), v6('2a00:0:0:1:ffff:ffff:ffff:ffff'), 'FR'],
        [v6('2a00:0:0:1::8'), v6('2a00:0:0:1::f'), 'IT'], // finer than /64: the block keeps FR
        [v6('2a01::'), v6('2a01:ff:ffff:ffff:ffff:ffff:ffff:ffff'), 'SE'],
        [v6('2a01:10::'), v6('2a01:10:0:ffff:ffff:ffff:ffff:ffff'), 'NO'], // nested: innermost wins
      ],
    }),
  );

  it.each([
    ['1.0.0.0', 'AU'],
    ['1.0.0.128', 'AU'],
    ['1.0.0.255', 'AU'],
    ['1.0.1.0', 'CN'],
    ['1.0.5.5', 'CN'],
    ['1.0.7.255', 'CN'],
    ['9.128.0.1', 'US'],
    ['223.255.255.255', 'AU'],
    ['::ffff:1.0.2.3', 'CN'],
    ['::ffff:9.8.9.9', 'US'],
    ['2001:200::1', 'JP'],
    ['2001:200:ffff:ffff:ffff:ffff:ffff:ffff', 'JP'],
    ['[2001:200::5]', 'JP'],
    ['2a00::ffff', 'DE'],
    ['2a00:0:0:1::1', 'FR'],
    ['2a00:0:0:1::9', 'FR'],
    ['2a01:10::1', 'NO'],
    ['2a01:10:1::', 'SE'],
    ['9.9.9.9', 'CH'],
    ['9.9.10.0', 'US'],
    ['9.9.8.255', 'US'],
  ])('%s → %s', (ip, country) => {
    expect(lookupIp(table, ip)).toEqual({ kind: 'country', country });
  });

  it.each(['1.0.8.0', '8.255.255.255', '2001:201::1', '2a00:0:0:2::'])(
    '%s is in a gap: unknown',
    (ip) => expect(lookupIp(table, ip)).toEqual({ kind: 'unknown' }),
  );

  it.each(['127.0.0.1', '10.1.2.3', '192.168.1.1', '172.16.0.1', '100.64.0.1', '169.254.1.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1'])(
    '%s is local',
    (ip) => expect(lookupIp(table, ip)).toEqual({ kind: 'local' }),
  );

  it.each(['', 'x', '1.2.3', '256.1.1.1', '1.2.3.4.5', ':::', '2001:db8::g', 'example.com'])('rejects %j', (ip) => {
    expect(lookupIp(table, ip)).toBeUndefined();
  });
});

describe('IP table encoding', () => {
  // The decoder sums 64-bit /64 prefixes and 32-bit IPv4 starts without BigInt; anywhere in either space, with gaps
  // of any size (past 2^53 too), every range must come back at its start with its country.
  const ONES_64 = 2n ** 64n - 1n;
  it('gives back every range start, up to the last /64 and the last IPv4 address', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.oneof(fc.bigInt({ min: 0n, max: ONES_64 }), fc.constantFrom(0n, 1n, ONES_64, ONES_64 - 1n, 2n ** 53n + 1n)), { minLength: 1, maxLength: 40 }),
        fc.uniqueArray(fc.oneof(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.constantFrom(0, 2 ** 32 - 1, 2 ** 28, 2 ** 31)), { minLength: 1, maxLength: 40 }),
        (blocks, starts) => {
          blocks.sort((a, b) => (a < b ? -1 : 1));
          starts.sort((a, b) => a - b);
          // Alternating countries keep neighbours from merging; each IPv4 range is one address.
          const cc = (i: number) => (i % 2 ? 'AA' : 'BB');
          const t = decodeIpTable(
            encodeIpTable({
              version: 'p',
              v4: starts.map((s, i) => [s, s, cc(i)]),
              v6: blocks.map((b, i) => [b << 64n, (b << 64n) | ONES_64, cc(i)]),
            }),
          );
          const v6 = new Map(Array.from(t.v6Hi, (h, i) => [(BigInt(h) << 32n) | BigInt(t.v6Lo[i]!), t.countries[t.v6Country[i]!]]));
          blocks.forEach((b, i) => expect(v6.get(b), `block ${b}`).toBe(cc(i)));
          const v4 = new Map(Array.from(t.v4Starts, (s, i) => [s, t.countries[t.v4Country[i]!]]));
          starts.forEach((s, i) => expect(v4.get(s), `start ${s}`).toBe(cc(i)));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('IP table built from the shipped source data', () => {
  let table: IpTable;
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@ip-location-db/geo-whois-asn-country/package.json'));
  const csv = (f: string) => readFileSync(join(dir, f), 'utf8').trim().split('\n').map((l) => l.split(','));

  beforeAll(() => {
    table = decodeIpTable(readFileSync(buildIpTable()));
  });

  it('records the source version', () => {
    expect(table.version).toMatch(/^@ip-location-db\/geo-whois-asn-country@\d/);
  });

  it('answers the first, middle and last address of every 97th stand-alone IPv4 range as the source says', () => {
    const all = csv('geo-whois-asn-country-ipv4-num.csv').map(([a, b, cc]) => [Number(a), Number(b), cc!] as const);
    // Rows that overlap another are checked by the nesting cases below, where the innermost row wins.
    let maxEnd = -1;
    const alone = all.filter(([a, b], i) => {
      const ok = a > maxEnd && (i + 1 === all.length || b < all[i + 1]![0]);
      maxEnd = Math.max(maxEnd, b);
      return ok;
    });
    const ip = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
    let checked = 0;
    for (const [s, e, cc] of alone.filter((_, i) => i % 97 === 0)) {
      for (const n of [s, Math.floor((s + e) / 2), e]) {
        const got = lookupIp(table, ip(n))!;
        if (got.kind === 'local') continue; // special-use space wins over the source's attribution
        expect(got, ip(n)).toEqual({ kind: 'country', country: cc });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(9000);
  });

  it.each([
    ['103.142.140.255', 'SG'], // 103.142.140.0/23 SG holds 103.142.141.0/24 JP
    ['103.142.141.0', 'JP'],
    ['17.87.14.0', 'JP'],
  ])('nested source rows: %s → %s (innermost wins)', (ip, country) => {
    expect(lookupIp(table, ip)).toEqual({ kind: 'country', country });
  });

  it('answers /64-aligned IPv6 ranges as the source says', () => {
    const M = (1n << 64n) - 1n;
    const all = csv('geo-whois-asn-country-ipv6-num.csv').map(([a, b, cc]) => [BigInt(a!), BigInt(b!), cc!] as const);
    let maxEnd = -1n;
    const alone = all.filter(([a, b], i) => {
      const ok = a > maxEnd && (i + 1 === all.length || b < all[i + 1]![0]);
      if (b > maxEnd) maxEnd = b;
      return ok;
    });
    const rows = alone.filter(([s, e], i) => i % 53 === 0 && (s & M) === 0n && (e & M) === M);
    const ip = (n: bigint) => ipaddr.fromByteArray([...Array(16)].map((_, i) => Number((n >> BigInt(8 * (15 - i))) & 255n))).toString();
    for (const [s, e, cc] of rows) {
      for (const n of [s, e]) {
        const got = lookupIp(table, ip(n))!;
        if (got.kind !== 'local') expect(got, ip(n)).toEqual({ kind: 'country', country: cc });
      }
    }
    expect(rows.length).toBeGreaterThan(3000);
  });
});
