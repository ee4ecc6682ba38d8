import { isRunwareError, type RunwareError, type TaskPayload, type ValidationContextV1 } from '@runware/core';
import { rejectionOf } from '@runware/emulator/testing';
import { describe, expect, it } from 'vitest';
import { createValidator } from '../src/index';

// Every validator here must stay offline: a fetch call fails the test.
const noFetch: typeof globalThis.fetch = () => {
  throw new Error('no network expected');
};

const sdxl = (params: Record<string, unknown>): TaskPayload => ({
  taskType: 'imageInference',
  taskUUID: '6f1c1d5e-0f3a-4a55-9a2e-1b1f5a0c8d11',
  model: 'civitai:133005@782002',
  positivePrompt: 'a lighthouse at dusk',
  width: 1024,
  height: 1024,
  ...params,
});
const sdxlContext: ValidationContextV1 = { taskType: 'imageInference', schemaKey: 'sdxl' };

const failure = (promise: Promise<unknown>): Promise<RunwareError> => rejectionOf(promise, isRunwareError);

describe('bundled schemas (no network)', () => {
  const validator = createValidator({ fetch: noFetch });

  it('passes valid params', async () => {
    await expect(
      validator.validate(sdxl({ lora: [{ model: 'civitai:1@1', weight: 0.5 }] }), sdxlContext),
    ).resolves.toBeUndefined();
  });

  it('reports a wrong type with its parameter', async () => {
    const error = await failure(validator.validate(sdxl({ width: 'wide' }), sdxlContext));
    expect(error.code).toBe('validation');
    expect(error.rawCode).toBe('validationFailed');
    expect(error.retryable).toBe(false);
    expect(error.parameter).toBe('width');
    expect(error.message).toContain('width must be number');
    expect(error.taskType).toBe('imageInference');
    expect(error.taskUUID).toBe('6f1c1d5e-0f3a-4a55-9a2e-1b1f5a0c8d11');
    expect(error.validationErrors).toEqual([
      {
        instancePath: '/width',
        schemaPath: expect.stringMatching(/\/type$/),
        keyword: 'type',
        params: { type: 'number' },
        message: 'must be number',
        path: 'width',
        rule: 'type',
        ruleDefinition: 'number',
      },
    ]);
  });

  it('names a missing required field by the field, not its parent', async () => {
    const { positivePrompt: _, ...withoutPrompt } = sdxl({});
    const error = await failure(validator.validate(withoutPrompt as TaskPayload, sdxlContext));
    expect(error.parameter).toBe('positivePrompt');
    expect(error.message).toContain('positivePrompt is required');
    expect(error.validationErrors?.[0]).toMatchObject({
      instancePath: '',
      keyword: 'required',
      params: { missingProperty: 'positivePrompt' },
      message: "must have required property 'positivePrompt'",
      path: 'positivePrompt',
      rule: 'required',
    });
    expect(error.validationErrors?.[0]?.ruleDefinition).toContain('positivePrompt');
  });

  it('lists the allowed values of a bad enum', async () => {
    const error = await failure(validator.validate(sdxl({ outputFormat: 'GIF' }), sdxlContext));
    expect(error.parameter).toBe('outputFormat');
    expect(error.message).toContain('outputFormat must be one of "JPG", "PNG", "WEBP"');
    expect(error.validationErrors).toEqual([
      {
        instancePath: '/outputFormat',
        schemaPath: expect.stringMatching(/\/enum$/),
        keyword: 'enum',
        params: { allowedValues: ['JPG', 'PNG', 'WEBP'] },
        message: 'must be equal to one of the allowed values',
        path: 'outputFormat',
        rule: 'enum',
        ruleDefinition: ['JPG', 'PNG', 'WEBP'],
      },
    ]);
  });

  it('shortens a long enum in the message but keeps it whole in ruleDefinition', async () => {
    const error = await failure(validator.validate(sdxl({ scheduler: 'Fastest' }), sdxlContext));
    expect(error.message).toMatch(/scheduler must be one of "DDIM", .*… \(\d+ more\)/);
    const definition = error.validationErrors?.[0]?.ruleDefinition;
    expect(Array.isArray(definition) && definition.length).toBeGreaterThan(8);
    expect(definition).toContain('DPM++ 2M Karras');
  });

  it('gives nested paths in dotted form', async () => {
    const error = await failure(
      validator.validate(sdxl({ lora: [{ model: 'civitai:1@1' }, { weight: 1 }] }), sdxlContext),
    );
    expect(error.parameter).toBe('lora.1.model');
    const typed = await failure(validator.validate(sdxl({ lora: [{ model: 42 }] }), sdxlContext));
    expect(typed.parameter).toBe('lora.0.model');
    expect(typed.message).toContain('lora.0.model must be string');
  });

  it('reports every error, the first concrete one as the parameter', async () => {
    const error = await failure(
      validator.validate(sdxl({ width: 'wide', outputFormat: 'GIF', lora: [{}] }), sdxlContext),
    );
    expect(error.validationErrors?.map((issue) => `${issue.rule}:${issue.path}`).sort()).toEqual([
      'enum:outputFormat',
      'required:lora.0.model',
      'type:width',
    ]);
    expect(error.message).toMatch(/\(and 2 more issues\)\.$/);
  });

  it('treats undefined properties as absent, as JSON would', async () => {
    await expect(
      validator.validate(sdxl({ seed: undefined, scheduler: undefined }), sdxlContext),
    ).resolves.toBeUndefined();
  });

  it('checks utilities against their closed schema, without the envelope', async () => {
    const upload: TaskPayload = {
      taskType: 'imageUpload',
      taskUUID: '6f1c1d5e-0f3a-4a55-9a2e-1b1f5a0c8d12',
      image: 'data:image/png;base64,AA==',
    };
    await expect(validator.validate(upload, { taskType: 'imageUpload' })).resolves.toBeUndefined();
    // getResponse lists no properties at all: only the stripped envelope makes it pass.
    await expect(
      validator.validate({ taskType: 'getResponse', taskUUID: upload.taskUUID }, { taskType: 'getResponse' }),
    ).resolves.toBeUndefined();

    const error = await failure(
      validator.validate({ ...upload, imageURL: 'x' }, { taskType: 'imageUpload' }),
    );
    expect(error.parameter).toBe('imageURL');
    expect(error.message).toContain('imageURL is not a known parameter');
    expect(error.validationErrors).toEqual([
      {
        instancePath: '',
        schemaPath: '#/additionalProperties',
        keyword: 'additionalProperties',
        params: { additionalProperty: 'imageURL' },
        message: 'must NOT have additional properties',
        path: 'imageURL',
        rule: 'additionalProperties',
        ruleDefinition: false,
      },
    ]);
    expect(error.documentation).toBe('https://runware.ai/docs/platform/image-upload#request-imageurl');
  });

  it('strips only the envelope for utilities', async () => {
    const error = await failure(
      validator.validate({ taskType: 'imageUpload', taskUUID: 'u', deliveryMethod: 'sync' } as TaskPayload, {
        taskType: 'imageUpload',
      }),
    );
    expect(error.validationErrors?.map((issue) => issue.path).sort()).toEqual(['deliveryMethod', 'image']);
  });

  it('checks a curated model against its task type schema, offline, with a model-page link', async () => {
    const task: TaskPayload = {
      taskType: 'imageInference',
      taskUUID: 'u',
      model: 'runware:400@1',
      outputType: 'blob',
    };
    const error = await failure(
      validator.validate(task, { taskType: 'imageInference', model: 'runware:400@1' }),
    );
    expect(error.parameter).toBe('outputType');
    expect(error.documentation).toBe('https://runware.ai/docs/models/bfl-flux-2-dev#request-outputtype');
    await expect(
      validator.validate(
        { ...task, outputType: 'URL' },
        { taskType: 'imageInference', model: 'runware:400@1' },
      ),
    ).resolves.toBeUndefined();
  });

  it('lets a known schema key win over the model, keeping the curated slug for documentation', async () => {
    const task = sdxl({ model: 'runware:400@1', width: 'wide' });
    const error = await failure(
      validator.validate(task, { taskType: 'imageInference', model: 'runware:400@1', schemaKey: 'sdxl' }),
    );
    expect(error.parameter).toBe('width');
    expect(error.documentation).toBe('https://runware.ai/docs/models/bfl-flux-2-dev#request-width');
  });

  it('skips what it cannot check: no model and no schema, or an unknown schema key', async () => {
    const lines: string[] = [];
    const logging = createValidator({
      fetch: noFetch,
      log: (category, message) => lines.push(`${category} ${message}`),
    });
    await expect(
      logging.validate(
        { taskType: 'imageInference', taskUUID: 'u', width: 'wide' },
        { taskType: 'imageInference', schemaKey: 'nope' },
      ),
    ).resolves.toBeUndefined();
    expect(lines).toEqual([expect.stringMatching(/^info Validation skipped/)]);
  });
});
