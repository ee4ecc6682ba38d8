/**
 * `@runware/registry`: the live model registry of the Runware SDK. Resolves AIRs, slugs and schema
 * keys to task types from the bundled list of `@runware/types`, kept fresh from `registry.json`.
 * Edge- and browser-safe: no Node built-ins.
 */
export { createBundledRegistry, defaultBundledTables } from './bundled-tables';
export { createRegistry } from './create-registry';
export type { Registry, RegistryLogCategory, RegistryOptions } from './registry-options';
