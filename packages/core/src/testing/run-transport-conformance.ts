import { createConformanceHarness } from './conformance-context';
import type { ConformanceSuite, SuiteRegistration } from './conformance-suite';
import type { ConformanceTestRunner, TransportConformanceOptionsV1 } from './conformance-types';
import { registerBasicTests } from './suites/basic';
import { registerErrorTests } from './suites/errors';
import { registerRestFaultTests } from './suites/faults-rest';
import { registerWebSocketFaultTests } from './suites/faults-websocket';
import { registerItemErrorTests } from './suites/item-errors';
import { registerLifecycleTests } from './suites/lifecycle';
import { registerPushAndResumeTests } from './suites/push-and-resume';
import { registerStreamingTests } from './suites/streaming';

const suites: readonly SuiteRegistration[] = [
  registerBasicTests,
  registerErrorTests,
  registerLifecycleTests,
  registerRestFaultTests,
  registerWebSocketFaultTests,
  registerItemErrorTests,
  registerStreamingTests,
  registerPushAndResumeTests,
];

// Starting the emulator loads the API snapshot; closing transports waits for sockets.
const hookTimeoutMs = 60_000;

/**
 * Registers the TransportV1 conformance suite with your test runner: call it at the top level of
 * a test file. It starts the emulator once, gives every test a fresh transport from
 * `createTransport`, and registers only the tests the manifest makes applicable.
 *
 * ```ts
 * import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
 * import { startEmulator } from '@runware/emulator';
 * import { runTransportConformance } from '@runware/core/testing';
 *
 * runTransportConformance({ describe, it, beforeAll, afterAll, afterEach }, {
 *   createTransport: ({ apiKey, httpUrl }) => createMyTransport({ apiKey, url: httpUrl }),
 *   manifest: { streaming: false, push: false, resume: false, wire: 'rest', retries: true },
 *   emulator: () => startEmulator({ port: 0 }),
 * });
 * ```
 */
export function runTransportConformance(
  runner: ConformanceTestRunner,
  options: TransportConformanceOptionsV1,
): void {
  const harness = createConformanceHarness(options);
  const timeoutMs = options.timeoutMs ?? 20_000;
  const suite: ConformanceSuite = {
    manifest: options.manifest,
    describe: (name, body) => runner.describe(name, body),
    test: (name, body) => runner.it(name, () => body(harness.context()), timeoutMs),
  };
  const name = options.name ?? `${options.manifest.wire} transport`;
  runner.describe(`TransportV1 conformance: ${name}`, () => {
    runner.beforeAll(() => harness.start(), hookTimeoutMs);
    runner.afterEach(() => harness.cleanUp(), hookTimeoutMs);
    runner.afterAll(() => harness.stop(), hookTimeoutMs);
    for (const register of suites) register(suite);
  });
}
