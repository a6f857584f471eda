// The house rules that keep the code readable, checked on every run so they stay true: data/ is the pure core
// grouped by concern (no browser API, nothing from the layers above it, no import cycle), and scripts never import
// tests (tests may import scripts).
import madge from 'madge';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('data/ is the pure core, grouped by concern', () => {
  it('keeps only the protocol, the settings and the dataset files at its root', () => {
    const root = readdirSync('data', { withFileTypes: true });
    expect(root.filter((e) => e.isDirectory()).map((e) => e.name).sort()).toEqual(['assess', 'dataset', 'i18n', 'log', 'match']);
    const files = root.filter((e) => e.isFile()).map((e) => e.name);
    const allowed = ['README.md', 'dataset.json', 'dataset.json.sig', 'dataset.schema.json', 'protocol.ts', 'settings.ts'];
    expect(files.filter((f) => !allowed.includes(f))).toEqual([]);
  });

  it('imports nothing from entrypoints/ or components/, and no browser API', () => {
    const bad = walk('data')
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => importsOf(f).filter((s) => /^@\/(entrypoints|components)|\/(entrypoints|components)\/|^wxt\/browser|webextension-polyfill/.test(s)).map((s) => `${f}: ${s}`));
    expect(bad).toEqual([]);
  });

  it('has no import cycle (type imports included)', async () => {
    const graph = await madge('data', { fileExtensions: ['ts'], detectiveOptions: { ts: { skipTypeImports: false } } });
    expect(Object.keys(graph.obj()).length).toBeGreaterThan(20); // the graph was read, so "no cycle" means something
    expect(graph.circular()).toEqual([]);
  });

  it('finds a cycle when there is one, so the check above can fail', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'borderline-cycle-'));
    writeFileSync(join(dir, 'a.ts'), "import type { B } from './b';\nexport type A = B[];\n");
    writeFileSync(join(dir, 'b.ts'), "import type { A } from './a';\nexport type B = A | 1;\n");
    const graph = await madge(dir, { fileExtensions: ['ts'], detectiveOptions: { ts: { skipTypeImports: false } } });
    rmSync(dir, { recursive: true, force: true });
    expect(graph.circular()).toEqual([['a.ts', 'b.ts']]);
  });
});

describe('scripts/', () => {
  it('never imports from tests/', () => {
    const bad = walk('scripts')
      .filter((f) => /\.tsx?$/.test(f))
      .flatMap((f) => importsOf(f).filter((s) => /(^|\/)tests\//.test(s)).map((s) => `${f}: ${s}`));
    expect(bad).toEqual([]);
  });
});

describe('the worker’s start file', () => {
  const file = 'entrypoints/background/start.ts';
  const text = readFileSync(file, 'utf8');

  it('is wiring: under 120 lines, every handler it passes a listener five lines at most', () => {
    expect(text.split('\n').length).toBeLessThan(120);
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const long: string[] = [];
    const visit = (node: ts.Node) => {
      if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node)) && node.body) {
        const first = source.getLineAndCharacterOfPosition(node.body.getStart(source)).line;
        const last = source.getLineAndCharacterOfPosition(node.body.getEnd()).line;
        if (last - first + 1 > 5) long.push(`line ${first + 1}: ${last - first + 1} lines`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(long).toEqual([]);
    expect(text.match(/addListener\(/g)?.length).toBeGreaterThanOrEqual(9); // it does register the listeners
    expect(text).toMatch(/listen\(messageHandlers\(/);
  });
});
