import type { TransportV1 } from '@runware/core';
import {
  type ConformanceTestRunner,
  runTransportConformance,
  type TransportConformanceManifestV1,
} from '@runware/core/testing';

declare const runner: ConformanceTestRunner;
declare const mine: TransportV1;
const manifest: TransportConformanceManifestV1 = {
  streaming: false,
  push: false,
  resume: false,
  wire: 'rest',
  retries: false,
};
runTransportConformance(runner, {
  createTransport: () => mine,
  manifest,
  emulator: () => ({ httpUrl: '', wsUrl: '', controlUrl: '', apiKey: '' }),
});
// @ts-expect-error wire is 'rest' or 'websocket'
export const bad: TransportConformanceManifestV1 = { ...manifest, wire: 'grpc' };
