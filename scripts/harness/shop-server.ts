// The local stand-in for real shops: every host name resolves to this server (Chromium's --host-resolver-rules),
// which answers by Host header. Unknown hosts get 404, so Chromium's own background calls go nowhere.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { servePageLoad } from './page-load-site';

const site = (name: string) => readFileSync(new URL(`./sites/${name}.html`, import.meta.url), 'utf8');

/** 1×1 transparent PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const html = (body: string): Handler => (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
};

function asset(req: IncomingMessage, res: ServerResponse) {
  const path = (req.url ?? '/').split('?')[0]!;
  if (path.endsWith('.png')) res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
  else if (path.endsWith('.js')) res.writeHead(200, { 'content-type': 'text/javascript' }).end('/* stub */');
  else res.writeHead(204).end();
}

export interface ShopServer {
  port: number;
  /** Extra routes a test adds, keyed by host name. */
  routes: Map<string, Handler>;
  close(): Promise<void>;
}

const PAGE_HOSTS: Record<string, string> = {
  'www.temu.com': 'temu',
  'www.shein.com': 'shein',
  'www.example.org': 'neutral',
  'www.spiegel.de': 'spiegel',
};

/** What the real www.spiegel.de front page loads from third parties: the stand-in loads the same hosts. */
export const SPIEGEL_THIRD_PARTIES = [
  'cdn.cookielaw.org',
  'www.googletagmanager.com',
  'www.google-analytics.com',
  'securepubads.g.doubleclick.net',
  'connect.facebook.net',
  'mc.yandex.ru',
  'static.hotjar.com',
  'bat.bing.com',
  's.pinimg.com',
  'analytics.tiktok.com',
];

const ASSET_HOSTS = new Set([
  'img.kwcdn.com',
  'aimg.kwcdn.com',
  'bugly.qq.com',
  'cdn.unlisted-example.net',
  'img.ltwebstatic.com',
  'sc.ltwebstatic.com',
  'analytics.tiktok.com',
  'cdn.prod.www.spiegel.de',
  ...SPIEGEL_THIRD_PARTIES,
]);

/** The burst page's host, and the 20 dataset hosts it spreads its requests over. */
export const BURST_HOST = 'www.burst-test.example';
export const BURST_HOSTS = [
  'img.kwcdn.com',
  'aimg.kwcdn.com',
  'bugly.qq.com',
  'img.ltwebstatic.com',
  'sc.ltwebstatic.com',
  'analytics.tiktok.com',
  'p16.tiktokcdn.com',
  'api.pangle-ads.com',
  'mon.bytedance.net',
  'p3.douyinpic.com',
  's3.toutiaoimg.com',
  'ae01.aliexpress.com',
  'log.umeng.com',
  'oss.aliyuncs.com',
  'cdn.alipay.com',
  'img.pddpic.com',
  'cdn.myqcloud.com',
  'static.hihonor.com',
  'hm.baidu.com',
  'cdn.getui.com',
];
for (const host of BURST_HOSTS) ASSET_HOSTS.add(host);

/**
 * `/?n=N` fires N requests, images and fetches in turn, each to a new URL on one of BURST_HOSTS; `window.burst`
 * counts the fired, settled and failed ones, and the title turns "done" when all have settled.
 */
function burstPage(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname !== '/') return void res.writeHead(404).end();
  const n = Number(url.searchParams.get('n') ?? 2000);
  // The empty icon keeps Chromium from fetching /favicon.ico, so the page's log has an exact count.
  html(`<!doctype html><meta charset="utf-8"><title>burst</title><link rel="icon" href="data:,"><script>
const hosts = ${JSON.stringify(BURST_HOSTS)};
const burst = (window.burst = { fired: 0, settled: 0, failed: 0 });
const settle = () => { if (++burst.settled === ${n}) document.title = 'done'; };
const fail = () => { burst.failed++; settle(); };
for (let i = 0; i < ${n}; i++) {
  const src = 'http://' + hosts[i % hosts.length] + '/burst/' + i + '.png';
  if (i % 2) fetch(src, { mode: 'no-cors' }).then(settle, fail);
  else { const img = new Image(); img.onload = settle; img.onerror = fail; img.src = src; }
  burst.fired++;
}
</script>`)(req, res);
}

export async function startShopServer(port = 0): Promise<ShopServer> {
  const routes = new Map<string, Handler>();
  const server: Server = createServer((req, res) => {
    // As Firefox's HTTP proxy (it has no host-resolver rules) the server gets absolute URLs: answer them the same way.
    if (req.url?.startsWith('http://')) {
      const url = new URL(req.url);
      req.url = url.pathname + url.search;
    }
    // A fully qualified name ("www.temu.com.") is the same host: its trailing dot is dropped for routing.
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase();
    const extra = routes.get(host);
    if (extra) return extra(req, res);
    if (host === BURST_HOST) return burstPage(req, res);
    if (servePageLoad(host, req, res)) return;
    const page = PAGE_HOSTS[host];
    if (page && (req.url === '/' || req.url?.startsWith('/?'))) return html(site(page))(req, res);
    if (page || ASSET_HOSTS.has(host)) return asset(req, res);
    res.writeHead(404).end();
  });
  // No tunnels: https through the proxy is refused, so Firefox's calls to its own services go nowhere.
  server.on('connect', (_req: IncomingMessage, socket: Socket) => socket.end('HTTP/1.1 403 Forbidden\r\n\r\n'));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    routes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A page that fires `rows` requests to five dataset and unknown hosts, 100 at a time, then sets its title to "done". */
export function floodPage(rows: number): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>flood</title></head><body><script>
  const hosts = ['img.kwcdn.com', 'bugly.qq.com', 'analytics.tiktok.com', 'cdn.unlisted-example.net', 'sc.ltwebstatic.com'];
  (async () => {
    for (let i = 0; i < ${rows}; i += 100) {
      await Promise.all(Array.from({ length: 100 }, (_, j) => fetch('http://' + hosts[(i + j) % hosts.length] + '/p' + (i + j) + '.png', { mode: 'no-cors' }).catch(() => {})));
    }
    document.title = 'done';
  })();
</script></body></html>`;
}
