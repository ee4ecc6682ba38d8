import { defineConfig } from 'vitest/config';

// One global setup packs, installs and bundles the consumer apps for every file; the files then
// start workerd and Chromium, which is heavy on a 2-core machine, so they run one at a time.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
