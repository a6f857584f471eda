// Fixed-height windowing for the request log: with every row the same height, the visible slice is arithmetic
// (scrollTop / rowHeight), which is smaller than a general virtualiser and all the log needs.
import { useEffect, useRef, useState } from 'preact/hooks';

export interface WindowSlice {
  start: number;
  end: number;
  /** Space above and below the rendered rows, so the scrollbar reflects the whole list. */
  before: number;
  after: number;
}

function sliceFor(count: number, rowHeight: number, scrollTop: number, viewport: number, overscan: number): WindowSlice {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  const start = Math.min(first, last);
  return { start, end: last, before: start * rowHeight, after: (count - last) * rowHeight };
}

/** Tracks a scroll container; `fallbackHeight` stands in until layout has measured it (and in DOMs without layout). */
export function useWindow(count: number, rowHeight: number, fallbackHeight: number, overscan = 8) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(fallbackHeight);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight || fallbackHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, [fallbackHeight]);
  const onScroll = () => setScrollTop(ref.current?.scrollTop ?? 0);
  return { ref, onScroll, slice: sliceFor(count, rowHeight, scrollTop, viewport, overscan) };
}
