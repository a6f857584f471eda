// The request-URL fast path (plainRequestUrl) and the site cache (siteOfHost), case by case: which URLs it takes,
// what it makes of them, and which it leaves to the URL parser. request-url.property.test.ts holds both to the slow
// path on arbitrary input.
import { beforeEach, describe, expect, it } from 'vitest';
import { forgetSites, hostOfUrl, parseRequestUrl, plainRequestUrl, siteOf, siteOfHost, slowRequestUrl } from '@/data/match/hostname';

describe('plainRequestUrl takes an ordinary http(s) URL apart without the URL parser', () => {
  it.each([
    ['https://temu.com/', { host: 'temu.com', base: 'https://temu.com/', query: '' }],
    ['https://temu.com', { host: 'temu.com', base: 'https://temu.com/', query: '' }],
    ['http://img.kwcdn.com/a/b.png', { host: 'img.kwcdn.com', base: 'http://img.kwcdn.com/a/b.png', query: '' }],
    ['https://a.b.c.example.co.uk/x?id=1&t=2', { host: 'a.b.c.example.co.uk', base: 'https://a.b.c.example.co.uk/x', query: '?id=1&t=2' }],
    ['https://temu.com?x=1', { host: 'temu.com', base: 'https://temu.com/', query: '?x=1' }],
    ['https://temu.com#top', { host: 'temu.com', base: 'https://temu.com/', query: '#top' }],
    ['https://temu.com/p?q=1#f', { host: 'temu.com', base: 'https://temu.com/p', query: '?q=1#f' }],
    ['https://temu.com/p?q=%20x', { host: 'temu.com', base: 'https://temu.com/p', query: '?q=%20x' }],
    // A bare '?' or '#' is an empty query or fragment: URL.search and URL.hash are ''.
    ['https://temu.com/p?', { host: 'temu.com', base: 'https://temu.com/p', query: '' }],
    ['https://temu.com/p#', { host: 'temu.com', base: 'https://temu.com/p', query: '' }],
    ['https://temu.com/p?#f', { host: 'temu.com', base: 'https://temu.com/p', query: '#f' }],
    ['https://temu.com/p?q#', { host: 'temu.com', base: 'https://temu.com/p', query: '?q' }],
    ['https://temu.com/p#a?b#c', { host: 'temu.com', base: 'https://temu.com/p', query: '#a?b#c' }],
    ['https://sub_domain.example.com/', { host: 'sub_domain.example.com', base: 'https://sub_domain.example.com/', query: '' }],
    ['https://edge-2.v16.example.app/Static/App.JS', { host: 'edge-2.v16.example.app', base: 'https://edge-2.v16.example.app/Static/App.JS', query: '' }],
    ['https://1e100.net/', { host: '1e100.net', base: 'https://1e100.net/', query: '' }],
    ['https://cdn.example.com/a.b/c..d/.e', { host: 'cdn.example.com', base: 'https://cdn.example.com/a.b/c..d/.e', query: '' }],
    ['https://example.com/a;b=c/@d:e', { host: 'example.com', base: 'https://example.com/a;b=c/@d:e', query: '' }],
  ])('%s', (url, parts) => {
    expect(plainRequestUrl(url)).toEqual({ ...parts, plain: true });
    // The same parts as the URL parser gives.
    expect(slowRequestUrl(url)).toEqual({ ...parts, plain: false });
  });
});

