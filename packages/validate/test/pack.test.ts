import { fileURLToPath } from 'node:url';
import { type Consumer, consumerTsconfig, createConsumer } from '@runware/pack-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = (name: string) => fileURLToPath(new URL(`../../${name}`, import.meta.url));

// Checks one valid and one invalid task offline (a schema key and a curated model: no network).
const script = `
const validator = createValidator({ fetch: () => { throw new Error('offline'); } });
const task = { taskType: 'imageInference', taskUUID: 'u', model: 'runware:400@1', positivePrompt: 'p', width: 64, height: 64 };
await validator.validate(task, { taskType: 'imageInference', schemaKey: 'sdxl' });
const error = await validator
  .validate({ ...task, width: 'wide' }, { taskType: 'imageInference', model: 'runware:400@1', schemaKey: 'sdxl' })
  .catch((caught) => caught);
clearValidatorCache();
console.log(JSON.stringify({ code: error.code, parameter: error.parameter, rules: error.validationErrors.map((e) => e.rule), documentation: error.documentation }));
`;

const typed = `
import type { ValidatorV1 } from '@runware/core';
import { clearValidatorCache, createValidator, type ValidatorOptions } from '@runware/validate';
const options: ValidatorOptions = { schemasBaseUrl: 'http://localhost', resolveTimeoutMs: 1000, log: (category) => void category };
const validator: ValidatorV1 = createValidator(options);
// @ts-expect-error log categories are a closed set
const bad: ValidatorOptions = { log: (category: 'debug') => void category };
clearValidatorCache();
export const used = [validator, bad];
`;

describe('packed @runware/validate installed outside the workspace', () => {
  let consumer: Consumer;

  beforeAll(async () => {
    consumer = await createConsumer({
      packages: [root('types'), root('core'), root('validate')],
      files: {
        'esm.mjs': `import { clearValidatorCache, createValidator } from '@runware/validate';\n${script}`,
        'cjs.cjs': `const { clearValidatorCache, createValidator } = require('@runware/validate');\n(async () => {${script}})();`,
        'typed.mts': typed,
        'typed.cts': typed,
        'tsconfig.json': consumerTsconfig({ browser: true }),
      },
    });
  }, 180_000);
  afterAll(async () => {
    await consumer?.cleanup();
  });

  it.each(['esm.mjs', 'cjs.cjs'])('loads ajv and the schemas lazily and validates from %s', async (file) => {
    const run = await consumer.node(file);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      code: 'validation',
      parameter: 'width',
      rules: ['type'],
      documentation: 'https://runware.ai/docs/models/bfl-flux-2-dev#request-width',
    });
  });

  it('ships only dist, README and LICENSE', async () => {
    const listed = (await consumer.run('ls', ['node_modules/@runware/validate'])).stdout
      .split('\n')
      .filter(Boolean);
    expect(listed.sort()).toEqual(['LICENSE', 'README.md', 'dist', 'package.json']);
  });

  it('type-checks for ESM and CJS consumers under Node module resolution', async () => {
    const run = await consumer.typecheck();
    expect(run.stdout + run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
