import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hardCodedMessages, hardCodedStrings, usedKeys } from './ui-strings';

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

const tsx = [...walk('components'), ...walk('entrypoints')].filter((f) => f.endsWith('.tsx')).sort();
const code = [...walk('components'), ...walk('entrypoints'), ...walk('data')].filter((f) => /\.tsx?$/.test(f));
/**
 * The .ts files whose words can reach a page: the worker and the pages' helpers, and the core files that build what
 * the worker answers (update download and check, settings, the protocol and its client). The validator's findings
 * (dataset/schema.ts, parse.ts) are technical details listed under a localized sentence, and the risk model's
 * English `text` is the CLI's; the pages rebuild both facts through message keys (assess/localized-text.ts).
 */
const ts = [
  ...[...walk('components'), ...walk('entrypoints')].filter((f) => f.endsWith('.ts')),
  'data/dataset/download.ts',
  'data/dataset/update-candidate.ts',
  'data/settings.ts',
  'data/protocol.ts',
  'data/i18n/localized-client.ts',
  'data/i18n/localized-error.ts',
].sort();
const en: Record<string, unknown> = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8'));

describe('no hard-coded user-facing strings', () => {
  it('finds the UI files to check', () => {
    expect(tsx).toEqual(expect.arrayContaining(['components/TabReportView.tsx', 'entrypoints/popup/App.tsx', 'entrypoints/options/App.tsx']));
  });

  it.each(tsx)('%s renders text only through message keys', (file) => {
    const found = hardCodedStrings(file, readFileSync(file, 'utf8')).map((f) => `${f.file}:${f.line}: ${JSON.stringify(f.text)}`);
    expect(found).toEqual([]);
  });

  it.each(ts)('%s says nothing to the user except through message keys', (file) => {
    const found = hardCodedMessages(file, readFileSync(file, 'utf8')).map((f) => `${f.file}:${f.line}: ${JSON.stringify(f.text)}`);
    expect(found).toEqual([]);
  });

  it('catches the sentences of thrown errors and of message properties in .ts files, but not log lines', () => {
    const source = [
      "throw new Error('There is no previous dataset.');",
      'const r = { ok: false, error: `Cannot allow ${o}: not https.` };',
      "r.message = 'No update: nothing changed.';",
      "console.error('Borderline: could not write the log', e);",
      "throw new Error('aborted');",
      "const e = { error: text('errorNoPrevious') };",
    ].join('\n');
    expect(hardCodedMessages('fake.ts', source).map((f) => [f.line, f.text])).toEqual([
      [1, 'There is no previous dataset.'],
      [2, 'Cannot allow  … : not https.'],
      [3, 'No update: nothing changed.'],
    ]);
  });

  it('catches JSX text, text attributes, rendered literals and TEXT tables, naming file and line', () => {
    const source = [
      'const TEXT = { a: 1 };',
      'export const A = (p: { on: boolean; t: (k: string) => string }) => (',
      '  <div class="risk-badge" data-testid="x" aria-label="Close the banner">',
      '    Hello',
      "    {p.on ? 'Shown' : p.t('key')}",
      "    {p.on && `Count: ${1}`}",
      "    <input placeholder={'host…'} type=\"search\" title={p.t('title')} />",
      "    {p.on === 'yes' ? '×' : null}",
      '  </div>',
      ');',
    ].join('\n');
    expect(hardCodedStrings('Fake.tsx', source).map((f) => [f.line, f.text])).toEqual([
      [1, 'const TEXT: strings that belong in messages.json'],
      [3, 'Close the banner'],
      [4, 'Hello'],
      [5, 'Shown'],
      [6, 'Count:'],
      [7, 'host…'],
    ]);
  });
});

describe('message keys', () => {
  const used = code.flatMap((file) => usedKeys(file, readFileSync(file, 'utf8')).map((k) => ({ ...k, file })));

  it('finds the keys the code asks for', () => {
    expect(used.length).toBeGreaterThan(100);
    expect(usedKeys('x.ts', "t('a'); i18n.t('b', [x]); browser.i18n.getMessage('c'); plural(i, n, 'd', 'e'); other('f');").map((k) => k.key)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('every key used in code exists in English (and so, by the locale test, in every language)', () => {
    expect(used.filter((k) => !(k.key in en)).map((k) => `${k.file}:${k.line}: ${k.key}`)).toEqual([]);
  });

  it('every English key is used somewhere: no translation is kept for text nobody shows', () => {
    const sources = [...code, 'wxt.config.ts'].map((f) => readFileSync(f, 'utf8')).join('\n');
    const unused = Object.keys(en).filter((key) => !sources.includes(`'${key}'`) && !sources.includes(`"${key}"`) && !sources.includes(`__MSG_${key}__`));
    expect(unused).toEqual([]);
  });
});
