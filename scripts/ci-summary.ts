// Sums every JUnit report the run wrote (unit, e2e) into the one closing line CI reads: "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const dir = 'test-results';
let tests = 0;
let failures = 0;
let skipped = 0;
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.xml')) : [];
for (const f of files) {
  const root = /<testsuites\b[^>]*>/.exec(readFileSync(`${dir}/${f}`, 'utf8'))?.[0] ?? '';
  const n = (attr: string) => Number(new RegExp(`\\b${attr}="(\\d+)"`).exec(root)?.[1] ?? 0);
  tests += n('tests');
  failures += n('failures') + n('errors');
  skipped += n('skipped');
  console.log(`${f}: ${n('tests')} tests, ${n('failures') + n('errors')} failed, ${n('skipped')} skipped`);
}
const expected = Number(process.argv[2] ?? 0);
if (files.length < expected) {
  // A suite that crashed before writing its report must not vanish from the count.
  console.log(`only ${files.length} of ${expected} suites wrote a report`);
  failures += expected - files.length;
}
console.log(`${tests - failures - skipped} passed, ${failures} failed${skipped ? `, ${skipped} skipped` : ''}`);
