/**
 * `@runware/emulator`: a local server that speaks the Runware API (REST, WebSocket, SSE, the
 * schemas and content services, generated media) for tests, CI and offline development.
 */
export type { ApiErrorItem } from './api-error';
export type { ControlOperations, EmulatorStats } from './control/control-operations';
export type { FaultCommon, FaultKind, FaultSpec } from './control/fault-spec';
export type { ActiveFault } from './control/faults';
export { defaultApiKey, type EmulatorOptions } from './options';
export { type RunningEmulator, startEmulator } from './start-emulator';
export type { ModelListing } from './state/community-models';
export type { ModelRecord, NewModel } from './state/model-registry';
export type { CapturedRequest } from './state/request-log';
export type { Stats, Transport } from './state/stats';
