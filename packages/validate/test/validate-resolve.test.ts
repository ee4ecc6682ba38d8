import { isRunwareError, type TaskPayload } from '@runware/core';
import { useEmulator } from '@runware/emulator/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clearValidatorCache, createValidator, type ValidatorOptions } from '../src/index';

const community = 'civitai:133005@782002'; // SDXL on the emulator
const context = { taskType: 'imageInference', model: community };
const task = (params: Record<string, unknown> = {}): TaskPayload => ({
  taskType: 'imageInference',
  taskUUID: '0b7e3c52-6c43-4f0e-8f7a-2a4f0f1f9c01',
  model: community,
  positivePrompt: 'a lighthouse at dusk',
  width: 1024,
  height: 1024,
  ...params,
});

/** The emulator's request log does not cover schema GETs, so count at the client. */
function countingFetch() {
  const urls: string[] = [];
  const receivers: unknown[] = [];
  const fetch: typeof globalThis.fetch = function (this: unknown, input, init) {
    receivers.push(this);
    urls.push(String(input));
    return globalThis.fetch(input, init);
  };
  return { fetch, urls, receivers };
}

describe('models resolved through the schemas service (emulator)', () => {
  const emulator = useEmulator({ beforeAll, afterAll, afterEach });
  const validatorFor = (options: ValidatorOptions = {}) =>
    createValidator({ schemasBaseUrl: emulator.schemasUrl, ...options });

  it('validates a community model against its resolved schema', async () => {
    const { fetch, urls, receivers } = countingFetch();
    const validator = validatorFor({ fetch });
    await expect(validator.validate(task(), context)).resolves.toBeUndefined();
    const { positivePrompt: _, ...withoutPrompt } = task();
    const error = await validator
      .validate(withoutPrompt as TaskPayload, context)
      .catch((caught: unknown) => caught);
    expect(isRunwareError(error) && error.code).toBe('validation');
    expect(isRunwareError(error) && error.parameter).toBe('positivePrompt');
    expect(urls).toEqual([`${emulator.schemasUrl}/resolve/civitai%3A133005%40782002`]);
    // Called as a plain function, never as a method of the options object.
    expect(receivers).toEqual([undefined]);
  });

  it('links the docs URL /resolve gives, at the parameter, and carries the ajv fields', async () => {
    // The emulator gives no docs URL for community models: add one to its answer.
    const docsUrl = 'https://runware.ai/docs/models/community-sdxl';
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const answer = await globalThis.fetch(input, init);
      const body = (await answer.json()) as Record<string, unknown>;
      return new Response(JSON.stringify({ ...body, documentation: docsUrl }), { status: answer.status });
    };
    const { positivePrompt: _, ...withoutPrompt } = task();
    const error = await validatorFor({ fetch })
      .validate(withoutPrompt as TaskPayload, context)
      .catch((caught: unknown) => caught);
    if (!isRunwareError(error)) throw new Error('expected a RunwareError');
    expect(error.documentation).toBe(`${docsUrl}#request-positiveprompt`);
    expect(error.validationErrors?.[0]).toMatchObject({
      instancePath: '',
      keyword: 'required',
      params: { missingProperty: 'positivePrompt' },
      schemaPath: expect.any(String),
      message: expect.any(String),
      path: 'positivePrompt',
      rule: 'required',
    });
    // Without a docs URL, a community model's error links the errors page.
    const plain = await validatorFor()
      .validate(withoutPrompt as TaskPayload, context)
      .catch((caught: unknown) => caught);
    expect(isRunwareError(plain) && plain.documentation).toBe('https://runware.ai/docs/platform/errors');
  });

  it('fetches once for concurrent first calls, then serves from the cache until clearCache()', async () => {
    const { fetch, urls } = countingFetch();
    const validator = validatorFor({ fetch });
    await Promise.all([1, 2, 3, 4, 5].map(() => validator.validate(task(), context)));
    expect(urls).toHaveLength(1);
    await validator.validate(task({ seed: 7 }), context);
    await expect(validator.validate(task({ width: 'wide' }), context)).rejects.toMatchObject({
      parameter: 'width',
    });
    expect(urls).toHaveLength(1);

    validator.clearCache();
    await validator.validate(task(), context);
    expect(urls).toHaveLength(2);
  });

  it('clearValidatorCache() clears every validator', async () => {
    const first = countingFetch();
    const second = countingFetch();
    const validators = [validatorFor({ fetch: first.fetch }), validatorFor({ fetch: second.fetch })];
    for (const validator of validators) await validator.validate(task(), context);
    clearValidatorCache();
    for (const validator of validators) await validator.validate(task(), context);
    expect([first.urls.length, second.urls.length]).toEqual([2, 2]);
  });

  it('skips an unknown model (404), once', async () => {
    const { fetch, urls } = countingFetch();
    const lines: string[] = [];
    const validator = validatorFor({
      fetch,
      log: (category, message) => lines.push(`${category} ${message}`),
    });
    const unknown = { taskType: 'imageInference', model: 'civitai:1@404' };
    await expect(
      validator.validate(task({ model: 'civitai:1@404', width: 'wide' }), unknown),
    ).resolves.toBeUndefined();
    await expect(validator.validate(task({ model: 'civitai:1@404' }), unknown)).resolves.toBeUndefined();
    expect(urls).toHaveLength(1);
    expect(lines).toContainEqual(expect.stringMatching(/^info No schema for civitai:1@404 .*404/));
  });

  it('skips when the schemas service fails, and asks again after clearCache()', async () => {
    await emulator.control.addFaults([{ kind: 'serviceError', service: 'schemas', status: 503 }]);
    const { fetch: counting, urls } = countingFetch();
    const lines: string[] = [];
    const validator = validatorFor({
      fetch: counting,
      log: (category, message) => lines.push(`${category} ${message}`),
    });
    await expect(validator.validate(task({ width: 'wide' }), context)).resolves.toBeUndefined();
    // Within the cool-down the outage costs no further request.
    await expect(validator.validate(task({ width: 'wide' }), context)).resolves.toBeUndefined();
    expect(urls).toHaveLength(1);
    expect(lines).toContainEqual(expect.stringMatching(/^warn Cannot fetch the schema .*503/));

    await emulator.control.clearFaults();
    validator.clearCache();
    await expect(validator.validate(task({ width: 'wide' }), context)).rejects.toMatchObject({
      parameter: 'width',
    });
  });

  it('skips when the schemas service cannot be reached', async () => {
    const validator = createValidator({ schemasBaseUrl: 'http://127.0.0.1:1/schemas' });
    await expect(validator.validate(task({ width: 'wide' }), context)).resolves.toBeUndefined();
  });

  it('skips a resolve slower than resolveTimeout', async () => {
    await emulator.control.addFaults([{ kind: 'serviceError', service: 'schemas', delayMs: 2000 }]);
    const lines: string[] = [];
    const validator = validatorFor({
      resolveTimeout: 100,
      log: (category, message) => lines.push(`${category} ${message}`),
    });
    const started = Date.now();
    await expect(validator.validate(task({ width: 'wide' }), context)).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1500);
    expect(lines).toContainEqual(expect.stringMatching(/^warn Cannot fetch the schema .*100 ms/));
  });

  it('skips when the injected fetch ignores the abort signal', async () => {
    const hanging: typeof globalThis.fetch = () => new Promise<Response>(() => undefined);
    const validator = validatorFor({ fetch: hanging, resolveTimeout: 50 });
    await expect(validator.validate(task({ width: 'wide' }), context)).resolves.toBeUndefined();
  });
});
