// Chrome resets a tab's badge when a navigation commits, so callers set it again after commit and on complete.
import { browser } from 'wxt/browser';
import type { MessageKey } from '@/data/i18n/translator';
import { levelRank, type Level } from '@/data/assess/risk';

const LOOK: Record<Level, { text?: MessageKey; color: string; word: MessageKey }> = {
  high: { text: 'badgeHigh', color: '#B3261E', word: 'levelHigh' },
  medium: { text: 'badgeMedium', color: '#8A4B00', word: 'levelMedium' },
  low: { text: 'badgeLow', color: '#3B6E3B', word: 'levelLow' },
  none: { color: '#5F6368', word: 'levelNone' },
};

// Firefox MV2 has browserAction; Chrome MV3 has action.
const action = () => browser.action ?? browser.browserAction;
const t = (key: MessageKey, subs?: string[]) => browser.i18n.getMessage(key, subs);

/** Levels below `threshold` leave the badge empty; the tooltip still tells the level. */
export async function showBadge(tabId: number, level: Level, why: string | undefined, threshold: Level = 'medium'): Promise<void> {
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
