// Re-attribution after a dataset change and re-rating after a jurisdiction change, on a real tracker over
// fake-indexeddb: the open tabs' companies, levels, badges and stored states follow the new rules.
import { describe, expect, it } from 'vitest';
import type { Jurisdiction } from '@/data/assess/risk';
import type { Dataset } from '@/data/dataset/schema';
import type { TabState } from '@/data/log/tab-state';
import { buildEngine, type Engine } from '@/entrypoints/background/engine';
import { bundledDataset } from '@/tests/unit/bundled-dataset';
import { allTabStates, openLogDB } from '@/entrypoints/background/log-db';
import { attribute, reattributeOpenTabs, rerateOpenTabs, type OpenTabs } from '@/entrypoints/background/tab-attribution';
import { TabTracker } from '@/entrypoints/background/tab-tracker';

let seq = 0;

/** The bundled data, except that kwcdn.com and its hosts (Temu's CDN) are filed under Tencent. */
const moved: Dataset = {
  ...bundledDataset,
  domains: bundledDataset.domains.map((d) => (d.host.endsWith('kwcdn.com') ? { ...d, company: 'tencent' } : d)),
};

async function openTabs(tabIds: number[]) {
  const db = await openLogDB(`tab-attribution-${++seq}`);
  let engine: Engine = buildEngine(bundledDataset, 'bundled');
  let jurisdiction: Jurisdiction = 'EEA';
  const painted: [number, string][] = [];
  const tracker = new TabTracker({ db, engine: () => engine, jurisdiction: () => jurisdiction, onChange: () => undefined });
  const tabs: OpenTabs = {
    db,
    tracker,
    tabIds: async () => tabIds,
    engine: () => engine,
    jurisdiction: () => jurisdiction,
    paint: (s: TabState) => void painted.push([s.tabId, s.level]),
  };
  const browse = (tabId: number) => {
    tracker.navigate(tabId, 'http://www.example.org/', 1000);
    tracker.observe({ tabId, url: 'http://img.kwcdn.com/a.png', type: 'image', time: 1001, frameId: 0 });
    tracker.observe({ tabId, url: 'http://img.kwcdn.com/b.png', type: 'image', time: 1002, frameId: 0 });
  };
  return {
    db,
    tracker,
    tabs,
    painted,
    browse,
    useEngine: (e: Engine) => (engine = e),
    useJurisdiction: (j: Jurisdiction) => (jurisdiction = j),
  };
}

describe('re-attribution after a dataset change', () => {
  it('files each open tab’s requests under the new owners, rates the tab again, paints and stores it', async () => {
    const t = await openTabs([1, undefined as unknown as number]);
    t.browse(1);
    await t.tracker.flush();
    expect(t.tracker.get(1)!.companies).toEqual({ temu: 2 });
    expect(t.tracker.get(1)!.level).toBe('high');
    t.useEngine(buildEngine(moved, 'update'));
    await reattributeOpenTabs(t.tabs);
    const state = t.tracker.get(1)!;
    expect(state.companies).toEqual({ tencent: 2 });
    const tencent = buildEngine(moved, 'update').risk.assess('tencent', 'EEA')!.level;
    expect(state.level).toBe(tencent);
    expect(t.painted).toEqual([[1, tencent]]);
    expect((await allTabStates(t.db)).find((s) => s.tabId === 1)).toMatchObject({ companies: { tencent: 2 }, level: tencent });
  });

  it('keeps a private tab’s new state in memory only', async () => {
    const t = await openTabs([2]);
    t.tracker.setPrivate(2);
    t.browse(2);
    await t.tracker.flush();
    t.useEngine(buildEngine(moved, 'update'));
    await reattributeOpenTabs(t.tabs);
    expect(t.tracker.get(2)!.companies).toEqual({ tencent: 2 });
    expect(await allTabStates(t.db)).toEqual([]);
  });

  it('gives the page’s own company from its URL, and none to a page without a host', () => {
    const index = buildEngine(bundledDataset, 'bundled').index;
    const state: TabState = { tabId: 1, url: 'https://www.temu.com/x', site: 'temu.com', pageStart: 1, siteCompany: null, level: 'none', companies: { old: 9 }, requests: 0 };
    attribute(state, [], index);
    expect(state).toMatchObject({ siteCompany: 'temu', companies: {} });
    const blank = { ...state, url: 'about:blank' };
    attribute(blank, [], index);
    expect(blank.siteCompany).toBeNull();
  });
});

describe('re-rating after a jurisdiction change', () => {
  it('rates every open tab again under the new jurisdiction and paints it', async () => {
    const t = await openTabs([1]);
    t.browse(1);
    const eea = t.tracker.get(1)!.level;
    t.useJurisdiction('US');
    await rerateOpenTabs(t.tabs);
    const us = buildEngine(bundledDataset, 'bundled').risk.assess('temu', 'US')!.level;
    expect(t.tracker.get(1)!.level).toBe(us);
    expect(t.painted).toEqual([[1, us]]);
    expect(eea).toBe('high');
  });
});
