// "Never covering the page's controls": before the banner settles, each corner is probed for interactive elements
// under the banner's footprint; the first free corner wins. If none is free, the banner shrinks to its header.

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

function coversControl(rect: DOMRect, host: Element): boolean {
  for (let i = 0; i <= 4; i++) {
    for (let j = 0; j <= 3; j++) {
      const x = rect.left + (rect.width * i) / 4;
      const y = rect.top + (rect.height * j) / 3;
      for (const el of document.elementsFromPoint(Math.min(x, innerWidth - 1), Math.min(y, innerHeight - 1))) {
        if (el === host || host.contains(el)) continue;
        if (el.closest(INTERACTIVE)) return true;
      }
    }
  }
  return false;
}

/** The first corner whose footprint covers no control, or undefined when every corner would. */
export function freeCorner(host: HTMLElement, width: number, height: number): Corner | undefined {
  // The host is hidden from hit-testing while probing so it cannot hide what lies beneath it.
  const previous = host.style.pointerEvents;
  host.style.pointerEvents = 'none';
  try {
    return CORNERS.find((c) => !coversControl(footprint(c, width, height), host));
  } finally {
    host.style.pointerEvents = previous;
  }
}

export function pin(host: HTMLElement, corner: Corner): void {
  Object.assign(host.style, {
    position: 'fixed',
    zIndex: '2147483647',
    top: corner.startsWith('top') ? `${MARGIN}px` : 'auto',
    bottom: corner.startsWith('bottom') ? `${MARGIN}px` : 'auto',
    left: corner.endsWith('left') ? `${MARGIN}px` : 'auto',
    right: corner.endsWith('right') ? `${MARGIN}px` : 'auto',
  });
}
