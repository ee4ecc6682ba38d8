import type { ValidatorV1 } from '@runware/core';
import type { ValidatorOptions } from '@runware/validate';

/**
 * A validator that loads `@runware/validate` on the first call that validates, so apps that never
 * turn `validate` on never load it, and bundlers can split it out (it then loads one precompiled
 * validator per schema, and ajv only for schemas fetched through `/resolve`).
 */
export function createLazyValidator(options: ValidatorOptions): ValidatorV1 {
  let loaded: Promise<ValidatorV1> | undefined;
  const load = () => {
    loaded ??= import('@runware/validate').then((module) => module.createValidator(options));
    return loaded;
  };
  return {
    specificationVersion: 'v1',
    validate: async (task, context) => (await load()).validate(task, context),
    clearCache() {
      void loaded?.then((validator) => validator.clearCache());
    },
  };
}
