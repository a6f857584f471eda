// Every hostile file is refused, with its message, by both doors: `npm run dataset:check -- FILE` (a child process on a
// real file) and the extension's update check (the bytes a settings-page import or a download would hand it).
import { english, rejection } from '../english';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCandidate } from '@/data/dataset/update-candidate';
import { HOSTILE } from '../../fixtures/hostile/cases';
import { loadBundled } from '../bundled-dataset';
import { bytesOf, testKey } from './update-helpers';

const run = promisify(execFile);
const bundled = loadBundled();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'borderline-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run dataset:check -- FILE', () => {
  it.each(HOSTILE.map((c, i) => [c.name, i] as const))('rejects %s', async (_name, i) => {
    const c = HOSTILE[i]!;
    const file = join(dir, `case-${i}.json`);
    writeFileSync(file, c.text(bundled));
    const result = await run('npm', ['run', '-s', 'dataset:check', '--', file], { maxBuffer: 1 << 20 }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(c.message);
    expect(result.stderr).toContain(file);
  }, 60_000);

  it('accepts the bundled dataset, so the rejections above are about the files', async () => {
    const { stdout } = await run('npm', ['run', '-s', 'dataset:check', '--', 'data/dataset.json']);
    expect(stdout).toMatch(/OK/);
  }, 60_000);
});

describe('the update check', () => {
  const { trusted } = testKey();
  it.each(HOSTILE.map((c) => [c.name, c] as const))('rejects %s, even from a source allowed to be unsigned', async (_name, c) => {
    const result = await checkCandidate(bytesOf(c.text(bundled)), undefined, { trusted, allowUnsigned: true });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(english(result.error)).toMatch(/^The dataset was rejected/);
      expect(rejection(result)).toMatch(c.message);
      expect(result.needsAllow).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 30_000);
});
