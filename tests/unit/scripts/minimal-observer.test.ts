// The minimal observer (scripts/harness/minimal-observer) is the page-load figure's floor only while it listens to
// exactly what Borderline's worker listens to, with the same permissions: these checks fail when either side changes.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '@/wxt.config';
import { MINIMAL_OBSERVER_DIR, observerEvents, observerWithout } from '@/scripts/page-load';

/** `browser.<api>.<event>.addListener(` in the worker's wiring files, as "api.event". */
const registered = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/browser\.(\w+)\.(\w+)\.addListener\(/g)].map((m) => `${m[1]}.${m[2]}`);

const manifest = JSON.parse(readFileSync(join(MINIMAL_OBSERVER_DIR, 'manifest.json'), 'utf8')) as {
  manifest_version: number;
  permissions: string[];
  host_permissions: string[];
  background: { service_worker: string };
};

describe('the minimal observer', () => {
  it("listens to exactly Borderline's worker events", () => {
    const borderline = ['entrypoints/background/start.ts', 'entrypoints/background/messages.ts'].flatMap(registered);
    expect(borderline.length).toBeGreaterThanOrEqual(12); // the pattern found the wiring, so "equal" means something
    expect([...observerEvents()].sort()).toEqual([...borderline].sort());
  });

  it("asks for Borderline's permissions, as an MV3 service worker", () => {
    const ours = typeof config.manifest === 'function' ? config.manifest({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' } as never) : config.manifest;
    const { permissions, host_permissions } = ours as { permissions: string[]; host_permissions: string[] };
    expect(manifest.manifest_version).toBe(3);
    expect([...manifest.permissions].sort()).toEqual([...permissions].sort());
    expect(manifest.host_permissions).toEqual(host_permissions);
    expect(existsSync(join(MINIMAL_OBSERVER_DIR, manifest.background.service_worker))).toBe(true);
  });

  it('can be copied with listeners left out, and only those', () => {
    const skip = ['webRequest.onErrorOccurred', 'tabs.onCreated'];
    const dir = observerWithout(skip);
    try {
      expect(readFileSync(join(dir, 'background.js'), 'utf8')).toContain(`const SKIP = ${JSON.stringify(skip)};`);
      expect(observerEvents(dir)).toEqual(observerEvents());
      expect(existsSync(join(dir, 'manifest.json'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(readFileSync(join(MINIMAL_OBSERVER_DIR, 'background.js'), 'utf8')).toContain('const SKIP = [];');
  });
});
