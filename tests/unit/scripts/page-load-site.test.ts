// The page the page-load figure loads (scripts/harness/page-load-site.ts): 300 subresources from 30 hosts, a real mix
// of companies the bundled dataset knows and hosts it does not, served uncached; and the CPU-profile arithmetic that
// gives the worker's time per load (scripts/page-load.ts).
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostIndex } from '@/data/match/host-index';
import {
  PAGE_LOAD_HOST,
  PAGE_LOAD_HOSTS,
  PAGE_LOAD_KNOWN_HOSTS,
  PAGE_LOAD_UNKNOWN_HOSTS,
  pageLoadPage,
  pageLoadSubresources,
} from '@/scripts/harness/page-load-site';
import { startShopServer, type ShopServer } from '@/scripts/harness/shop-server';
import { profileTimes, type CpuProfile } from '@/scripts/page-load';
import { loadBundled } from '../bundled-dataset';

const index = new HostIndex(loadBundled());

describe('the 300-request page', () => {
  const subs = pageLoadSubresources(7);

  it('has 300 subresources spread evenly over 30 hosts', () => {
    expect(subs).toHaveLength(300);
    const perHost = new Map<string, number>();
    for (const s of subs) perHost.set(new URL(s.url).hostname, (perHost.get(new URL(s.url).hostname) ?? 0) + 1);
    expect(perHost.size).toBe(30);
    expect(new Set(perHost.values())).toEqual(new Set([10]));
    expect(new Set(subs.map((s) => s.url)).size).toBe(300);
  });

  it('mixes hosts the dataset knows with hosts it does not', () => {
    expect(PAGE_LOAD_KNOWN_HOSTS.length).toBeGreaterThanOrEqual(20);
    expect(PAGE_LOAD_UNKNOWN_HOSTS.length).toBeGreaterThanOrEqual(5);
    for (const h of PAGE_LOAD_KNOWN_HOSTS) expect(index.lookup(h), h).toBeDefined();
    for (const h of PAGE_LOAD_UNKNOWN_HOSTS) expect(index.lookup(h), h).toBeUndefined();
  });

  // Six images, two scripts and a stylesheet in every ten; the tenth is an ad iframe in the first five tens, else an image.
  it.each([
    ['img', 205],
    ['script', 60],
    ['style', 30],
    ['iframe', 5],
  ])('has %s subresources (%d)', (kind, n) => {
    expect(subs.filter((s) => s.kind === kind).length).toBe(n);
  });

  it('names each subresource once in its HTML, with the run number', () => {
    const html = pageLoadPage(7);
    for (const s of subs) expect(html.split(`"${s.url}"`).length - 1, s.url).toBe(1);
    expect(subs.every((s) => s.url.endsWith('?run=7'))).toBe(true);
    expect(pageLoadSubresources(8)[0]!.url).not.toBe(subs[0]!.url);
  });
});

describe('the shop server, for the page', () => {
  let server: ShopServer;
  beforeAll(async () => {
    server = await startShopServer();
  });
  afterAll(() => server.close());

  const get = (host: string, path: string) =>
    new Promise<{ status: number; type?: string; cache?: string }>((resolve, reject) => {
      request({ host: '127.0.0.1', port: server.port, path, headers: { host } }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], cache: res.headers['cache-control'] });
      })
        .on('error', reject)
        .end();
    });

  it.each([
    [PAGE_LOAD_HOST, '/?run=3', 200, 'text/html; charset=utf-8'],
    ['securepubads.g.doubleclick.net', '/r/0.png?run=3', 200, 'image/png'],
    ['cdn.pageload-shop.example', '/r/6.js?run=3', 200, 'text/javascript'],
    ['cdn.taboola.com', '/r/8.css?run=3', 200, 'text/css'],
    ['img.kwcdn.com', '/r/9.html?run=3', 200, 'text/html; charset=utf-8'],
    ['img.kwcdn.com', '/r/9.gif', 404, undefined],
  ])('%s%s answers %d, uncached', async (host, path, status, type) => {
    const res = await get(host, path);
    expect(res).toMatchObject({ status, cache: 'no-store' });
    expect(res.type).toBe(type);
  });

  it('leaves the demo shops\' requests to the same hosts as they were', async () => {
    expect(await get('www.googletagmanager.com', '/gtag/js?id=G-1')).toMatchObject({ status: 204, cache: undefined });
    expect(await get('cdn.unknown-cdn.example', '/r/0.png')).toMatchObject({ status: 404 });
  });

  it('serves every host of the page', () => {
    expect(new Set(pageLoadSubresources(1).map((s) => new URL(s.url).hostname))).toEqual(new Set(PAGE_LOAD_HOSTS));
  });
});

describe('profileTimes', () => {
  const profile = (samples: [string, number][]): CpuProfile => {
    const names = [...new Set(samples.map(([n]) => n))];
    return {
      nodes: names.map((functionName, id) => ({ id, callFrame: { functionName, url: functionName === 'add' ? 'chrome-extension://x/background.js' : '', lineNumber: 0 } })),
      samples: samples.map(([n]) => names.indexOf(n)),
      // timeDeltas[i] is the time before sample i; each sample counts until the next.
      timeDeltas: [0, ...samples.map(([, us]) => us)],
    };
  };

  it.each([
    ['nothing', [], 0, 0],
    ['idle only', [['(idle)', 5000]], 0, 0],
    ['script and native work', [['add', 2000], ['(program)', 1000], ['(idle)', 7000], ['(garbage collector)', 500]], 3.5, 2.5],
  ] as [string, [string, number][], number, number][])('%s: busy %d ms, script %d ms', (_label, samples, busy, script) => {
    const t = profileTimes(profile(samples));
    expect(t.busy).toBeCloseTo(busy);
    expect(t.script).toBeCloseTo(script);
  });

  it('adds self time by function and file', () => {
    const t = profileTimes(profile([['add', 1000], ['(idle)', 100], ['add', 3000]]));
    expect(Object.fromEntries(t.self)).toEqual({ 'add background.js:1': 4 });
  });

  it('survives a profile without samples', () => {
    expect(profileTimes({ nodes: [] })).toEqual({ busy: 0, script: 0, self: new Map() });
  });
});
