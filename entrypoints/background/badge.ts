// Chrome resets a tab's badge when a navigation commits, so callers set it again after commit and on complete.
import { browser } from 'wxt/browser';
import { badgeCause } from '@/data/assess/localized-text';
import { levelRank, type Level } from '@/data/assess/risk';
import type { MessageKey } from '@/data/i18n/translator';
import type { TabState } from '@/data/log/tab-state';
import type { Settings } from '@/data/settings';
import type { Engine } from './engine';

const LOOK: Record<Level, { text?: MessageKey; color: string; word: MessageKey }> = {
  high: { text: 'badgeHigh', color: '#B3261E', word: 'levelHigh' },
  medium: { text: 'badgeMedium', color: '#8A4B00', word: 'levelMedium' },
  // Known, nothing of concern on record: a neutral colour, never a green that would read as "safe".
  low: { text: 'badgeLow', color: '#455A64', word: 'levelLow' },
  none: { color: '#5F6368', word: 'levelNone' },
};

// Firefox MV2 has browserAction; Chrome MV3 has action.
const action = () => browser.action ?? browser.browserAction;
const t = (key: MessageKey, subs?: string[]) => browser.i18n.getMessage(key, subs);

/** Levels below `threshold` leave the badge empty; the tooltip still tells the level. */
async function showBadge(tabId: number, level: Level, why: string | undefined, threshold: Level = 'medium'): Promise<void> {
  const look = LOOK[level];
  const text = look.text && levelRank(level) >= levelRank(threshold) ? t(look.text) : '';
  const title = `${t('badgeTitle', [t(look.word)])}${why ? ` \u2014 ${why}` : ''}`;
  try {
    await Promise.all([
      action().setBadgeText({ tabId, text }),
      action().setBadgeBackgroundColor({ tabId, color: look.color }),
      action().setTitle({ tabId, title }),
    ]);
  } catch {
    // The tab closed between the event and the update: nothing to show.
  }
}

/**
 * The tab's badge under the engine and settings in force. The tooltip says why: the company that raised the page to
 * its level, site first, then by requests, and its reason ("This page sends data to Yandex (based in Russia, no
 * adequacy decision)"); below medium, the level alone.
 */
export function paintBadge(state: TabState, engine: Engine, settings: Settings): void {
  const ids = [...(state.siteCompany ? [state.siteCompany] : []), ...Object.entries(state.companies).sort((a, b) => b[1] - a[1]).map(([id]) => id)];
  const assessments = [...new Set(ids)].flatMap((id) => engine.risk.assess(id, settings.jurisdiction) ?? []);
  const why = badgeCause(assessments, state.level, t, browser.i18n.getUILanguage());
  void showBadge(state.tabId, state.level, why, settings.badgeThreshold);
}
