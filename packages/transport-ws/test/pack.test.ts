import { fileURLToPath } from 'node:url';
import { type Consumer, consumerTsconfig, createConsumer } from '@runware/pack-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from './support/emulator';

const root = (name: string) => fileURLToPath(new URL(`../../${name}`, import.meta.url));

// Runs one sync task over a socket to the emulator whose URL and key come as arguments.
const script = `
const [url, apiKey] = process.argv.slice(2);
const transport = createWebSocketTransport({ apiKey, url });
const task = { taskType: 'imageInference', taskUUID: crypto.randomUUID(), model: 'runware:400@1', width: 16, height: 16, deliveryMethod: 'sync' };
const result = await transport.send([task]);
const session = typeof transport.sessionId() === 'string';
await transport.close();
console.log(JSON.stringify({ name: transport.name, items: result.data.length, session }));
`;

const typed = `
import type { TransportV1 } from '@runware/core';
import { createWebSocketTransport, type WebSocketTransportOptions } from '@runware/transport-ws';
const options: WebSocketTransportOptions = { apiKey: 'k', maxReconnectAttempts: 5, log: (category) => void category };
const transport: TransportV1 = createWebSocketTransport(options);
const id: string | undefined = createWebSocketTransport(options).sessionId();
// @ts-expect-error log categories are a closed set
const bad: WebSocketTransportOptions = { apiKey: 'k', log: (category: 'nope') => void category };
export const used = [transport, id, bad];
`;

describe('packed @runware/transport-ws installed outside the workspace', () => {
  let consumer: Consumer;
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, latency: { default: 5 } });
    consumer = await createConsumer({
      packages: [root('types'), root('core'), root('transport-ws')],
      files: {
        'esm.mjs': `import { createWebSocketTransport } from '@runware/transport-ws';\n${script}`,
        'cjs.cjs': `const { createWebSocketTransport } = require('@runware/transport-ws');\n(async () => {${script}})();`,
        'typed.mts': typed,
        'typed.cts': typed,
        'tsconfig.json': consumerTsconfig({ browser: true }),
      },
    });
  }, 180_000);
  afterAll(async () => {
    await consumer?.cleanup();
    await emulator?.stop();
  });

  it.each(['esm.mjs', 'cjs.cjs'])('runs a task from %s (ws loaded lazily on Node)', async (file) => {
    const run = await consumer.node(file, [emulator.wsUrl, emulator.apiKey]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ name: 'websocket', items: 1, session: true });
  });

  it('ships only dist, README and LICENSE', async () => {
    const listed = (await consumer.run('ls', ['node_modules/@runware/transport-ws'])).stdout
      .split('\n')
      .filter(Boolean);
    expect(listed.sort()).toEqual(['LICENSE', 'README.md', 'dist', 'package.json']);
  });

  it('type-checks for ESM and CJS consumers under Node module resolution', async () => {
    const run = await consumer.typecheck();
    expect(run.stdout + run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
