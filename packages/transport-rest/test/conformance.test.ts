import { runTransportConformance } from '@runware/core/testing';
import { startTestEmulator } from '@runware/emulator/testing';
import * as vitest from 'vitest';
import { createRestTransport } from '../src/index';

// The published TransportV1 conformance suite, run against this transport. Short retry delays keep
// the 503 retries quick; everything else is the transport's defaults.
runTransportConformance(vitest, {
  createTransport: ({ apiKey, httpUrl }) =>
    createRestTransport({ apiKey, httpBaseUrl: httpUrl, retryDelay: 50 }),
  manifest: { streaming: true, push: false, resume: false, wire: 'rest', retries: true },
  emulator: startTestEmulator,
});
