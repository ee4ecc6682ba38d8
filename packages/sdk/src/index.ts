/**
 * `@runware/sdk`: the Runware SDK. `createClient()` wires the engine (`@runware/core`), the
 * transport and the model registry; everything public of those layers is re-exported here.
 */
export * from '@runware/core';
export {
  createBundledRegistry,
  createRegistry,
  type Registry,
  type RegistryOptions,
} from '@runware/registry';
export type { WebSocketTransport } from '@runware/transport-ws';
export type * from '@runware/types';
// The curated model table and the key → taskType tables, as values (the official SDK exports them).
export { architectureTaskTypes, modalityTaskTypes, models, operationTaskTypes } from '@runware/types';
export { clearValidatorCache, createValidator, type ValidatorOptions } from '@runware/validate';
export { type ClientOptions, createClient } from './create-client';
export { fileToDataURI } from './file-to-data-uri';
// Over core's: with the model table at hand, `model` (an AIR) links the model's page.
export { createRunwareError, parseApiError } from './model-errors';
export type * from './official-names';
export { SDK_VERSION, sdkVersion } from './version';
