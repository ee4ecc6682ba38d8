import {
  type EmulatorControl,
  type EmulatorOptions,
  rejectionOf,
  type TestEmulator,
  useEmulator,
} from '@runware/emulator/testing';
import { afterAll, beforeAll } from 'vitest';
import {
  type ClientOptions,
  createClient,
  isRunwareError,
  type RunwareClient,
  type RunwareError,
} from '../../src/index';

export interface Harness {
  emulator: TestEmulator;
  /** The emulator's control API. */
  control: EmulatorControl;
  client: RunwareClient;
  /** A client with other options against the same emulator (closed after the file). */
  clientWith(options: Partial<ClientOptions>): Promise<RunwareClient>;
}

/** One emulator and one REST client per test file, against real sockets; polling shortened. */
export function useHarness(emulatorOptions: EmulatorOptions = {}): Harness {
  const emulator = useEmulator(
    { beforeAll, afterAll },
    { latency: { default: 5, imageInference: 20 }, tokenDelayMs: 1, ...emulatorOptions },
  );
  const extra: RunwareClient[] = [];
  const harness: Harness = {
    emulator,
    control: emulator.control,
    client: undefined as unknown as RunwareClient,
    async clientWith(options) {
      const client = await createClient({
        apiKey: emulator.apiKey,
        transportType: 'rest',
        httpBaseUrl: emulator.httpUrl,
        schemasBaseUrl: emulator.schemasUrl,
        retryDelay: 20,
        ...options,
      });
      extra.push(client);
      return client;
    },
  };
  beforeAll(async () => {
    harness.client = await harness.clientWith({});
  });
  afterAll(async () => {
    await Promise.all(extra.map((client) => client.close()));
  });
  return harness;
}

/** The RunwareError a promise rejects with (fails the test if it resolves or throws something else). */
export const failure = (promise: Promise<unknown>): Promise<RunwareError> =>
  rejectionOf(promise, isRunwareError);

/** A small sync image task of a curated model: how long it takes is the emulator's imageInference latency. */
export const syncImage = {
  model: 'runware:400@1',
  positivePrompt: 'a fox',
  width: 16,
  height: 16,
  deliveryMethod: 'sync',
} as const;
