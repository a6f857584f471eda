// Converts the ip-location-db country CSVs (an npm devDependency) into the compact table the extension ships.
// Called by the build (wxt.config.ts) and by `npm run lookup -- --ip`; the result is cached under .wxt/.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { encodeIpTable } from '../data/match/ip-table';

const require = createRequire(import.meta.url);
const PKG = '@ip-location-db/geo-whois-asn-country';
const IP_TABLE_PATH = '.wxt/ip-country.bin';

function rows(file: string): string[][] {
  return readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(','));
}

/** Returns the table's path, rebuilding it only when the source package's version or the encoder changed. */
export function buildIpTable(): string {
  const pkgDir = dirname(require.resolve(`${PKG}/package.json`));
  const version = `${PKG}@${(JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version}`;
  const encoder = createHash('sha256').update(readFileSync(new URL('../data/match/ip-table.ts', import.meta.url))).digest('hex').slice(0, 16);
  const stamp = `${IP_TABLE_PATH}.version`;
  if (existsSync(IP_TABLE_PATH) && existsSync(stamp) && readFileSync(stamp, 'utf8') === `${version} ${encoder}`) return IP_TABLE_PATH;
  const bytes = encodeIpTable({
    version,
    v4: rows(join(pkgDir, 'geo-whois-asn-country-ipv4-num.csv')).map(([s, e, c]) => [Number(s), Number(e), c!]),
    v6: rows(join(pkgDir, 'geo-whois-asn-country-ipv6-num.csv')).map(([s, e, c]) => [BigInt(s!), BigInt(e!), c!]),
  });
  mkdirSync(dirname(IP_TABLE_PATH), { recursive: true });
  writeFileSync(IP_TABLE_PATH, bytes);
  writeFileSync(stamp, `${version} ${encoder}`);
  return IP_TABLE_PATH;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = buildIpTable();
  console.log(`${path}: ${readFileSync(path).length} bytes`);
}
