/**
 * Client-side validation of Runware task params (a ValidatorV1 for `@runware/core`): offline for
 * schema keys, utilities and curated models, through the schemas service for any other model.
 */
export { createValidator } from './create-validator';
export type { ValidatorLogCategory, ValidatorOptions } from './validator-options';
export { clearValidatorCache } from './validator-registry';
