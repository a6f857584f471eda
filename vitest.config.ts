import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { compactDatasetPlugin } from './scripts/compact-dataset-plugin';

// Unit and component tests: plain Node for data/, happy-dom where a file asks for it.
export default defineConfig({
  // The worker imports what the bundled dataset is from the build's module (scripts/compact-dataset-plugin.ts).
  plugins: [WxtVitest(), compactDatasetPlugin()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/components/**/*.test.tsx'],
    setupFiles: ['tests/setup.ts'],
    // Several engineers share two cores: a test that takes 1 s alone can take 6 s beside their runs. Time limits catch
    // hangs, not slowness (speed is measured in benchmarks), so they are generous.
    testTimeout: 30_000,
    reporters: ['default', ['junit', { outputFile: 'test-results/unit.xml' }]],
  },
});
