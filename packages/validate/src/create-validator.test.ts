import { isRunwareError, type TaskPayload } from '@runware/core';
import { requestSchemas } from '@runware/types/schemas';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forbidCodeGeneration } from '../test/support/forbid-code-generation';
import { createValidator } from './create-validator';

const task = (params: Record<string, unknown>): TaskPayload => ({
  taskType: 'imageInference',
  taskUUID: '2d0a3a8e-5b8c-4a4a-9a57-0f6f2d4f0c11',
  positivePrompt: 'a lighthouse',
  outputType: 'blob',
  ...params,
});

describe('createValidator where code generation is forbidden (workerd, strict CSP)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('still checks curated models and utilities with the precompiled validators', async () => {
    forbidCodeGeneration();
    const validator = createValidator({ fetch: () => Promise.reject(new Error('no network expected')) });
    const curated = await validator
      .validate(task({ model: 'runware:400@1' }), { taskType: 'imageInference', model: 'runware:400@1' })
      .catch((error: unknown) => error);
    expect(isRunwareError(curated) && [curated.code, curated.parameter]).toEqual([
      'validation',
      'outputType',
    ]);
    const utility = await validator
      .validate({ taskType: 'imageUpload', taskUUID: 'u', imageURL: 'x' }, { taskType: 'imageUpload' })
      .catch((error: unknown) => error);
    expect(isRunwareError(utility) && utility.parameter).toBe('image');
  });

  /** A schemas service answering every model with `schema` (no network). */
  const resolvingTo = (schema: unknown) =>
    vi.fn(async (_url: unknown) => Response.json({ requestSchema: schema }));

  it('checks a model resolved to a bundled schema (a schema-generic call) with its precompiled validator', async () => {
    forbidCodeGeneration();
    const fetch = resolvingTo(requestSchemas.sdxl);
    const lines: string[] = [];
    const validator = createValidator({
      fetch,
      log: (category, message) => lines.push(`${category} ${message}`),
    });
    const model = 'civitai:1@1';
    const error = await validator
      .validate(task({ model, width: 'wide', height: 1024, outputType: undefined }), {
        taskType: 'imageInference',
        model,
      })
      .catch((caught: unknown) => caught);
    expect(isRunwareError(error) && [error.rawCode, error.parameter]).toEqual(['validationFailed', 'width']);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(lines.filter((line) => line.startsWith('warn'))).toEqual([]);
  });

  it('skips models whose schema matches no bundled one, with one warning, never throwing', async () => {
    forbidCodeGeneration();
    const fetch = resolvingTo({ type: 'object', required: ['somethingNew'] });
    const lines: string[] = [];
    const validator = createValidator({
      fetch,
      log: (category, message) => lines.push(`${category} ${message}`),
    });
    for (const model of ['civitai:1@1', 'civitai:2@2', 'civitai:1@1'])
      await expect(
        validator.validate(task({ model }), { taskType: 'imageInference', model }),
      ).resolves.toBeUndefined();
    // One /resolve per model (the third call is served from the cache).
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(lines.filter((line) => line.startsWith('warn'))).toEqual([
      expect.stringMatching(/^warn This runtime forbids code generation/),
    ]);
    expect(lines.filter((line) => line.startsWith('info'))).toEqual([
      'info Validation skipped for civitai:1@1: no code generation in this runtime.',
      'info Validation skipped for civitai:2@2: no code generation in this runtime.',
    ]);
  });
});
