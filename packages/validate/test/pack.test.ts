import { describePackTest } from '@runware/pack-check/vitest';

describePackTest({
  packageDir: new URL('..', import.meta.url),
  // Checks one valid and one invalid task offline (a schema key and a curated model: no network),
  // loading ajv and the schemas lazily.
  script: {
    imports: ['clearValidatorCache', 'createValidator'],
    body: `
const validator = createValidator({ fetch: () => { throw new Error('offline'); } });
const task = { taskType: 'imageInference', taskUUID: 'u', model: 'runware:400@1', positivePrompt: 'p', width: 64, height: 64 };
await validator.validate(task, { taskType: 'imageInference', schemaKey: 'sdxl' });
const error = await validator
  .validate({ ...task, width: 'wide' }, { taskType: 'imageInference', model: 'runware:400@1', schemaKey: 'sdxl' })
  .catch((caught) => caught);
clearValidatorCache();
return { code: error.code, parameter: error.parameter, rules: error.validationErrors.map((e) => e.rule), documentation: error.documentation };
`,
  },
  expected: {
    code: 'validation',
    parameter: 'width',
    rules: ['type'],
    documentation: 'https://runware.ai/docs/models/bfl-flux-2-dev#request-width',
  },
  typed: `
import type { ValidatorV1 } from '@runware/core';
import { clearValidatorCache, createValidator, type ValidatorOptions } from '@runware/validate';
const options: ValidatorOptions = { schemasBaseUrl: 'http://localhost', resolveTimeout: 1000, log: (category) => void category };
const validator: ValidatorV1 = createValidator(options);
// @ts-expect-error log categories are a closed set
const bad: ValidatorOptions = { log: (category: 'debug') => void category };
clearValidatorCache();
export const used = [validator, bad];
`,
  browser: true,
});
