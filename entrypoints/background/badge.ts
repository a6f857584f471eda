// Chrome resets a tab's badge when a navigation commits, so callers set it again after commit and on complete.
import { browser } from 'wxt/browser';
import { levelRank, type Level } from '@/data/risk';

const LOOK: Record<Level, { text: string; color: string; word: string }> = {
  high: { text: 'HIGH', color: '#B3261E', word: 'High risk' },
  medium: { text: 'MED', color: '#8A4B00', word: 'Medium risk' },
  low: { text: '', color: '#3B6E3B', word: 'Low risk' },
  none: { text: '', color: '#5F6368', word: 'No known transfers' },
};

// Firefox MV2 has browserAction; Chrome MV3 has action.
const action = () => browser.action ?? browser.browserAction;

/** Levels below `threshold` leave the badge empty; the tooltip still tells the level. */
export async function showBadge(tabId: number, level: Level, why: string | undefined, threshold: Level = 'medium'): Promise<void> {
  const look = LOOK[level];
  const text = levelRank(level) >= levelRank(threshold) ? look.text : '';
  const title = `Borderline: ${look.word}${why ? ` \u2014 ${why}` : ''}`;
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
