import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in real Chromium: one file at a time, generous timeouts. The Firefox
// files have their own run (vitest.firefox.config.ts), on the Firefox build.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    exclude: ['tests/e2e/firefox/**', '**/node_modules/**'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', ['junit', { outputFile: 'test-results/e2e.xml' }]],
  },
});
