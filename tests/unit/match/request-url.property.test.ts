// The request-URL fast path must never disagree with the URL parser, and the site cache never with tldts: on
// arbitrary text, on URLs built from the pieces that trip parsers up (case, ports, credentials, IP literals, IDN,
// percent-escapes, dot segments, characters the parser encodes), and on ordinary request URLs, which the fast path
// must also actually take (else the agreement would be vacuous).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forgetSites, parseRequestUrl, plainRequestUrl, siteOf, siteOfHost, slowRequestUrl } from '@/data/match/hostname';

/** What the parser makes of a URL, without the flag the fast path adds. */
const parts = (p: ReturnType<typeof slowRequestUrl>) => p && { host: p.host, base: p.base, query: p.query };

const char = (pool: string) => fc.constantFrom(...pool);
const piece = (pool: string, max: number) => fc.string({ unit: char(pool), maxLength: max });


/** Mostly the ordinary thing, sometimes one of the odd ones: so the URLs sit on both sides of the fast path's edge. */
const mostly = <T>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>, weight = 6) => fc.oneof({ weight, arbitrary: usual }, { weight: 1, arbitrary: odd });

const label = mostly(
  fc.stringMatching(/^[a-z0-9]([a-z0-9_-]{0,8}[a-z0-9])?$/),
  fc.oneof(
    piece('abcXYZ019-_%.~!$&*+,;=éß日', 8),
    fc.constantFrom('xn--bcher-kva', 'xn--', 'xn--a', 'XN--bcher-kva', 'ab--cd', 'bücher', 'σπίτι', '0x7f', '255', '08', '1e3', '-a', 'a-', '_a', 'a_', '', 'a'.repeat(63), 'a'.repeat(64)),
  ),
);
const host = mostly(
  fc.array(label, { minLength: 1, maxLength: 5 }).map((ls) => ls.join('.')),
  fc.constantFrom('127.0.0.1', '1.2.3.4', '[::1]', '[2001:db8::1]', 'localhost', 'temu.com.', '.temu.com', 'a..b', `${'abcdefghij'.repeat(6)}.`.repeat(4) + 'com', `${'abcdefghij'.repeat(6)}.`.repeat(5) + 'com'),
);
const scheme = mostly(fc.constantFrom('https://', 'http://'), fc.constantFrom('HTTPS://', 'Http://', 'https:/', 'https:///', 'ws://', 'ftp://', 'file://', 'blob:https://', ' https://', ''));
const userinfo = mostly(fc.constant(''), fc.constantFrom('user@', 'user:pw@', '@'));
const port = mostly(fc.constant(''), fc.constantFrom(':443', ':80', ':8443', ':0', ':99999', ':'));
const plainChars = "abcXYZ019-._~!$&'()*+,;=:@/";
const oddChars = '%?#\\ "<>`{}^|\t\né€\u0000\u007f';
const pathChar = mostly(char(plainChars), char(oddChars), 40);
const path = fc.oneof(
  fc.constantFrom('', '/', '/a/./b', '/a/../b', '/..', '/.', '/a/..?x', '/a/.#x', '/%2e%2e/', '/%2E/', '/.well-known/x', '/a..b/.c', '/a/.', '/a/..#'),
  fc.string({ unit: pathChar, maxLength: 20 }).map((p) => `/${p}`),
  fc.string({ unit: pathChar, maxLength: 20 }),
);
const tailChar = mostly(char(`${plainChars}?%#`), char(oddChars), 40);
const tail = fc.oneof(fc.constant(''), fc.string({ unit: tailChar, maxLength: 24 }).map((q) => `?${q}`), fc.string({ unit: tailChar, maxLength: 24 }).map((q) => `#${q}`));
const trickyUrl = fc.tuple(scheme, userinfo, host, port, path, tail).map((xs) => xs.join(''));

