// The page `npm run measure:page-load` loads: a busy shop page with 300 subresources from 30 hosts, about as many as a
// news or shop front page pulls in. 22 hosts belong to companies in data/dataset.json (ad exchanges, analytics, social
// pixels, a marketplace CDN), 8 are unknown (the shop's own CDNs and small vendors), so both the matched and the
// unmatched path run (tests/unit/scripts/page-load-site.test.ts checks the mix). The shop server answers it; every
// response says no-store, and each load's URLs carry its run number, so no load is served from a cache.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const PAGE_LOAD_HOST = 'www.pageload-shop.example';

export const PAGE_LOAD_KNOWN_HOSTS = [
  'securepubads.g.doubleclick.net',
  'www.google-analytics.com',
  'www.googletagmanager.com',
  'pagead2.googlesyndication.com',
  'fonts.googleapis.com',
  'connect.facebook.net',
  'www.facebook.com',
  'img.kwcdn.com',
  'static.criteo.net',
  'c.amazon-adsystem.com',
  'static.hotjar.com',
  'bat.bing.com',
  'www.clarity.ms',
  'analytics.tiktok.com',
  'mc.yandex.ru',
  's.pinimg.com',
  'cdn.cookielaw.org',
  'ib.adnxs.com',
  'cdn.taboola.com',
  'sb.scorecardresearch.com',
  'fastlane.rubiconproject.com',
  'ads.pubmatic.com',
];

export const PAGE_LOAD_UNKNOWN_HOSTS = [
  'cdn.pageload-shop.example',
  'img.pageload-shop.example',
  'api.pageload-shop.example',
  'cdn.unlisted-example.net',
  'static.unknown-cdn.example',
  't.unknown-tracker.example',
  'widgets.reviews-unknown.example',
  'assets.payments-unknown.example',
];

export const PAGE_LOAD_HOSTS = [...PAGE_LOAD_KNOWN_HOSTS, ...PAGE_LOAD_UNKNOWN_HOSTS];

export const PAGE_LOAD_SUBRESOURCES = 300;

export type Subresource = { kind: 'img' | 'script' | 'style' | 'iframe'; url: string };

/**
 * The page's subresources in document order: per ten, six images, two async scripts, a stylesheet and, for the first
 * five tens, an iframe (an ad slot; the rest get an image). All of them hold the `load` event.
 */
export function pageLoadSubresources(run: number): Subresource[] {
  return Array.from({ length: PAGE_LOAD_SUBRESOURCES }, (_, i) => {
    const host = PAGE_LOAD_HOSTS[i % PAGE_LOAD_HOSTS.length]!;
    const slot = i % 10;
    const kind = slot < 6 ? 'img' : slot < 8 ? 'script' : slot === 8 ? 'style' : i < 50 ? 'iframe' : 'img';
    const ext = { img: 'png', script: 'js', style: 'css', iframe: 'html' }[kind];
    return { kind, url: `http://${host}/r/${i}.${ext}?run=${run}` };
  });
}

export function pageLoadPage(run: number): string {
  const tags = pageLoadSubresources(run).map(({ kind, url }) => {
    switch (kind) {
      case 'img':
        return `<img src="${url}" width="1" height="1" alt="">`;
      case 'script':
        return `<script async src="${url}"></script>`;
      case 'style':
        return `<link rel="stylesheet" href="${url}">`;
      case 'iframe':
        return `<iframe src="${url}" width="1" height="1" title="ad"></iframe>`;
    }
  });
  // The empty icon keeps Chromium from asking for /favicon.ico, so every load makes the same requests; the resource
  // timing buffer (250 entries by default) is made room for all of them, so the harness can count them.
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>page load</title><link rel="icon" href="data:,">' +
    `<script>performance.setResourceTimingBufferSize(${PAGE_LOAD_SUBRESOURCES * 2})</script></head><body>\n${tags.join('\n')}\n</body></html>`
  );
}

/** 1×1 transparent PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

const BODIES: Record<string, [string, string | Buffer]> = {
  png: ['image/png', PNG],
  js: ['text/javascript', '/* stub */'],
  css: ['text/css', '/* stub */'],
  html: ['text/html; charset=utf-8', '<!doctype html><title>ad</title>'],
};

/**
 * Answers the page on PAGE_LOAD_HOST and its subresources (/r/ on PAGE_LOAD_HOSTS); false for anything else, so the
 * demo shops' requests to the same hosts are answered as before.
 */
export function servePageLoad(host: string, req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? '/', 'http://x');
  if (host === PAGE_LOAD_HOST && url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(pageLoadPage(Number(url.searchParams.get('run') ?? 0)));
    return true;
  }
  if (!url.pathname.startsWith('/r/') || !PAGE_LOAD_HOSTS.includes(host)) return false;
  const body = BODIES[url.pathname.split('.').pop() ?? ''];
  if (!body) res.writeHead(404, { 'cache-control': 'no-store' }).end();
  else res.writeHead(200, { 'content-type': body[0], 'cache-control': 'no-store' }).end(body[1]);
  return true;
}
