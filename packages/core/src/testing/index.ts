/**
 * `@runware/core/testing`: the TransportV1 conformance suite. A transport author runs it from
 * their own test file against the Runware emulator; it needs only `fetch` and the runner's hooks.
 */

export type {
  ConformanceEmulator,
  ConformanceEndpoint,
  ConformanceTestRunner,
  TransportConformanceManifestV1,
  TransportConformanceOptionsV1,
} from './conformance-types';
export { runTransportConformance } from './run-transport-conformance';
