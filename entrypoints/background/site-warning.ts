// The background's half of the in-page warning: whether a tab's page should show it, once per site visit, never
// on dismissed sites or below the user's threshold. "Shown" marks live in storage.session (Chrome 102+, and every
// Firefox the manifest allows: 142+) so a worker restart does not show the banner again mid-visit.
import { browser } from 'wxt/browser';
import type { Settings } from '@/data/settings';
import { levelRank } from '@/data/assess/risk';
import { buildSiteWarning, type SiteWarning } from '@/data/assess/site-warning';
import type { Engine } from './engine';
import type { TabState } from '@/data/log/tab-state';

const DISMISSED = 'dismissedSites';
const shownKey = (tabId: number) => `warned:${tabId}`;

const session = {
  async get(key: string): Promise<unknown> {
    return (await browser.storage.session.get(key))[key];
  },
  async set(key: string, value: unknown): Promise<void> {
    await browser.storage.session.set({ [key]: value });
  },
};

async function dismissedSites(): Promise<string[]> {
  const stored = (await browser.storage.local.get(DISMISSED))[DISMISSED];
  return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];
}

export async function dismissSite(site: string): Promise<void> {
  const sites = await dismissedSites();
  if (!sites.includes(site)) await browser.storage.local.set({ [DISMISSED]: [...sites, site] });
}

/** Called by the top frame of every page: the answer for a new site also ends the previous site's visit. */
export async function siteWarningFor(state: TabState | undefined, engine: Engine, settings: Settings): Promise<SiteWarning | null> {
  if (!state?.site) return null;
  const key = shownKey(state.tabId);
  const shownFor = await session.get(key);
  if (shownFor !== state.site) await session.set(key, null); // a different site: a new visit
  if (!settings.inPageWarning || !state.siteCompany || shownFor === state.site) return null;
  const assessment = engine.risk.assess(state.siteCompany, settings.jurisdiction);
  if (!assessment || assessment.level === 'none' || levelRank(assessment.level) < levelRank(settings.badgeThreshold)) return null;
  if ((await dismissedSites()).includes(state.site)) return null;
  await session.set(key, state.site);
  return buildSiteWarning(state.site, assessment, engine.risk, settings.jurisdiction);
}
