import { useEffect, useState } from 'preact/hooks';

/**
 * False in the first render, true from the render after the first paint. Preact runs effects after the browser has
 * painted, so content gated on this (the sections below the fold: the log's 5,000 rows, the companies' details) never
 * delays the answer at the top; it follows a frame later.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => setPainted(true), []);
  return painted;
}
