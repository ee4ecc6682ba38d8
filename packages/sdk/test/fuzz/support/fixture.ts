/** One hostile server per test file, clients against it, and the per-case checks. */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type ClientOptions, createClient, type RunParams, type RunwareClient } from '../../../src/index';
import {
  assertCleanRejection,
  drain,
  guardProcess,
  type ProcessGuard,
  type Settled,
  settles,
  snapshotPrototypes,
} from './guards';
import { type HostileServer, startHostileServer } from './hostile-server';

export type TransportName = 'rest' | 'websocket';
export const transports: readonly TransportName[] = ['websocket', 'rest'];

/** Per-call timeout the suite passes, and the generous bound every call must settle within. */
export const CALL_TIMEOUT_MS = 1500;
export const SETTLE_WITHIN_MS = 6000;

export interface Fixture {
  server: HostileServer;
  guard: ProcessGuard;
  /** Client options pointing at the hostile server, with short timeouts. */
  options(transportType: TransportName, extra?: Partial<ClientOptions>): ClientOptions;
  /** A client for one case; `endCase()` closes it. */
  client(transportType: TransportName, extra?: Partial<ClientOptions>): Promise<RunwareClient>;
  /**
   * Closes the case's clients (each close must settle), clears the script, then asserts: no
   * uncaught exception or unhandled rejection, Object.prototype untouched.
   */
  endCase(): Promise<void>;
  /** Starts a case: what fired between cases (after the last case's checks) is kept as strays. */
  beginCase(): void;
  /** Fails when anything fired between cases during this test (call at the end of each test). */
  assertNoStrays(): void;
}

export function useFixture(): Fixture {
  const clients: RunwareClient[] = [];
  const strays: string[] = [];
  let protoSnap: ReturnType<typeof snapshotPrototypes> | undefined;
  const fixture: Fixture = {
    server: undefined as unknown as HostileServer,
    guard: undefined as unknown as ProcessGuard,
    options(transportType, extra = {}) {
      const server = fixture.server;
      return {
        apiKey: server.apiKey,
        transportType,
        httpBaseUrl: server.httpUrl,
        wsBaseUrl: server.wsUrl,
        schemasBaseUrl: server.schemasUrl,
        contentBaseUrl: server.contentUrl,
        timeout: CALL_TIMEOUT_MS,
        pollTimeout: 2 * CALL_TIMEOUT_MS,
        authTimeout: CALL_TIMEOUT_MS,
        maxRetries: 1,
        retryDelay: 5,
        maxReconnectAttempts: 2,
        ...extra,
      };
    },
    async client(transportType, extra) {
      const client = await createClient(fixture.options(transportType, extra));
      clients.push(client);
      return client;
    },
    beginCase() {
      protoSnap = snapshotPrototypes();
      strays.push(...fixture.guard.take());
    },
    assertNoStrays() {
      strays.push(...fixture.guard.take());
      const found = strays.splice(0);
      if (found.length > 0)
        throw new Error(`fired between cases (after a case's own checks):\n${found.join('\n')}`);
    },
    async endCase() {
      const snap = protoSnap ?? snapshotPrototypes();
      const failures: string[] = [];
      for (const client of clients.splice(0)) {
        const closed = await settles('client.close()', () => client.close(), SETTLE_WITHIN_MS).catch(
          (e: Error) => ({ status: 'never', error: e }) as const,
        );
        if (closed.status === 'never') failures.push(String(closed.error));
      }
      fixture.server.script(undefined);
      await drain(50);
      try {
        fixture.guard.assertQuiet();
      } catch (e) {
        failures.push(String(e));
      }
      try {
        snap.assertUntouched();
      } catch (e) {
        failures.push(String(e));
      }
      if (failures.length > 0) throw new Error(failures.join('\n'));
    },
  };
  beforeAll(async () => {
    fixture.server = await startHostileServer();
    fixture.guard = guardProcess();
  }, 60_000);
  afterEach(() => {
    fixture.server.script(undefined);
  });
  afterAll(async () => {
    for (const client of clients.splice(0)) await client.close().catch(() => {});
    fixture.guard?.dispose();
    await fixture.server?.close();
  }, 60_000);
  return fixture;
}

/** A small sync image task of a curated model (the emulator answers it after ~30 ms). */
export const imageTask = (deliveryMethod: 'sync' | 'async' = 'sync'): RunParams & { taskUUID: string } =>
  ({
    taskType: 'imageInference',
    taskUUID: randomUUID(),
    model: 'runware:400@1',
    positivePrompt: 'a fox',
    width: 16,
    height: 16,
    deliveryMethod,
  }) as unknown as RunParams & { taskUUID: string };

/** Checks a settled call: a rejection must be a clean RunwareError. */
export function checkSettled(label: string, outcome: Settled, apiKey: string): void {
  if (outcome.status === 'rejected') assertCleanRejection(label, outcome.error, apiKey);
}

/** Runs `body` as one case: whatever it throws, the case's clients are closed and checks run. */
export async function asCase(fixture: Fixture, body: () => Promise<void>): Promise<void> {
  let failure: unknown;
  fixture.beginCase();
  try {
    await body();
  } catch (e) {
    failure = e;
  }
  try {
    await fixture.endCase();
  } catch (e) {
    failure = failure ? new Error(`${String(failure)}\n${String(e)}`) : e;
  }
  if (failure) throw failure;
}
