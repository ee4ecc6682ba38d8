import { runTransportConformance } from '@runware/core/testing';
import { startEmulator } from '@runware/emulator';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { createRestTransport } from '../src/index';

// The published TransportV1 conformance suite, run against this transport. Short retry delays keep
// the 503 retries quick; everything else is the transport's defaults.
runTransportConformance(
  { describe, it, beforeAll, afterAll, afterEach },
  {
    createTransport: ({ apiKey, httpUrl }) =>
      createRestTransport({ apiKey, baseUrl: httpUrl, retryDelayMs: 50 }),
    manifest: { streaming: true, push: false, resume: false, wire: 'rest', retries: true },
    emulator: () => startEmulator({ port: 0 }),
  },
);
