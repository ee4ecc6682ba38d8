import { runTransportConformance } from '@runware/core/testing';
import { startTestEmulator } from '@runware/emulator/testing';
import * as vitest from 'vitest';
import { createWebSocketTransport } from '../src/index';

// The published TransportV1 conformance suite, run against this transport. It pushes sync results
// and resumes dropped sessions, cannot stream (SSE is REST-only), and reconnects by itself; a
// short reconnect delay keeps the resume tests quick.
runTransportConformance(vitest, {
  createTransport: ({ apiKey, wsUrl }) =>
    createWebSocketTransport({ apiKey, wsBaseUrl: wsUrl, retryDelay: 50 }),
  manifest: { streaming: false, push: true, resume: true, wire: 'websocket', retries: true },
  emulator: startTestEmulator,
});
