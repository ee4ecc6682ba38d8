import type { RunwareClient } from '../client/client-types';
import { createRunwareClient } from '../client/create-runware-client';
import { resolveConfig } from '../config/resolve-config';
import type { TransportV1 } from '../spec/transport-v1';
import { settleWithin, show } from './assertions';
import type {
  ConformanceEmulator,
  ConformanceEndpoint,
  TransportConformanceManifestV1,
  TransportConformanceOptionsV1,
} from './conformance-types';
import { createEmulatorControl, type EmulatorControl } from './emulator-control';

/** How long the suite waits for things that must be prompt, or merely must happen. */
export interface ConformanceLimits {
  /** An abort, a close, a rejection that must not wait for the task (generous: CI machines are slow). */
  promptMs: number;
  /** An ordinary operation: a task on the emulator, a recovery, a reconnect. */
  operationMs: number;
}

/** What a test gets: the endpoint, the control API, and factories whose products are cleaned up. */
export interface ConformanceContext {
  readonly manifest: TransportConformanceManifestV1;
  readonly endpoint: ConformanceEndpoint;
  readonly control: EmulatorControl;
  readonly limits: ConformanceLimits;
  /** A fresh transport from the author's factory (`overrides` change the endpoint, e.g. the key). */
  transport(overrides?: Partial<ConformanceEndpoint>): Promise<TransportV1>;
  /** The real engine over `transport`: polling, callbacks and error mapping as users get them. */
  client(transport: TransportV1): RunwareClient;
}

/** The suite's shared state, driven by the runner's hooks. */
export interface ConformanceHarness {
  start(): Promise<void>;
  /** Closes every client and transport of the test, then clears the faults. */
  cleanUp(): Promise<void>;
  stop(): Promise<void>;
  context(): ConformanceContext;
}

const closeBudgetMs = 5000;

export function createConformanceHarness(options: TransportConformanceOptionsV1): ConformanceHarness {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const limits: ConformanceLimits = {
    promptMs: Math.min(3000, timeoutMs / 4),
    operationMs: Math.max(1000, timeoutMs - 5000),
  };
  let emulator: ConformanceEmulator | undefined;
  let control: EmulatorControl | undefined;
  // Everything a test created; the engine's client closes its transport, close() must be idempotent.
  let clients: RunwareClient[] = [];
  let transports: TransportV1[] = [];

  const context = (): ConformanceContext => {
    if (!emulator || !control) throw new Error('the conformance emulator is not running (beforeAll failed?)');
    const endpoint: ConformanceEndpoint = {
      apiKey: emulator.apiKey,
      httpUrl: emulator.httpUrl,
      wsUrl: emulator.wsUrl,
    };
    return {
      manifest: options.manifest,
      endpoint,
      control,
      limits,
      async transport(overrides = {}) {
        const transport = await options.createTransport({ ...endpoint, ...overrides });
        transports.push(transport);
        return transport;
      },
      client(transport) {
        const config = resolveConfig(
          {
            apiKey: endpoint.apiKey,
            httpBaseUrl: endpoint.httpUrl,
            wsBaseUrl: endpoint.wsUrl,
            timeout: limits.operationMs,
            pollTimeout: limits.operationMs,
          },
          {},
        );
        const client = createRunwareClient({
          config,
          transport,
          polling: { minIntervalMs: 100, maxIntervalMs: 1000 },
        });
        clients.push(client);
        return client;
      },
    };
  };

  const closeAll = async (): Promise<string[]> => {
    const closing = [
      ...clients.map((client, i) => ({ what: `client #${i + 1}`, done: client.close() })),
      ...transports.map((transport, i) => ({ what: `transport #${i + 1}`, done: transport.close() })),
    ];
    clients = [];
    transports = [];
    const problems: string[] = [];
    for (const { what, done } of closing) {
      const outcome = await settleWithin(done, closeBudgetMs);
      if (outcome.kind === 'pending') problems.push(`${what}: close() did not settle in ${closeBudgetMs} ms`);
      if (outcome.kind === 'rejected') problems.push(`${what}: close() rejected with ${show(outcome.error)}`);
    }
    return problems;
  };

  return {
    async start() {
      emulator = await options.emulator();
      control = createEmulatorControl(emulator.controlUrl);
      await control.clearFaults();
    },
    async cleanUp() {
      const problems = await closeAll();
      await control?.clearFaults();
      if (problems.length > 0) throw new Error(`after the test, ${problems.join('; ')}`);
    },
    async stop() {
      await closeAll();
      const running = emulator;
      emulator = undefined;
      control = undefined;
      await running?.stop?.();
    },
    context,
  };
}
