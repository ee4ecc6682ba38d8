import { defineConfig } from 'vitest/config';

// Real sockets on a shared machine: generous budgets rather than flaky ones.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
