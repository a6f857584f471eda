// "Never covering the page's controls": before the banner settles, each corner's footprint is checked against the
// rectangles of the page's visible controls; the first free corner wins. If none is free, the banner shrinks to its
// header. Placement runs again when the window is resized.

export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
const CORNERS: Corner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];
const MARGIN = 16;
const INTERACTIVE =
  'a[href],button,input,select,textarea,label,summary,iframe,video[controls],[role=button],[role=link],[role=textbox],[role=menuitem],[tabindex]:not([tabindex="-1"]),[contenteditable]:not([contenteditable="false"])';

function footprint(corner: Corner, w: number, h: number): DOMRect {
  const x = corner.endsWith('right') ? innerWidth - MARGIN - w : MARGIN;
  const y = corner.startsWith('bottom') ? innerHeight - MARGIN - h : MARGIN;
  return new DOMRect(x, y, w, h);
}

/** Rectangles of the page's visible controls, read once per placement. */
function controlRects(host: Element): DOMRect[] {
  const rects: DOMRect[] = [];
  for (const el of document.querySelectorAll(INTERACTIVE)) {
    if (el === host) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth) rects.push(r);
  }
  return rects;
}

const intersects = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The first corner whose footprint touches no visible control, or undefined when every corner would. */
export function freeCorner(host: HTMLElement, width: number, height: number): Corner | undefined {
  const controls = controlRects(host);
  return CORNERS.find((c) => {
    const area = footprint(c, width, height);
    return !controls.some((r) => intersects(area, r));
  });
}

/** Pins the banner itself: WXT resets the shadow host with `:host { all: initial !important }`, which beats any
 *  style put on the host from outside, so the host stays an empty inline box and the banner inside it is fixed. */
export function pin(banner: HTMLElement, corner: Corner): void {
  Object.assign(banner.style, {
    position: 'fixed',
    zIndex: '2147483647',
    top: corner.startsWith('top') ? `${MARGIN}px` : 'auto',
    bottom: corner.startsWith('bottom') ? `${MARGIN}px` : 'auto',
    left: corner.endsWith('left') ? `${MARGIN}px` : 'auto',
    right: corner.endsWith('right') ? `${MARGIN}px` : 'auto',
  });
}
