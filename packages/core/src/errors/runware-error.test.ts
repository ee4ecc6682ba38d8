import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createRunwareError } from './create-runware-error';
import { isRunwareError, RunwareError } from './runware-error';

describe('createRunwareError', () => {
  it('derives code, retryable and documentation the way the SDK does', () => {
    const error = createRunwareError('invalidParameter', 'Width must be a multiple of 64', {
      parameter: 'width',
      taskType: 'imageInference',
      modelSlug: 'bfl-flux-1-dev',
    });
    expect(error).toBeInstanceOf(RunwareError);
    expect(error).toMatchObject({
      name: 'RunwareError',
      code: 'validation',
      retryable: false,
      parameter: 'width',
      taskType: 'imageInference',
      rawCode: 'invalidParameter',
    });
    expect(error.documentation).toBe('https://runware.ai/docs/models/bfl-flux-1-dev#request-width');
    expect(createRunwareError('providerTimeout', 'slow').retryable).toBe(true);
  });

  it('points utilities at their page, SDK-only codes at the errors page, and derives the URL itself', () => {
    expect(
      createRunwareError('invalidSearch', 'x', { taskType: 'modelSearch', parameter: 'search' })
        .documentation,
    ).toBe('https://runware.ai/docs/platform/model-search#request-search');
    expect(createRunwareError('connectionFailed', 'x', { modelSlug: 'a' }).documentation).toBe(
      'https://runware.ai/docs/platform/errors',
    );
    // A server's (or a caller's) URL is not copied: documentation is the SDK's (PROTOCOL.md §7).
    expect(
      createRunwareError('x', 'y', { documentation: 'https://runware.ai/docs/custom' }).documentation,
    ).toBe('https://runware.ai/docs/platform/errors');
  });

  it.each([
    ['modelSearch', 'model-search'],
    ['imageUpload', 'image-upload'],
    ['mediaStorage', 'media-storage'],
    ['modelUpload', 'model-upload'],
    ['accountManagement', 'account-management'],
    ['getResponse', 'task-responses'],
    ['getTaskDetails', 'task-details'],
  ])('gives the utility %s its platform page', (taskType, page) => {
    expect(createRunwareError('invalidThing', 'x', { taskType }).documentation).toBe(
      `https://runware.ai/docs/platform/${page}`,
    );
  });

  it('gives other tasks without a model, and odd task types, the errors page', () => {
    expect(createRunwareError('invalidWidth', 'x', { taskType: 'imageInference' }).documentation).toBe(
      'https://runware.ai/docs/platform/errors',
    );
    expect(createRunwareError('invalidWidth', 'x', { taskType: 'constructor' }).documentation).toBe(
      'https://runware.ai/docs/platform/errors',
    );
  });

  it('takes the official `model` detail: a slug links its page, an AIR alone does not', () => {
    expect(
      createRunwareError('invalidWidth', 'x', { model: 'bfl-flux-1-dev', parameter: 'width' }).documentation,
    ).toBe('https://runware.ai/docs/models/bfl-flux-1-dev#request-width');
    expect(createRunwareError('invalidWidth', 'x', { model: 'runware:101@1' }).documentation).toBe(
      'https://runware.ai/docs/platform/errors',
    );
    expect(
      createRunwareError('invalidWidth', 'x', { model: 'runware:101@1', modelSlug: 'bfl-flux-1-dev' })
        .documentation,
    ).toBe('https://runware.ai/docs/models/bfl-flux-1-dev');
  });

  it('uses the /resolve docs URL of a non-curated model, with the parameter anchor', () => {
    const docsUrl = 'https://runware.ai/docs/models/some-community-model';
    expect(
      createRunwareError('invalidSteps', 'x', { docsUrl, parameter: 'settings.Steps' }).documentation,
    ).toBe(`${docsUrl}#request-settings-steps`);
    expect(createRunwareError('invalidSteps', 'x', { docsUrl: `${docsUrl}#old` }).documentation).toBe(
      docsUrl,
    );
    // The curated page wins over a resolved URL.
    expect(createRunwareError('invalidSteps', 'x', { docsUrl, modelSlug: 'curated' }).documentation).toBe(
      'https://runware.ai/docs/models/curated',
    );
  });

  it('ignores a parameter that is not a string (a malformed answer)', () => {
    const error = createRunwareError('invalidWidth', 'x', {
      parameter: [42] as unknown as string[],
      modelSlug: 's',
    });
    expect(error.parameter).toBeUndefined();
    expect(error.documentation).toBe('https://runware.ai/docs/models/s');
  });

  it('takes the first parameter when the API names several, with dots as dashes in the anchor', () => {
    const error = createRunwareError('incompatibleParameters', 'x', {
      parameter: ['lora.0.model', 'model'],
      modelSlug: 's',
    });
    expect(error.parameter).toBe('lora.0.model');
    expect(error.documentation).toBe('https://runware.ai/docs/models/s#request-lora-0-model');
  });
});

