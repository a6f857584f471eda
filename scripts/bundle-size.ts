// `npm run size` (after `npm run build`): gzip size of each entry's JavaScript and of the packed extension, failing
// CI when one is over budget. Sizes of a given build are deterministic, so unlike timings this check can be strict.
// Usage: tsx scripts/bundle-size.ts [dir]   (dir defaults to .output/chrome-mv3)
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { constants, deflateRawSync, gzipSync } from 'node:zlib';

/** From issue #9: the popup opens on every click, and its JS must parse and run before the first paint. */
const POPUP_BUDGET = 50_000;
/**
 * The packed extension: about 660 kB when this was set, some 545 kB of it the IP-to-country table (ip-country.bin). The headroom
 * (about half again) is for the bundled dataset and that table, which grow with every update; the budget is there
 * to catch accidents (a source map, a second copy of the data, a large dependency pulled into an entry), not to
 * stop the data growing. Raise it deliberately, in a commit that says why.
 *
 * Raised from 1,000 kB to 1,200 kB for issue #14: the dataset grew from 35 companies and ~500 domain entries to 206
 * companies and 7,514 entries (6,690 of them v2fly's MIT lists). The packed extension is 1,059 kB: the IP table is
 * unchanged at 551 kB, background.js is 363 kB of which the dataset is ~271 kB deflated (companies with their entities,
 * sources and notes 110 kB, domain entries 88 kB, reference lists 25 kB, actions 23 kB). Deduplicating the entries'
 * provenance saves only 13 kB after deflate, so the growth is knowledge, not an accident; 140 kB of headroom remain.
 */
const PACKED_BUDGET = 1_200_000;

const dir = process.argv[2] ?? '.output/chrome-mv3';
if (!existsSync(join(dir, 'manifest.json'))) {
  console.error(`${dir}/manifest.json not found: run \`npm run build\` first`);
  process.exit(2);
}

const read = (file: string) => readFileSync(join(dir, file));
const gz = (file: string) => gzipSync(read(file), { level: constants.Z_BEST_COMPRESSION }).length;
const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;

/** Extension-relative path of a URL written in `from` (an HTML page or a JS chunk). */
const resolve = (from: string, url: string) => posix.normalize(url.startsWith('/') ? url.slice(1) : posix.join(posix.dirname(from), url));

/** A module and everything it imports statically: what must load before it runs. Dynamic import() is left out. */
function withImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = read(file).toString('utf8');
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) withImports(resolve(file, m[1]!), seen);
  return seen;
}

/** JS a page loads up front: its module scripts and modulepreloads, and what those import. */
function pageScripts(page: string): Set<string> {
  const html = read(page).toString('utf8');
  const files = new Set<string>();
  for (const tag of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const t = tag[0];
    const src = /\b(?:src|href)="([^"]+\.js)"/.exec(t)?.[1];
    if (src && (t.startsWith('<script') || /\brel="modulepreload"/.test(t))) withImports(resolve(page, src), files);
  }
  return files;
}

interface Manifest {
  background?: { service_worker?: string; scripts?: string[] };
  action?: { default_popup?: string };
  browser_action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
}
const manifest = JSON.parse(read('manifest.json').toString('utf8')) as Manifest;

const entries: [string, Set<string>][] = [];
const bg = manifest.background?.service_worker ? [manifest.background.service_worker] : (manifest.background?.scripts ?? []);
if (bg.length) entries.push(['background', new Set(bg.flatMap((f) => [...withImports(f)]))]);
const popupPage = manifest.action?.default_popup ?? manifest.browser_action?.default_popup;
if (popupPage) entries.push(['popup', pageScripts(popupPage)]);
const optionsPage = manifest.options_ui?.page ?? manifest.options_page;
if (optionsPage) entries.push(['options', pageScripts(optionsPage)]);

const walk = (d: string): string[] =>
  readdirSync(d).flatMap((name) => (statSync(join(d, name)).isDirectory() ? walk(join(d, name)) : [relative(dir, join(d, name))]));
const all = walk(dir).sort();

/**
 * The packed size is that of a zip of the directory with every file deflated at level 9 (stored if that is smaller),
 * computed exactly from its parts rather than written out: local header (30 bytes) + name + data per file, a central
 * directory record (46 bytes + name) per file, and the 22-byte end record. This is what the store receives.
 */
const zipped = all.map((f) => {
  const raw = read(f);
  return { f, size: Math.min(raw.length, deflateRawSync(raw, { level: constants.Z_BEST_COMPRESSION }).length) };
});
const packed = zipped.reduce((n, { f, size }) => n + 30 + 46 + 2 * Buffer.byteLength(f.split('\\').join('/')) + size, 0) + 22;

let failed = false;
const check = (label: string, size: number, budget: number) => {
  const ok = size <= budget;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}: ${kb(size)} of ${kb(budget)}`);
};

console.log(`JavaScript per entry, gzip -9 of each file (${dir}):`);
const totals = new Map<string, number>();
for (const [name, files] of entries) {
  let total = 0;
  for (const f of [...files].sort()) {
    const size = gz(f);
    total += size;
    console.log(`  ${name.padEnd(10)} ${f.padEnd(36)} ${kb(read(f).length).padStart(9)} raw ${kb(size).padStart(9)} gzip`);
  }
  totals.set(name, total);
  console.log(`  ${name.padEnd(10)} ${'total'.padEnd(36)} ${''.padStart(13)} ${kb(total).padStart(9)} gzip`);
}
console.log(`packed extension: ${all.length} files, ${kb(all.reduce((n, f) => n + read(f).length, 0))} raw, ${kb(packed)} as a zip; largest:`);
for (const { f, size } of [...zipped].sort((a, b) => b.size - a.size).slice(0, 5)) console.log(`  ${f.padEnd(47)} ${kb(size).padStart(9)} deflated`);
if (!totals.has('popup')) {
  console.error('FAIL the manifest names no popup page');
  failed = true;
} else check('popup JS (gzip)', totals.get('popup')!, POPUP_BUDGET);
check('packed extension (zip)', packed, PACKED_BUDGET);
process.exit(failed ? 1 : 0);
