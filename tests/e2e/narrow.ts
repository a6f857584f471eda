// Firefox for Android shows the popup on a phone, 360 CSS px wide and less: nothing may need a horizontal scroll
// there. Runs inside the popup page (Playwright's and puppeteer's page.evaluate both take it), with every
// disclosure opened so the widest content is laid out.
export interface Overflow {
  viewport: number;
  scrollWidth: number;
  /** Elements whose right edge passes the viewport, as tag[data-testid], at most ten. */
  wide: string[];
}

export function horizontalOverflow(): Overflow {
  for (const d of document.querySelectorAll('details')) d.open = true;
  const viewport = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > viewport + 0.5)
    .slice(0, 10)
    .map((e) => `${e.tagName.toLowerCase()}[${e.getAttribute('data-testid') ?? e.className}]`);
  return { viewport, scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth), wide };
}
