// Pages where browsers do not let extensions observe requests: the popup says so instead of "nothing found".
const RESTRICTED_PREFIXES = [
  'chrome:',
  'chrome-extension:',
  'chrome-search:',
  'devtools:',
  'edge:',
  'about:',
  'moz-extension:',
  'view-source:',
  'https://chromewebstore.google.com/',
  'https://chrome.google.com/webstore',
  'https://addons.mozilla.org/',
  'https://microsoftedge.microsoft.com/addons',
];

export function isRestrictedUrl(url: string | null | undefined): boolean {
  if (!url) return true;
  return RESTRICTED_PREFIXES.some((p) => url.startsWith(p));
}
