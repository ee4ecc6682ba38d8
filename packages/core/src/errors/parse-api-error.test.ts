import { describe, expect, it } from 'vitest';
import { parseApiError } from './parse-api-error';
import { isRunwareError } from './runware-error';

describe('parseApiError', () => {
  it('reads the documented { errors: [...] } envelope, first error first', () => {
    const error = parseApiError(
      {
        errors: [
          {
            code: 'invalidApiKey',
            message: 'Invalid API key',
            parameter: 'apiKey',
            taskType: 'authentication',
          },
          { code: 'providerTimeout', message: 'second' },
        ],
      },
      { statusCode: 401 },
    );
    expect(isRunwareError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'auth',
      retryable: false,
      rawCode: 'invalidApiKey',
      message: 'Invalid API key',
      parameter: 'apiKey',
      taskType: 'authentication',
      statusCode: 401,
    });
  });

  it('reads a bare array of error items', () => {
    const error = parseApiError([{ code: 'providerTimeout', message: 'slow', taskUUID: 't1' }]);
    expect(error).toMatchObject({ code: 'timeout', retryable: true, taskUUID: 't1' });
  });

  it('reads { error: {code, message} } with the outer taskUUID/taskType applying', () => {
    const error = parseApiError({
      error: { code: 'insufficientCredits', message: 'top up' },
      taskUUID: 't2',
      taskType: 'textInference',
    });
    expect(error).toMatchObject({
      code: 'quota',
      rawCode: 'insufficientCredits',
      taskUUID: 't2',
      taskType: 'textInference',
    });
    expect(parseApiError({ error: [{ code: 'taskNotFound', message: 'gone' }] }).code).toBe('notFound');
  });

  it('fills in what the error leaves out from the context, the error winning', () => {
    const error = parseApiError(
      { errors: [{ code: 'invalidWidth', message: 'w', parameter: ['width', 'height'] }] },
      { taskType: 'imageInference', taskUUID: 'ctx', modelSlug: 'bfl-flux-1-dev' },
    );
    expect(error).toMatchObject({ taskType: 'imageInference', taskUUID: 'ctx', parameter: 'width' });
    expect(error.documentation).toBe('https://runware.ai/docs/models/bfl-flux-1-dev#request-width');
    expect(
      parseApiError({ errors: [{ code: 'x', message: 'y', taskUUID: 'own' }] }, { taskUUID: 'ctx' }).taskUUID,
    ).toBe('own');
  });

  it('derives documentation instead of copying the server URL', () => {
    const error = parseApiError({
      errors: [
        {
          code: 'invalidSearch',
          message: 'x',
          taskType: 'modelSearch',
          documentation: 'https://evil.example',
        },
      ],
    });
    expect(error.documentation).toBe('https://runware.ai/docs/platform/model-search');
  });

  it.each([null, 'text', 42, {}, { errors: [] }, { errors: 'nope' }, []])(
    'gives raw unknownError for an answer without a recognisable error: %j',
    (raw) => {
      const error = parseApiError(raw);
      expect(error).toMatchObject({ rawCode: 'unknownError', code: 'serverError' });
      expect(error.message).not.toBe('');
    },
  );

  it('reads the very old { error: true, errorMessage } shape and a lone error item', () => {
    expect(parseApiError({ error: true, errorId: 19, errorMessage: 'Invalid api key' }).message).toBe(
      'Invalid api key',
    );
    expect(parseApiError({ code: 'modelNotFound', message: 'no such model' }).code).toBe('notFound');
  });
});
