import { type EmulatorOptions, type RunningEmulator, startEmulator } from '@runware/emulator';
import { afterAll, beforeAll } from 'vitest';
import {
  type ClientOptions,
  createClient,
  isRunwareError,
  type RunwareClient,
  type RunwareError,
} from '../../src/index';

export interface Harness {
  emulator: RunningEmulator;
  client: RunwareClient;
  /** A client with other options against the same emulator (closed after the file). */
  clientWith(options: Partial<ClientOptions>): Promise<RunwareClient>;
  control<T = any>(path: string, body?: unknown, method?: string): Promise<T>;
  faults(faults: unknown[]): Promise<unknown>;
}

/** One emulator and one REST client per test file, against real sockets; polling shortened. */
export function useHarness(emulatorOptions: EmulatorOptions = {}): Harness {
  const extra: RunwareClient[] = [];
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.emulator = await startEmulator({
      port: 0,
      latency: { default: 5, imageInference: 20 },
      tokenDelayMs: 1,
      ...emulatorOptions,
    });
    const base: ClientOptions = {
      apiKey: harness.emulator.apiKey,
      transportType: 'rest',
      httpBaseUrl: harness.emulator.httpUrl,
      schemasBaseUrl: harness.emulator.schemasUrl,
      retryDelay: 20,
    };
    harness.clientWith = async (options) => {
      const client = await createClient({ ...base, ...options });
      extra.push(client);
      return client;
    };
    harness.client = await harness.clientWith({});
    harness.control = async (path, body, method) => {
      const response = await fetch(`${harness.emulator.controlUrl}${path}`, {
        method: method ?? (body === undefined ? 'GET' : 'POST'),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return response.json();
    };
    harness.faults = (faults) => harness.control('/faults', { faults });
  });
  afterAll(async () => {
    await Promise.all(extra.map((client) => client.close()));
    await harness.emulator?.stop();
  });
  return harness;
}

/** Everything the emulator received since the last reset, newest last (keys redacted). */
export async function sentTasks(harness: Harness): Promise<Record<string, unknown>[]> {
  const { requests } = await harness.control<{ requests: { body: unknown }[] }>('/requests');
  return requests.flatMap((r) => (Array.isArray(r.body) ? (r.body as Record<string, unknown>[]) : []));
}

/** The RunwareError a promise rejects with (fails the test if it resolves or throws something else). */
export async function failure(promise: Promise<unknown>): Promise<RunwareError> {
  try {
    await promise;
  } catch (error) {
    if (isRunwareError(error)) return error;
    throw error;
  }
  throw new Error('expected a RunwareError');
}
