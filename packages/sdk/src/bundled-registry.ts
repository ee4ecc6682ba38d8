import { createStaticRegistry, type RegistryV1 } from '@runware/core';
import { architectureTaskTypes, modalityTaskTypes, models, operationTaskTypes } from '@runware/types';

/** The curated models and schema keys of the bundled snapshot: resolution works offline. */
export function createBundledRegistry(): RegistryV1 {
  return createStaticRegistry({
    models,
    keys: { ...architectureTaskTypes, ...modalityTaskTypes, ...operationTaskTypes },
  });
}
