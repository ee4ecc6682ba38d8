import { runTransportConformance } from '@runware/core/testing';
import { startEmulator } from '@runware/emulator';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { createWebSocketTransport } from '../src/index';

// The published TransportV1 conformance suite, run against this transport. It pushes sync results
// and resumes dropped sessions, cannot stream (SSE is REST-only), and reconnects by itself; a
// short reconnect delay keeps the resume tests quick.
runTransportConformance(
  { describe, it, beforeAll, afterAll, afterEach },
  {
    createTransport: ({ apiKey, wsUrl }) =>
      createWebSocketTransport({ apiKey, url: wsUrl, retryDelayMs: 50 }),
    manifest: { streaming: false, push: true, resume: true, wire: 'websocket', retries: true },
    emulator: () => startEmulator({ port: 0 }),
  },
);
