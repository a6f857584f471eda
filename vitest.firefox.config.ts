import { defineConfig } from 'vitest/config';

// End-to-end tests of the MV2 build in real Firefox ESR (puppeteer-core over WebDriver BiDi): one file at a time,
// generous timeouts. The verbose reporter names every Firefox test in the CI log; the JUnit report joins CI's count.
export default defineConfig({
  test: {
    include: ['tests/e2e/firefox/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['verbose', ['junit', { outputFile: 'test-results/e2e-firefox.xml' }]],
  },
});
