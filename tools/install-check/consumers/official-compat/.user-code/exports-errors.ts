// RunwareError, createRunwareError, isRunwareError, used the documented way.
import { createRunwareError, type ErrorCode, isRunwareError, RunwareError } from '@runware/sdk';
import { type Check, check, equal, ok } from './harness.js';

const errorsPage = 'https://runware.ai/docs/platform/errors';

export const checks: Check[] = [
  check('export RunwareError › new RunwareError(rawCode, message) derives code and retryable', () => {
    const auth = new RunwareError('invalidApiKey', 'The API key is not valid');
    ok(auth instanceof Error, 'not an Error');
    ok(auth instanceof RunwareError, 'not a RunwareError');
    const code: ErrorCode = auth.code;
    equal(code, 'auth', "code of 'invalidApiKey'");
    equal(auth.retryable, false, "retryable of 'invalidApiKey'");
    equal(auth.message, 'The API key is not valid', 'message');
    const limited = new RunwareError('rateLimitExceeded', 'Slow down');
    equal(limited.code, 'rateLimit', "code of 'rateLimitExceeded'");
    equal(limited.retryable, true, "retryable of 'rateLimitExceeded'");
    const provider = new RunwareError('providerTimeout', 'The provider timed out');
    equal(provider.code, 'timeout', "code of 'providerTimeout'");
    equal(provider.retryable, true, "retryable of 'providerTimeout'");
    equal(new RunwareError('somethingNew', 'x').code, 'unknown', "code of 'somethingNew'");
  }),

  check(
    'export RunwareError › optional fields parameter, taskType, taskUUID, documentation, statusCode, validationErrors',
    () => {
      const error = new RunwareError('invalidWidth', 'bad width');
      const fields: (keyof RunwareError)[] = [
        'code',
        'retryable',
        'parameter',
        'taskType',
        'taskUUID',
        'documentation',
        'statusCode',
        'validationErrors',
      ];
      equal(fields.length, 8, 'field names');
      equal(error.code, 'validation', 'code');
      equal(error.validationErrors, undefined, 'validationErrors');
    },
  ),

  check('export createRunwareError › (rawCode, message, { parameter, taskType }) as in the seed', () => {
    const error = createRunwareError('invalidParameter', 'Width must be a multiple of 64', {
      parameter: 'width',
      taskType: 'imageInference',
    });
    ok(error instanceof RunwareError, 'not a RunwareError');
    equal(error.code, 'validation', 'code');
    equal(error.retryable, false, 'retryable');
    equal(error.parameter, 'width', 'parameter');
    equal(error.taskType, 'imageInference', 'taskType');
    equal(error.message, 'Width must be a multiple of 64', 'message');
    equal(error.documentation, errorsPage, 'documentation without a model');
  }),

  check('export createRunwareError › details { taskUUID, statusCode, model, validationErrors }', () => {
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
      taskType: 'imageInference',
      taskUUID: '3f1c0d6e-8d2b-4a55-9a57-1f0f3c2b1a00',
      statusCode: 400,
      model: 'runware:400@1',
      validationErrors,
    });
    equal(error.taskUUID, '3f1c0d6e-8d2b-4a55-9a57-1f0f3c2b1a00', 'taskUUID');
    equal(error.statusCode, 400, 'statusCode');
    equal(error.validationErrors?.length, 1, 'validationErrors.length');
    equal(error.validationErrors?.[0]?.keyword, 'minimum', 'validationErrors[0].keyword');
    equal(
      error.documentation,
      'https://runware.ai/docs/models/bfl-flux-2-dev#request-width',
      'documentation',
    );
  }),

  check('export isRunwareError › true for RunwareErrors, false for other values', () => {
    ok(isRunwareError(new RunwareError('invalidApiKey', 'x')), 'new RunwareError');
    ok(isRunwareError(createRunwareError('timeout', 'x')), 'createRunwareError');
    ok(!isRunwareError(new Error('x')), 'new Error');
    ok(!isRunwareError(null), 'null');
    ok(!isRunwareError('invalidApiKey'), 'a string');
    const unknownValue: unknown = new RunwareError('invalidApiKey', 'x');
    if (isRunwareError(unknownValue)) equal(unknownValue.code, 'auth', 'narrowed code');
  }),
];
