// Where the end-to-end tests save what the browser showed. An ordinary run writes to test-results/screenshots/
// (ignored), so tests leave the work tree clean; `npm run screenshots` points the same tests at tests/e2e/screenshots/,
// the README's pictures, which only that command rewrites.
export const SHOTS = process.env.BORDERLINE_SCREENSHOTS ?? 'test-results/screenshots';
