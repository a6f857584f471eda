// A new install opens the settings page, whose welcome asks where the user lives (components/Welcome.tsx): the rules
// Borderline applies depend on it, and the time zone is only a guess. Updates and browser restarts open nothing.
import { browser } from 'wxt/browser';

export function onInstalled(details: { reason: string }): void {
  if (details.reason !== 'install') return;
  // A tab of its own: openOptionsPage may take over the tab the user is in (Chromium reuses a blank one).
  browser.tabs.create({ url: browser.runtime.getURL('/options.html') }).catch((e: unknown) => console.error('Borderline: could not open the welcome page', e));
}
