import { defineConfig } from 'vitest/config';

// Each scenario starts its own emulator process and measures time: one at a time.
export default defineConfig({ test: { fileParallelism: false, testTimeout: 60_000 } });
