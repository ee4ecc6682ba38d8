import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebSocketTransport } from '../src/index';

// A TCP server that accepts connections but never answers the WebSocket upgrade, so a socket
// stays in CONNECTING until the transport gives up on it.
let server: Server;
let url: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('closing a socket that is still connecting', () => {
  it('disconnect() during the handshake rejects pending sends and raises no unhandled error', async () => {
    const transport = createWebSocketTransport({ apiKey: 'k', wsBaseUrl: url, authTimeout: 5000 });
    const pending = transport
      .send([{ taskType: 'ping', taskUUID: crypto.randomUUID() }])
      .catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    await transport.disconnect();
    expect(await pending).toMatchObject({ code: 'connection' });
    // Give an unhandled 'error' event (the regression) time to surface; vitest fails the run on one.
    await new Promise((r) => setTimeout(r, 100));
  });

  it('bounds the handshake by authTimeout: a server that never upgrades fails connect() with code connection', async () => {
    const transport = createWebSocketTransport({ apiKey: 'k', wsBaseUrl: url, authTimeout: 150 });
    const started = Date.now();
    const error = await transport.connect().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'connection' });
    expect(Date.now() - started).toBeLessThan(2000);
    await transport.disconnect();
    await new Promise((r) => setTimeout(r, 100));
  });
});
