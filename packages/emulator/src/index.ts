/**
 * `@runware/emulator`: a local server that speaks the Runware API (REST, WebSocket, SSE, the
 * schemas and content services, generated media) for tests, CI and offline development.
 */
export type { ApiErrorItem } from './api-error';
export type { FaultCommon, FaultKind, FaultSpec } from './control/fault-spec';
export { defaultApiKey, type EmulatorOptions } from './options';
export { type RunningEmulator, startEmulator } from './start-emulator';
export type { CapturedRequest } from './state/request-log';
export type { Stats, Transport } from './state/stats';