describe('plainRequestUrl leaves to the URL parser what it might change or refuse', () => {
  it.each([
    ['upper case scheme', 'HTTPS://temu.com/'],
    ['upper case host', 'https://Temu.com/'],
    ['another scheme', 'wss://temu.com/'],
    ['a data URL', 'data:text/plain,hi'],
    ['one slash', 'https:/temu.com/'],
    ['three slashes', 'https:///temu.com/'],
    ['a port', 'https://temu.com:8443/'],
    ['the default port', 'https://temu.com:443/'],
    ['credentials', 'https://user:pw@temu.com/'],
    ['IPv4', 'http://127.0.0.1/'],
    ['IPv4 in hex', 'http://0x7f.1/'],
    ['a numeric last label', 'http://example.123/'],
    ['IPv6', 'http://[::1]/'],
    ['punycode', 'https://xn--bcher-kva.de/'],
    ['Unicode', 'https://bücher.de/'],
    ['a trailing dot', 'https://www.temu.com./'],
    ['an empty label', 'https://www..temu.com/'],
    ['a label starting with a hyphen', 'https://-a.temu.com/'],
    ['a label ending with a hyphen', 'https://a-.temu.com/'],
    ['a label over 63 characters', `https://${'a'.repeat(64)}.com/`],
    ['a host over 253 characters', `https://${`${'a'.repeat(60)}.`.repeat(5)}com/`],
    ['a percent-escape in the host', 'https://te%6Du.com/'],
    ['a backslash', 'https://temu.com\\a'],
    ['a dot segment', 'https://temu.com/a/./b'],
    ['a double-dot segment', 'https://temu.com/a/../b'],
    ['a final double-dot segment', 'https://temu.com/a/..'],
    ['a double-dot segment before the query', 'https://temu.com/a/..?x'],
    ['a percent-escape in the path', 'https://temu.com/%2e%2e/b'],
    ['a space in the path', 'https://temu.com/a b'],
    ['a quote in the query', "https://temu.com/?a='b'"],
    ['a space in the fragment', 'https://temu.com/#a b'],
    ['a tab', 'https://temu.com/a\tb'],
    ['leading space', ' https://temu.com/'],
    ['trailing space', 'https://temu.com/ '],
    ['non-ASCII in the path', 'https://temu.com/straße'],
    ['a brace in the path', 'https://temu.com/{x}'],
    // Its parts would be slices keeping all of it alive in the page cache; the parser's own their characters.
    ['a URL over 2,048 characters', `https://temu.com/?q=${'a'.repeat(2040)}`],
  ])('%s: %s', (_why, url) => {
    expect(plainRequestUrl(url)).toBeUndefined();
  });

  it('and parseRequestUrl then reads it with the URL parser, or gives undefined for no URL', () => {
    expect(parseRequestUrl('https://www.temu.com.:8443/a/../b?q#f')).toEqual({ host: 'www.temu.com', base: 'https://www.temu.com.:8443/b', query: '?q#f', plain: false });
    expect(parseRequestUrl('HTTPS://Bücher.DE/')).toEqual({ host: 'xn--bcher-kva.de', base: 'https://xn--bcher-kva.de/', query: '', plain: false });
    expect(parseRequestUrl(`https://temu.com/?q=${'a'.repeat(2040)}`)).toEqual({ host: 'temu.com', base: 'https://temu.com/', query: `?q=${'a'.repeat(2040)}`, plain: false });
    expect(plainRequestUrl(`https://temu.com/?q=${'a'.repeat(2028)}`)?.query).toBe(`?q=${'a'.repeat(2028)}`); // 2,048 exactly
    expect(parseRequestUrl('not a url')).toBeUndefined();
    expect(parseRequestUrl('https://exa mple.com/')).toBeUndefined();
  });

  it('hostOfUrl gives the same host either way', () => {
    expect(hostOfUrl('https://img.kwcdn.com/a.png')).toBe('img.kwcdn.com');
    expect(hostOfUrl('https://WWW.Temu.com./')).toBe('www.temu.com');
    expect(hostOfUrl('about:blank')).toBe('');
    expect(hostOfUrl('nonsense')).toBe('');
  });
});

describe('siteOfHost', () => {
  beforeEach(() => forgetSites());

  it.each([
    ['img.kwcdn.com', true, 'kwcdn.com'],
    ['m.shein.co.uk', true, 'shein.co.uk'],
    ['d1234.cloudfront.net', true, 'd1234.cloudfront.net'],
    ['cloudfront.net', true, null],
    ['co.uk', true, null],
    ['localhost', true, null],
    ['127.0.0.1', false, null],
    ['[::1]', false, null],
    ['xn--bcher-kva.de', false, 'xn--bcher-kva.de'],
    ['a.b.xn--bcher-kva.de', false, 'xn--bcher-kva.de'],
  ])('%s (plain %s) → %s, as siteOf says, first and again from the cache', (host, plain, site) => {
    expect(siteOf(host)).toBe(site);
    expect(siteOfHost(host, plain)).toBe(site);
    expect(siteOfHost(host, plain)).toBe(site);
  });

  it('answers right after more hosts than it holds (2,048), when it has started again', () => {
    for (let i = 0; i < 3000; i++) expect(siteOfHost(`h${i}.example.co.uk`, true)).toBe('example.co.uk');
    expect(siteOfHost('h1.example.co.uk', true)).toBe('example.co.uk');
    expect(siteOfHost('x.temu.com', true)).toBe('temu.com');
  });
});
