import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { buildIpTable } from './scripts/build-ip-table';
import { BUNDLED_DATASET_FILE } from './data/dataset/bundled-file';
import { bundledDatasetOf, compactDatasetPlugin } from './scripts/compact-dataset-plugin';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // `npm run zip` / `npm run zip:firefox`: the store packages and, for AMO's review, the sources zip, which builds the
  // same package with `npm ci && npm run zip:firefox` (README, "Store packages"). Test output and pictures stay out.
  zip: { excludeSources: ['test-results/**', 'tests/e2e/screenshots/**', 'web-ext-artifacts/**', '**/*.pem', '**/*.key'] },
  // What the bundled dataset is (version, counts), for the worker to say before it has read the file.
  vite: () => ({ plugins: [preact(), compactDatasetPlugin()] }),
  hooks: {
    'build:publicAssets': (wxt, files) => {
      // The IP → country table is generated from an npm package at build time, never committed.
      files.push({ absoluteSrc: resolve(buildIpTable()), relativeDest: 'ip-country.bin' });
      // The bundled dataset is validated by the same validator as the tests and the updater, then shipped compacted
      // as a file of its own (scripts/compact-dataset-plugin.ts): one that fails the validator or the round trip
      // stops the build, so it never ships.
      const dataset = bundledDatasetOf();
      wxt.logger.info(`data/dataset.json validated and compacted: ${(dataset.fullBytes / 1e6).toFixed(2)} MB → ${(dataset.compactBytes / 1e6).toFixed(2)} MB`);
      files.push({ contents: dataset.text, relativeDest: BUNDLED_DATASET_FILE });
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['webRequest', 'webNavigation', 'tabs', 'storage', 'alarms'],
    host_permissions: ['<all_urls>'],
    action: { default_title: 'Borderline' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'borderline@borderline.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Every API the extension uses exists on Firefox for Android, and 142 is where both take
            // data_collection_permissions; it was not run on a device (README, "Firefox for Android").
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
