import { useEmulator } from '@runware/emulator/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createClient } from '../src/index';
import { syncImage } from './support/harness';

const emulator = useEmulator({ beforeAll, afterAll }, { latency: { default: 5, imageInference: 5 } });

const image = syncImage;

it('maxConnections reaches the REST transport: 300 concurrent runs open at most that many sockets', async () => {
  const client = await createClient({
    apiKey: emulator.apiKey,
    httpBaseUrl: emulator.httpUrl,
    wsBaseUrl: emulator.wsUrl,
    schemasBaseUrl: emulator.schemasUrl,
    transportType: 'rest',
    maxConnections: 4,
  });
  // The registry is loaded (over a socket of its own) before the counting starts.
  await client.run(image);
  await emulator.control.reset();
  const runs = await Promise.all(Array.from({ length: 300 }, () => client.run(image)));
  expect(runs.every((items) => items.length === 1)).toBe(true);
  // The transport already holds one socket: at most three more.
  expect((await emulator.control.stats()).httpConnections.accepted).toBeLessThanOrEqual(4);
  await client.close();
});
