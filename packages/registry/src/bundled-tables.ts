import { createStaticRegistry, type RegistryV1, type StaticRegistryTables } from '@runware/core';
import { architectureTaskTypes, modalityTaskTypes, models, operationTaskTypes } from '@runware/types';

/**
 * The offline fallback: the curated models of `@runware/types`, and its architecture, modality and
 * operation keys (operations merged into the key map, as the official SDK does).
 */
export function defaultBundledTables(): StaticRegistryTables {
  return { models, keys: { ...architectureTaskTypes, ...modalityTaskTypes, ...operationTaskTypes } };
}

/**
 * A registry of the bundled tables only (`defaultBundledTables()`): resolution works offline
 * and never asks the schemas service.
 */
export function createBundledRegistry(): RegistryV1 {
  return createStaticRegistry(defaultBundledTables());
}
