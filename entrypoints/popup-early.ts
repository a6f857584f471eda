// Loaded by popup/index.html as a classic script before the popup's own: it starts the tab and summary reads of
// popup/early-read.ts as soon as the page begins, and leaves them for main.tsx. The extension API as the browser
// gives it (Firefox's `browser`, Chrome's `chrome`, both promise-based for these calls), so the polyfill is not
// loaded twice.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { publishEarlyRead, startEarlyRead, type EarlyApi } from './popup/early-read';

export default defineUnlistedScript(() => {
  const g = globalThis as unknown as { browser?: EarlyApi; chrome?: EarlyApi };
  const api = g.browser ?? g.chrome;
  if (api) publishEarlyRead(startEarlyRead(location.search, api));
});
