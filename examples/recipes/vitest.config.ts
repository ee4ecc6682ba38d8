import { defineConfig } from 'vitest/config';

// Each test spawns a recipe that starts its own emulator: two at a time suits a 2-core machine.
export default defineConfig({ test: { maxConcurrency: 2 } });
