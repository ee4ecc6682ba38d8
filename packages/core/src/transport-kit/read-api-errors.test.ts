import { describe, expect, it } from 'vitest';
import { hasApiErrors, readApiErrors } from './read-api-errors';

describe('readApiErrors', () => {
  it('reads errors[], error{} and error[] alike', () => {
    const one = {
      code: 'invalidPositivePrompt',
      message: 'too short',
      parameter: 'positivePrompt',
      taskUUID: 'u',
    };
    for (const body of [{ errors: [one] }, { error: one }, { error: [one] }]) {
      expect(hasApiErrors(body)).toBe(true);
      expect(readApiErrors(body)).toEqual([one]);
    }
    expect(hasApiErrors({ data: [] })).toBe(false);
  });

  it('fills the task from the body beside `error`, and drops an empty taskUUID', () => {
    expect(
      readApiErrors({ taskUUID: 'u', taskType: 'textInference', error: { code: 'x', message: 'm' } }),
    ).toEqual([{ code: 'x', message: 'm', taskUUID: 'u', taskType: 'textInference' }]);
    expect(readApiErrors({ errors: [{ code: 'x', message: 'm', taskUUID: '' }] })).toEqual([
      { code: 'x', message: 'm' },
    ]);
  });

  it('uses the fallback for errors without a code, and drops them without one', () => {
    const body = { errors: [{ message: 'no code' }, { code: '', errorMessage: 'empty code' }, 'junk', null] };
    expect(readApiErrors(body)).toEqual([]);
    expect(readApiErrors(body, { fallbackCode: () => 'unknownError' })).toEqual([
      { code: 'unknownError', message: 'no code' },
      { code: 'unknownError', message: 'empty code', errorMessage: 'empty code' },
    ]);
  });

  it('reads the legacy { error: true, errorMessage } form, and a code as the message when there is none', () => {
    const legacy = { error: true, errorMessage: 'Invalid key', errorId: 19 };
    expect(
      readApiErrors(legacy, {
        fallbackCode: (entry) => (entry.error === true ? 'authenticationFailed' : undefined),
      }),
    ).toEqual([{ ...legacy, code: 'authenticationFailed', message: 'Invalid key' }]);
    expect(readApiErrors({ errors: [{ code: 'timeout' }] })).toEqual([
      { code: 'timeout', message: 'timeout' },
    ]);
  });
});
