import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in real Chromium: one file at a time, generous timeouts.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', ['junit', { outputFile: 'test-results/e2e.xml' }]],
  },
});