/** What the browser hands webRequest: lower-case DNS names, plain paths, a query most of the time. */
const ordinaryUrl = fc
  .tuple(
    fc.constantFrom('https://', 'http://'),
    // Not "xn--": punycode is what the parser must check, so it is never ordinary here.
    fc.array(fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/).filter((l) => !l.startsWith('xn--')), { minLength: 1, maxLength: 3 }),
    fc.constantFrom('com', 'net', 'co.uk', 'de', 'io', 'app'),
    fc.array(fc.stringMatching(/^[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,12}$/), { maxLength: 4 }),
    fc.option(fc.stringMatching(/^[A-Za-z0-9=&%._~-]{1,30}$/), { nil: undefined }),
  )
  .map(([s, labels, tld, segments, q]) => `${s}${labels.join('.')}.${tld}/${segments.join('/')}${q === undefined ? '' : `?${q}`}`);

/** An ordinary URL with one to three characters put in, swapped or taken out anywhere: the edge, character by character. */
const mutatedUrl = fc
  .tuple(ordinaryUrl, fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'replace', 'delete'), char(`${plainChars}${oddChars}.:ABZ0x[]`)), { minLength: 1, maxLength: 3 }))
  .map(([url, edits]) =>
    edits.reduce((u, [at, how, c]) => {
      const i = at % (u.length + 1);
      return how === 'insert' ? u.slice(0, i) + c + u.slice(i) : how === 'replace' ? u.slice(0, i) + c + u.slice(i + 1) : u.slice(0, i) + u.slice(i + 1);
    }, url),
  );

describe('plainRequestUrl agrees with the URL parser', () => {
  const agrees = (url: string) => {
    const fast = plainRequestUrl(url);
    const slow = slowRequestUrl(url);
    if (fast !== undefined) {
      expect(fast.plain).toBe(true);
      expect(parts(fast), url).toEqual(parts(slow));
    }
    expect(parts(parseRequestUrl(url)), url).toEqual(parts(slow));
  };

  it('on URLs built from the pieces that trip parsers up', () => {
    fc.assert(fc.property(trickyUrl, agrees), { numRuns: 20_000 });
  });

  it('on ordinary URLs with a character or three changed', () => {
    fc.assert(fc.property(mutatedUrl, agrees), { numRuns: 20_000 });
  });

  it('on arbitrary text and on fast-check’s web URLs', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), agrees), { numRuns: 5_000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }).map((s) => `https://${s}`), agrees), { numRuns: 5_000 });
    fc.assert(fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), agrees), { numRuns: 5_000 });
  });

  it('and takes every ordinary request URL', () => {
    fc.assert(
      fc.property(ordinaryUrl, (url) => {
        expect(plainRequestUrl(url), url).toBeDefined();
        agrees(url);
      }),
      { numRuns: 5_000 },
    );
  });

  it.each([
    ['tricky', trickyUrl],
    ['mutated', mutatedUrl],
  ])('is not vacuous: the %s mix has at least 5 % of its URLs on each side of the fast path', (_name, urls) => {
    const sample = fc.sample(urls, { numRuns: 5_000, seed: 1 });
    const fast = sample.filter((u) => plainRequestUrl(u) !== undefined).length;
    const parsedOnly = sample.filter((u) => plainRequestUrl(u) === undefined && slowRequestUrl(u) !== undefined).length;
    expect(fast).toBeGreaterThan(250);
    expect(parsedOnly).toBeGreaterThan(250);
  });
});

describe('siteOfHost agrees with siteOf', () => {
  it('on every host a URL can have, from the cache or not', () => {
    forgetSites();
    fc.assert(
      fc.property(fc.oneof(trickyUrl, mutatedUrl, ordinaryUrl), fc.boolean(), (url, forget) => {
        const p = parseRequestUrl(url);
        if (!p) return;
        if (forget) forgetSites();
        const expected = siteOf(p.host);
        expect(siteOfHost(p.host, p.plain), p.host).toBe(expected);
        expect(siteOfHost(p.host, p.plain), p.host).toBe(expected);
      }),
      { numRuns: 20_000 },
    );
  });
});
