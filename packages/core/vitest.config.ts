import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { edgeGuard } from './test/support/edge-guard';

// Every test file runs twice: in `node`, and in `edge` on edge-runtime's globals with Node
// built-ins and Node-only globals taken away from src/ (test/support/edge-guard.ts).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Only `edge` uses the threads pool: it runs beside the forks pool of `node`, unisolated (src
    // keeps no module state), so the second run adds far less than a second suite's time and CPU.
    poolOptions: { threads: { isolate: false } },
    projects: [
      { extends: true, test: { name: 'node', environment: 'node' } },
      {
        extends: true,
        plugins: [edgeGuard({ srcDir: fileURLToPath(new URL('./src', import.meta.url)) })],
        test: { name: 'edge', environment: 'edge-runtime', pool: 'threads' },
      },
    ],
  },
});