describe('new RunwareError(rawCode, message, details?)', () => {
  it('derives code and retryable from the raw code, as the official SDK does', () => {
    const error = new RunwareError('providerTimeout', 'The provider took too long');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'RunwareError',
      code: 'timeout',
      retryable: true,
      rawCode: 'providerTimeout',
      message: 'The provider took too long',
    });
    expect(error.parameter).toBeUndefined();
    expect(error.documentation).toBeUndefined();
    expect(isRunwareError(error)).toBe(true);
    expect(new RunwareError('invalidApiKey', 'no')).toMatchObject({ code: 'auth', retryable: false });
    expect(new RunwareError('somethingNew', 'x')).toMatchObject({ code: 'unknown', retryable: false });
  });

  it('takes the details as given', () => {
    const issues = [
      {
        instancePath: '/width',
        schemaPath: '#/properties/width/type',
        keyword: 'type',
        params: { type: 'number' },
        message: 'must be number',
        path: 'width',
        rule: 'type',
        ruleDefinition: 'number',
      },
    ];
    const cause = new Error('root');
    const error = new RunwareError('validationFailed', 'bad', {
      parameter: 'width',
      taskType: 'imageInference',
      taskUUID: 't',
      documentation: 'https://runware.ai/docs/models/x#request-width',
      statusCode: 400,
      validationErrors: issues,
      cause,
    });
    expect(error).toMatchObject({
      code: 'validation',
      parameter: 'width',
      taskType: 'imageInference',
      taskUUID: 't',
      documentation: 'https://runware.ai/docs/models/x#request-width',
      statusCode: 400,
      validationErrors: issues,
    });
    expect(error.cause).toBe(cause);
  });

  it('takes ajv error objects as validationErrors, as code for the official SDK passes them', () => {
    const validationErrors = [
      {
        instancePath: '/width',
        schemaPath: '#/properties/width/minimum',
        keyword: 'minimum',
        params: { limit: 128 },
        message: 'must be >= 128',
      },
    ];
    const error = createRunwareError('invalidWidth', 'Width too small', {
      parameter: 'width',
      validationErrors,
    });
    expect(error.validationErrors?.[0]?.keyword).toBe('minimum');
  });

  it('still accepts the former (category, message, { rawCode }) form', () => {
    const error = new RunwareError('auth', 'expired', { rawCode: 'tokenExpired' });
    expect(error).toMatchObject({ code: 'auth', rawCode: 'tokenExpired', retryable: false });
  });
});

describe('isRunwareError', () => {
  it('recognises errors from another copy of the package (ESM and CJS builds are separate modules), and so does instanceof', async () => {
    const cjs = createRequire(import.meta.url)('../../dist/index.cjs') as typeof import('../index');
    // The built copies are loaded at run time only: typecheck may run before this package is built.
    const distUrl = new URL('../../dist/index.js', import.meta.url).href;
    const esm = (await import(/* @vite-ignore */ distUrl)) as typeof import('../index');
    const fromCjs = cjs.createRunwareError('taskNotFound', 'gone');
    const fromEsm = esm.createRunwareError('taskNotFound', 'gone');
    // The brand decides instanceof too: a CommonJS app whose SDK loads an ESM layer sees its own class.
    expect(fromCjs instanceof RunwareError).toBe(true);
    expect(fromEsm instanceof cjs.RunwareError).toBe(true);
    expect(new Error('x') instanceof cjs.RunwareError).toBe(false);
    expect(isRunwareError(fromCjs)).toBe(true);
    expect(cjs.isRunwareError(fromEsm)).toBe(true);
  });

  it('recognises an error after a JSON round trip, and nothing else', () => {
    const error = createRunwareError('rateLimitExceeded', 'slow down', { taskUUID: 't' });
    const revived = JSON.parse(JSON.stringify(error));
    expect(revived).toMatchObject({
      name: 'RunwareError',
      code: 'rateLimit',
      retryable: true,
      taskUUID: 't',
    });
    expect(isRunwareError(revived)).toBe(true);
    // A plain object is no instance, whatever its fields say.
    expect(revived instanceof RunwareError).toBe(false);
    expect(isRunwareError(new Error('x'))).toBe(false);
    expect(isRunwareError({ name: 'RunwareError', code: 'nope', message: 'x' })).toBe(false);
    expect(isRunwareError(null)).toBe(false);
  });
});
