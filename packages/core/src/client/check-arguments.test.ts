import { describe, expect, it } from 'vitest';
import { isRunwareError, type RunwareError } from '../errors/runware-error';
import {
  checkParams,
  checkRunOptions,
  checkStreamOptions,
  checkTaskList,
  maxParamsDepth,
} from './check-arguments';

/** The RunwareError `fn` throws (fails the test if it throws something else or nothing). */
function thrown(fn: () => unknown): RunwareError {
  try {
    fn();
  } catch (error) {
    if (isRunwareError(error)) return error;
    throw new Error(`not a RunwareError: ${String(error)}`);
  }
  throw new Error('did not throw');
}

const task = { taskType: 'imageInference', model: 'runware:400@1', positivePrompt: 'a fox' };

describe('checkParams', () => {
  it('passes plain JSON params, binary media inputs and undefined fields through as they are', () => {
    const params = {
      ...task,
      inputs: { image: new Uint8Array([1, 2]) },
      seed: undefined,
      lora: [{ weight: 1 }],
    };
    expect(checkParams(params)).toBe(params);
  });

  it.each([
    ['null', null, 'params'],
    ['a string', 'a fox', 'params'],
    ['an array', [task], 'params'],
    ['a Map', new Map(), 'params'],
  ])('refuses %s as params, naming params', (_, params, parameter) => {
    expect(thrown(() => checkParams(params))).toMatchObject({ code: 'validation', parameter });
  });

  it.each([
    ['a BigInt', { ...task, seed: 10n }, 'seed'],
    ['a function', { ...task, onDone: () => {} }, 'onDone'],
    ['a Symbol', { ...task, tag: Symbol('x') }, 'tag'],
    ['a Date', { ...task, when: new Date(0) }, 'when'],
    ['NaN', { ...task, steps: Number.NaN }, 'steps'],
    ['Infinity', { ...task, width: Number.POSITIVE_INFINITY }, 'width'],
    ['a class instance', { ...task, settings: new (class Settings {})() }, 'settings'],
    ['numberResults -1', { ...task, numberResults: -1 }, 'numberResults'],
    ['numberResults 1.5', { ...task, numberResults: 1.5 }, 'numberResults'],
  ])('refuses %s, naming the field', (_, params, parameter) => {
    const error = thrown(() => checkParams(params));
    expect(error).toMatchObject({ code: 'validation', rawCode: 'invalidParams', parameter });
    expect(error.message).toContain(parameter);
  });

  it('refuses a circular reference, naming where it loops', () => {
    const params: Record<string, unknown> = { ...task, settings: {} };
    (params.settings as Record<string, unknown>).back = params;
    expect(thrown(() => checkParams(params))).toMatchObject({ parameter: 'settings.back' });
  });

  it('refuses params nested deeper than the limit without overflowing the stack', () => {
    let deep: Record<string, unknown> = {};
    const params = { ...task, deep };
    for (let i = 0; i < 100_000; i++) {
      const next: Record<string, unknown> = {};
      deep.x = next;
      deep = next;
    }
    const error = thrown(() => checkParams(params));
    expect(error.parameter?.split('.').length).toBe(maxParamsDepth);
  });

  it('accepts the same object twice when it is not a cycle', () => {
    const shared = { weight: 1 };
    expect(() => checkParams({ ...task, a: shared, b: shared })).not.toThrow();
  });
});

describe('checkTaskList', () => {
  it('takes one params object or a non-empty array, naming the index of a bad one', () => {
    expect(checkTaskList(task)).toEqual([task]);
    expect(thrown(() => checkTaskList([]))).toMatchObject({ parameter: 'params' });
    expect(thrown(() => checkTaskList([task, null]))).toMatchObject({ parameter: 'params.1' });
  });

  it('refuses two tasks of one call with the same taskUUID, naming the second', () => {
    const taskUUID = '6f1c5a2e-3b7d-4c1e-9a0b-2d4e6f8a0b1c';
    const tasks = [{ ...task, taskUUID }, { ...task }, { ...task, taskUUID }];
    expect(thrown(() => checkTaskList(tasks))).toMatchObject({
      parameter: 'params.2.taskUUID',
      message: expect.stringContaining('params.0'),
    });
    expect(checkTaskList([{ ...task, taskUUID }, { ...task }, { ...task }])).toHaveLength(3);
  });
});

describe('run and stream options', () => {
  it('accepts the known options and none at all', () => {
    const options = {
      signal: new AbortController().signal,
      timeout: 1000,
      onResult: () => {},
      onProgress: () => {},
      validate: true,
    };
    expect(checkRunOptions(options)).toBe(options);
    expect(checkRunOptions(undefined)).toEqual({});
  });

  it.each([
    ['null', null, 'options'],
    ['a string', 'fast', 'options'],
    ['a signal that is not one', { signal: {} }, 'signal'],
    ['timeout as a string', { timeout: '1000' }, 'timeout'],
    ['timeout NaN', { timeout: Number.NaN }, 'timeout'],
    ['timeout -1', { timeout: -1 }, 'timeout'],
    ['timeout 0', { timeout: 0 }, 'timeout'],
    ['timeout Infinity', { timeout: Number.POSITIVE_INFINITY }, 'timeout'],
    ['onResult not a function', { onResult: 'notfn' }, 'onResult'],
    ['validate as a string', { validate: 'yes' }, 'validate'],
  ])('refuses %s, naming it', (_, options, parameter) => {
    const error = thrown(() => checkRunOptions(options));
    expect(error).toMatchObject({ code: 'validation', rawCode: 'invalidOption', parameter });
  });

  it('refuses an unknown option with a suggestion', () => {
    const error = thrown(() => checkRunOptions({ timout: 5 }));
    expect(error).toMatchObject({ parameter: 'timout' });
    expect(error.message).toContain('did you mean "timeout"?');
  });

  it('knows that stream() takes no result callbacks', () => {
    expect(thrown(() => checkStreamOptions({ onResult: () => {} }))).toMatchObject({ parameter: 'onResult' });
    expect(checkStreamOptions({ timeout: 5, validate: false })).toEqual({ timeout: 5, validate: false });
  });
});
