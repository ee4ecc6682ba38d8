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
export type * from '@runware/types';
export { clearValidatorCache, createValidator, type ValidatorOptions } from '@runware/validate';
export { type ClientOptions, createClient } from './create-client';
export { fileToDataURI } from './file-to-data-uri';
export { sdkVersion } from './version';
