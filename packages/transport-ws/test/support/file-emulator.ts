import { type TestEmulator, useEmulator } from '@runware/emulator/testing';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type RunningEmulator, transportFor } from './emulator';

export interface FileEmulator {
  /** The file's emulator, started in beforeAll and reset before each test. */
  emulator: TestEmulator;
  /** A transport (see transportFor) disconnected after the test; `on` picks another emulator. */
  open(extra?: Parameters<typeof transportFor>[1], on?: RunningEmulator): ReturnType<typeof transportFor>;
  /** Runs `cleanup` after the test (before the next one's reset). */
  defer(cleanup: () => Promise<void>): void;
}

/** Registers the hooks of a test file: one emulator with these latencies, and per-test transports. */
export function useFileEmulator(latency: Record<string, number>): FileEmulator {
  const cleanups: (() => Promise<void>)[] = [];
  const emulator = useEmulator({ beforeAll, afterAll, beforeEach }, { latency });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  return {
    emulator,
    open(extra = {}, on = emulator) {
      const made = transportFor(on, extra);
      cleanups.push(() => made.transport.disconnect());
      return made;
    },
    defer: (cleanup) => void cleanups.push(cleanup),
  };
}
