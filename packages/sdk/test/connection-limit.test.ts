import { useEmulator } from '@runware/emulator/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ClientOptions, createClient } from '../src/index';
import { syncImage } from './support/harness';

const emulator = useEmulator({ beforeAll, afterAll }, { latency: { default: 5, imageInference: 5 } });

const image = syncImage;

/** A REST client on the file's emulator, with `options` on top. */
const restClient = (options: Partial<ClientOptions> = {}) =>
  createClient({
    apiKey: emulator.apiKey,
    httpBaseUrl: emulator.httpUrl,
    wsBaseUrl: emulator.wsUrl,
    schemasBaseUrl: emulator.schemasUrl,
    transportType: 'rest',
    ...options,
  });

it('maxConnections reaches the REST transport: 300 concurrent runs open at most that many sockets', async () => {
  const client = await restClient({ maxConnections: 4 });
  // The registry is loaded (over a socket of its own) before the counting starts.
  await client.run(image);
  await emulator.control.reset();
  const runs = await Promise.all(Array.from({ length: 300 }, () => client.run(image)));
  expect(runs.every((items) => items.length === 1)).toBe(true);
  // The transport already holds one socket: at most three more.
  expect((await emulator.control.stats()).httpConnections.accepted).toBeLessThanOrEqual(4);
  await client.close();
});

it.each([
  ['coalesced', 2],
  ['one request each', 0],
] as const)(
  '1,000 concurrent async runs (%s) open at most the default 64 sockets',
  async (_, submitBatchWindow) => {
    const client = await createClient({
      apiKey: emulator.apiKey,
      httpBaseUrl: emulator.httpUrl,
      wsBaseUrl: emulator.wsUrl,
      schemasBaseUrl: emulator.schemasUrl,
      transportType: 'rest',
      submitBatchWindow,
    });
    const { deliveryMethod: _sync, ...asyncImage } = image;
    await client.run(asyncImage);
    await emulator.control.reset();
    const runs = await Promise.all(Array.from({ length: 1000 }, () => client.run(asyncImage)));
    expect(runs.every((items) => items.length === 1)).toBe(true);
    const { httpConnections } = await emulator.control.stats();
    // Sockets opened since the reset (the registry's, opened by the first run, stay open beside them).
    expect(httpConnections.accepted).toBeGreaterThan(0);
    expect(httpConnections.accepted).toBeLessThanOrEqual(64);
    await client.close();
  },
  60_000,
);
