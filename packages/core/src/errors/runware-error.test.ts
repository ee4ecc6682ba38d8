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

  it('points utilities at their page, SDK-only codes at the errors page, and keeps an API URL', () => {
    expect(
      createRunwareError('invalidSearch', 'x', { taskType: 'modelSearch', parameter: 'search' })
        .documentation,
    ).toBe('https://runware.ai/docs/platform/model-search#request-search');
    expect(createRunwareError('connectionFailed', 'x', { modelSlug: 'a' }).documentation).toBe(
      'https://runware.ai/docs/platform/errors',
    );
    expect(
      createRunwareError('x', 'y', { documentation: 'https://runware.ai/docs/custom' }).documentation,
    ).toBe('https://runware.ai/docs/custom');
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

describe('isRunwareError', () => {
  it('recognises errors from another copy of the package (ESM and CJS builds are separate modules)', async () => {
    const cjs = createRequire(import.meta.url)('../../dist/index.cjs') as typeof import('../index');
    // The built copies are loaded at run time only: typecheck may run before this package is built.
    const distUrl = new URL('../../dist/index.js', import.meta.url).href;
    const esm = (await import(/* @vite-ignore */ distUrl)) as typeof import('../index');
    const fromCjs = cjs.createRunwareError('taskNotFound', 'gone');
    const fromEsm = esm.createRunwareError('taskNotFound', 'gone');
    expect(fromCjs instanceof RunwareError).toBe(false);
    expect(fromEsm instanceof cjs.RunwareError).toBe(false);
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
    expect(isRunwareError(new Error('x'))).toBe(false);
    expect(isRunwareError({ name: 'RunwareError', code: 'nope', message: 'x' })).toBe(false);
    expect(isRunwareError(null)).toBe(false);
  });
});
