// Checks what `npm run zip && npm run zip:firefox` wrote: the Chrome Web Store zip, the AMO zip and the sources zip
// AMO asks for, named with package.json's version, carrying that version in their manifests; the AMO zip passes
// addons-linter (what `web-ext lint` runs) with no error and no warning from our own code; the sources zip holds what
// the build needs and no test output. Prints each zip's size. Exits 1 on any problem.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const zips = { chrome: `.output/${name}-${version}-chrome.zip`, firefox: `.output/${name}-${version}-firefox.zip`, sources: `.output/${name}-${version}-sources.zip` };
const problems: string[] = [];

const list = (zip: string) => execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter(Boolean);
const read = (zip: string, file: string) => execFileSync('unzip', ['-p', zip, file], { encoding: 'utf8', maxBuffer: 64 << 20 });

for (const [kind, zip] of Object.entries(zips)) {
  if (!existsSync(zip)) {
    problems.push(`${zip} is missing (npm run zip && npm run zip:firefox)`);
    continue;
  }
  console.log(`${kind.padEnd(8)} ${zip}  ${statSync(zip).size.toLocaleString('en')} bytes`);
  if (kind !== 'sources') {
    const manifest = JSON.parse(read(zip, 'manifest.json')) as { version: string; manifest_version: number };
    if (manifest.version !== version) problems.push(`${zip}: manifest version ${manifest.version}, package.json ${version}`);
    if (manifest.manifest_version !== (kind === 'chrome' ? 3 : 2)) problems.push(`${zip}: manifest_version ${manifest.manifest_version}`);
  }
}

if (existsSync(zips.sources)) {
  const files = new Set(list(zips.sources));
  for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md', 'PRIVACY.md', 'data/dataset.json', 'scripts/build-ip-table.ts', 'entrypoints/background/index.ts']) {
    if (!files.has(needed)) problems.push(`${zips.sources} lacks ${needed}, which the build or its instructions need`);
  }
  for (const f of files) if (/^(test-results|node_modules|\.output)\/|\.(pem|key)$/.test(f)) problems.push(`${zips.sources} holds ${f}`);
}

if (existsSync(zips.firefox)) {
  interface Finding { code: string; file?: string; line?: number; column?: number; message: string }
  let report: { summary: { errors: number; warnings: number }; errors: Finding[]; warnings: Finding[] };
  try {
    report = JSON.parse(execFileSync('npx', ['addons-linter', '--output', 'json', zips.firefox], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  } catch (e) {
    // addons-linter exits non-zero when it finds errors; its report is still on stdout.
    report = JSON.parse((e as { stdout: string }).stdout);
  }
  for (const f of report.errors) problems.push(`AMO zip: error ${f.code} in ${f.file ?? '?'}: ${f.message}`);
  // The only accepted warnings are Preact's own innerHTML assignment (the dangerouslySetInnerHTML branch of its
  // renderer), and only while none of our sources passes dangerouslySetInnerHTML: anything else is ours to fix.
  const ours = [...(existsSync(zips.sources) ? list(zips.sources) : [])].filter((f) => /^(entrypoints|components|data)\/.*\.tsx?$/.test(f));
  for (const f of ours) if (readFileSync(f, 'utf8').includes('dangerouslySetInnerHTML')) problems.push(`${f} uses dangerouslySetInnerHTML`);
  let preact = 0;
  for (const w of report.warnings) {
    const code = w.file ? read(zips.firefox, w.file).split('\n')[(w.line ?? 1) - 1] ?? '' : '';
    const at = code.slice(Math.max(0, (w.column ?? 0) - 120), (w.column ?? 0) + 40);
    if (w.code === 'UNSAFE_VAR_ASSIGNMENT' && /\.innerHTML=\w+\.__html/.test(at)) preact++;
    else problems.push(`AMO zip: warning ${w.code} in ${w.file ?? '?'}:${w.line ?? '?'}: ${w.message}`);
  }
  console.log(`AMO zip lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings (${preact} from Preact's renderer)`);
}

for (const p of problems) console.error(p);
process.exit(problems.length ? 1 : 0);
