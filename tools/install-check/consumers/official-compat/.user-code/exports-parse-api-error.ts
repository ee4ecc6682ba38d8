// parseApiError(raw, context?): a server error answer → a RunwareError.
import { parseApiError, RunwareError } from '@runware/sdk';
import { type Check, check, equal, ok } from './harness.js';

const row = 'export parseApiError';
const item = {
  code: 'invalidWidth',
  message: 'Width must be a multiple of 64',
  parameter: 'width',
  taskType: 'imageInference',
  taskUUID: '3f1c0d6e-8d2b-4a55-9a57-1f0f3c2b1a01',
};

export const checks: Check[] = [
  check(`${row} › { errors: [...] }`, () => {
    const error = parseApiError({ errors: [item] });
    ok(error instanceof RunwareError, 'not a RunwareError');
    equal(error.code, 'validation', 'code');
    equal(error.parameter, 'width', 'parameter');
    equal(error.taskType, 'imageInference', 'taskType');
    equal(error.taskUUID, item.taskUUID, 'taskUUID');
    equal(error.message, item.message, 'message');
  }),
  check(`${row} › an array of error items`, () => {
    const error = parseApiError([item]);
    ok(error instanceof RunwareError, 'not a RunwareError');
    equal(error.code, 'validation', 'code');
    equal(error.parameter, 'width', 'parameter');
  }),
  check(`${row} › { error: { code, message } }`, () => {
    const error = parseApiError({ error: { code: 'invalidApiKey', message: 'Invalid API key' } });
    ok(error instanceof RunwareError, 'not a RunwareError');
    equal(error.code, 'auth', 'code');
    equal(error.retryable, false, 'retryable');
    equal(error.message, 'Invalid API key', 'message');
  }),
];
