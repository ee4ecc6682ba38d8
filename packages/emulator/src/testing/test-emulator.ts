import type { EmulatorOptions } from '../options';
import { type RunningEmulator, startEmulator } from '../start-emulator';
import { createEmulatorControl, type EmulatorControl } from './emulator-control';

/** A started emulator for a test: its URLs and key, its control API, and `close()`. */
export interface TestEmulator extends RunningEmulator {
  /** The control API of this emulator. */
  control: EmulatorControl;
  /** Stops the emulator (the same as `stop()`); safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Starts an emulator for a test on a free loopback port (`port: 0`, `host: 127.0.0.1` unless
 * `options` say otherwise), with a control client. Close it when the test is done.
 */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const running = await startEmulator({ port: 0, host: '127.0.0.1', ...options });
  return { ...running, control: createEmulatorControl(running), close: () => running.stop() };
}

type Hook = (body: () => Promise<void> | void, timeoutMs?: number) => void;

/**
 * The hooks of the test runner (vitest's, jest's and mocha's fit as they are). With `beforeEach`
 * or `afterEach`, the emulator is reset (`control.reset()`) before or after every test.
 */
export interface EmulatorHooks {
  beforeAll: Hook;
  afterAll: Hook;
  beforeEach?: Hook;
  afterEach?: Hook;
}

/**
 * One emulator for a test file (or `describe` block): started in `beforeAll`, closed in `afterAll`.
 * The handle answers as the emulator once `beforeAll` has run, so tests use it directly:
 *
 * ```ts
 * import { afterAll, afterEach, beforeAll } from 'vitest';
 * const emulator = useEmulator({ beforeAll, afterAll, afterEach }, { latency: { default: 5 } });
 * it('…', async () => { await emulator.control.addFaults([{ kind: 'ackDrop', count: 1 }]); … });
 * ```
 */
export function useEmulator(hooks: EmulatorHooks, options: EmulatorOptions = {}): TestEmulator {
  let started: TestEmulator | undefined;
  const current = (): TestEmulator => {
    if (!started) throw new Error('the test emulator is not running: use it inside tests, after beforeAll');
    return started;
  };
  hooks.beforeAll(async () => {
    started = await startTestEmulator(options);
  });
  hooks.afterAll(async () => {
    await started?.close();
  });
  const reset = async () => {
    await started?.control.reset();
  };
  hooks.beforeEach?.(reset);
  hooks.afterEach?.(reset);
  // A handle whose fields read the started emulator at each use.
  const handle = {
    control: createEmulatorControl({
      get controlApi() {
        return current().controlApi;
      },
    }),
    stop: () => current().stop(),
    close: () => current().close(),
  } as TestEmulator;
  for (const key of [
    'httpUrl',
    'wsUrl',
    'schemasUrl',
    'contentUrl',
    'controlUrl',
    'port',
    'apiKey',
    'controlApi',
  ] as const)
    Object.defineProperty(handle, key, { enumerable: true, get: () => current()[key] });
  return handle;
}
