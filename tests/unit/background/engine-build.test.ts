// A worker start builds one engine, and its host index only when a host is looked up: the cold start's critical path
// (tests/unit counts constructions; the time itself is measured by `npm run measure -- --only cold`).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { request, resetBrowser, send } from './harness';

const built = vi.hoisted(() => ({ index: 0, risk: 0 }));
vi.mock('@/data/match/host-index', async (original) => {
  const real = await original<typeof import('@/data/match/host-index')>();
  class CountedHostIndex extends real.HostIndex {
    constructor(...args: ConstructorParameters<typeof real.HostIndex>) {
      super(...args);
      built.index++;
    }
  }
  return { ...real, HostIndex: CountedHostIndex };
});
vi.mock('@/data/assess/risk', async (original) => {
  const real = await original<typeof import('@/data/assess/risk')>();
  class CountedRiskModel extends real.RiskModel {
    constructor(...args: ConstructorParameters<typeof real.RiskModel>) {
      super(...args);
      built.risk++;
    }
  }
  return { ...real, RiskModel: CountedRiskModel };
});

const { buildEngine } = await import('@/entrypoints/background/engine');
const { bundledDataset } = await import('@/tests/unit/bundled-dataset');
const { HostIndex } = await import('@/data/match/host-index');
const { startBackground } = await import('@/entrypoints/background/start');

let seq = 0;
beforeEach(() => {
  resetBrowser();
  built.index = 0;
  built.risk = 0;
});

describe('engine build', () => {
  it('builds the host index on the first lookup, once', () => {
    const engine = buildEngine(bundledDataset, 'bundled');
    expect(built).toEqual({ index: 0, risk: 1 });
    const first = engine.index;
    expect(engine.index).toBe(first);
    expect(built.index).toBe(1);
  });

  it.each(['www.temu.com', 'img.kwcdn.com', 'bugly.qq.com', 'qq.com', 'cdn.unknown-example.net', 'com', ''])(
    'the lazy index answers %j as an index built at once does',
    (host) => {
      const eager = new HostIndex(bundledDataset);
      expect(buildEngine(bundledDataset, 'bundled').index.lookup(host)).toEqual(eager.lookup(host));
    },
  );

  it('a worker start builds one engine, and answers the settings page without a host index', async () => {
    const bg = startBackground(`borderline-engine-${++seq}`);
    await bg.ready;
    expect(built).toEqual({ index: 0, risk: 1 });
    const reply = await send({ type: 'getDatasetStatus' });
    expect(reply.ok).toBe(true);
    expect(built).toEqual({ index: 0, risk: 1 });
  });

  it('the first request of a page builds the index, once', async () => {
    const bg = startBackground(`borderline-engine-${++seq}`);
    await bg.ready;
    const tab = await fakeBrowser.tabs.create({ url: 'http://www.temu.com/' });
    await request(tab.id!, 'http://www.temu.com/', 'main_frame', 1000);
    await request(tab.id!, 'http://img.kwcdn.com/a.png', 'image', 1001);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id! })).toBe('HIGH');
    expect(built).toEqual({ index: 1, risk: 1 });
  });
});
