import { useEmulator } from '@runware/emulator/testing';
import { describePackTest } from '@runware/pack-check/vitest';
import { afterAll, beforeAll } from 'vitest';

const emulator = useEmulator({ beforeAll, afterAll }, { latency: { default: 5 } });

describePackTest({
  packageDir: new URL('..', import.meta.url),
  // Runs one sync task over a socket (ws loaded lazily on Node).
  script: {
    imports: ['createWebSocketTransport'],
    body: `
const [wsBaseUrl, apiKey] = process.argv.slice(2);
const transport = createWebSocketTransport({ apiKey, wsBaseUrl });
const task = { taskType: 'imageInference', taskUUID: crypto.randomUUID(), model: 'runware:400@1', width: 16, height: 16, deliveryMethod: 'sync' };
const result = await transport.send([task]);
const session = typeof transport.sessionId() === 'string';
await transport.close();
return { name: transport.name, items: result.data.length, session };
`,
  },
  args: () => [emulator.wsUrl, emulator.apiKey],
  expected: { name: 'websocket', items: 1, session: true },
  typed: `
import type { TransportV1 } from '@runware/core';
import { createWebSocketTransport, type WebSocketTransportOptions } from '@runware/transport-ws';
const options: WebSocketTransportOptions = { apiKey: 'k', maxReconnectAttempts: 5, log: (category) => void category };
const transport: TransportV1 = createWebSocketTransport(options);
const id: string | undefined = createWebSocketTransport(options).sessionId();
// @ts-expect-error log categories are a closed set
const bad: WebSocketTransportOptions = { apiKey: 'k', log: (category: 'nope') => void category };
export const used = [transport, id, bad];
`,
  browser: true,
});
