import { describeValue, expectValue, type Fail, isPlainObject, maxTimerDelay } from '../config/config-checks';
import { didYouMean } from '../config/did-you-mean';
import { createRunwareError } from '../errors/create-runware-error';
import type { RunOptions, StreamOptions } from './run-options';

/**
 * Arguments of the public methods, checked once at the door with the config's wording: a
 * RunwareError of code `validation` naming the field (`parameter`), before anything is sent.
 */

const failWith =
  (rawCode: string): Fail =>
  (field, message) => {
    throw createRunwareError(rawCode, message, { parameter: field });
  };
const failParams = failWith('invalidParams');
const failOption = failWith('invalidOption');

/** Params deeper than this are refused: no real task nests so deep, and walking it could overflow. */
export const maxParamsDepth = 64;

const isBinary = (value: object) =>
  ArrayBuffer.isView(value) ||
  value instanceof ArrayBuffer ||
  (typeof Blob !== 'undefined' && value instanceof Blob);

/**
 * A task's params: a plain object of JSON values (binary media inputs allowed), no cycles, no
 * BigInt, functions, symbols, Dates or non-finite numbers, at most `maxParamsDepth` deep. Each of
 * those would otherwise fail late (a TypeError in JSON.stringify) or be sent changed (NaN → null).
 */
export function checkParams(params: unknown, field = 'params'): Record<string, unknown> {
  if (!isPlainObject(params))
    return failParams(field, `${field} must be an object, got ${describeValue(params)}.`);
  // Iterative, with the path of each value, so a deep or cyclic structure cannot overflow the stack.
  // Fields inside the task are named as the API and the validator name them (`lora.0.weight`).
  const stack: { value: unknown; path: string; depth: number; ancestors: readonly object[] }[] = [
    { value: params, path: '', depth: 0, ancestors: [] },
  ];
  while (stack.length > 0) {
    const { value, path: inner, depth, ancestors } = stack.pop() as (typeof stack)[number];
    const path = inner || field;
    const kind = typeof value;
    if (kind === 'number' && !Number.isFinite(value))
      failParams(path, `${path} must be a finite number, got ${String(value)}.`);
    if (kind === 'bigint' || kind === 'function' || kind === 'symbol')
      failParams(path, `${path} cannot be sent as JSON: got ${describeValue(value)}.`);
    if (kind !== 'object' || value === null) continue;
    const object = value as object;
    if (isBinary(object)) continue;
    if (object instanceof Date)
      failParams(path, `${path} is a Date; pass a string (e.g. date.toISOString()).`);
    if (ancestors.includes(object)) failParams(path, `${path} refers back to itself (a circular reference).`);
    if (depth >= maxParamsDepth)
      failParams(path, `${path} is nested more than ${maxParamsDepth} levels deep.`);
    if (!Array.isArray(object) && !isPlainObject(object))
      failParams(
        path,
        `${path} must be a plain object, an array or a JSON value, got ${describeValue(object)}.`,
      );
    const within = [...ancestors, object];
    for (const [key, entry] of Object.entries(object))
      stack.push({
        value: entry,
        path: inner ? `${inner}.${key}` : key,
        depth: depth + 1,
        ancestors: within,
      });
  }
  const { numberResults } = params;
  if (numberResults !== undefined)
    expectValue(
      'numberResults',
      numberResults,
      Number.isSafeInteger(numberResults) && (numberResults as number) >= 1,
      'a positive integer',
      failParams,
    );
  return params;
}

/**
 * `run()`'s tasks: one params object or a non-empty array of them, no two with one taskUUID (their
 * answers could not be told apart).
 */
export function checkTaskList(params: unknown): readonly Record<string, unknown>[] {
  if (!Array.isArray(params)) return [checkParams(params)];
  if (params.length === 0) return failParams('params', 'run() needs at least one task.');
  const tasks = params.map((entry, index) => checkParams(entry, `params.${index}`));
  const first = new Map<unknown, number>();
  tasks.forEach(({ taskUUID }, index) => {
    if (taskUUID === undefined) return;
    const earlier = first.get(taskUUID);
    if (earlier === undefined) first.set(taskUUID, index);
    else
      failParams(
        `params.${index}.taskUUID`,
        `params.${index}.taskUUID is also the taskUUID of params.${earlier}; give each task its own.`,
      );
  });
  return tasks;
}

const runOptionKeys = ['signal', 'timeout', 'onResult', 'onProgress', 'validate'] as const;
const streamOptionKeys = ['signal', 'timeout', 'validate'] as const;

const isSignal = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as AbortSignal).aborted === 'boolean' &&
  typeof (value as AbortSignal).addEventListener === 'function' &&
  typeof (value as AbortSignal).removeEventListener === 'function';

/** A call's options: an object of known keys (unknown ones get a "did you mean"), each well typed. */
function checkOptions<T extends object>(options: unknown, known: readonly string[]): T {
  if (options === undefined) return {} as T;
  const given = expectValue<Record<string, unknown>>(
    'options',
    options,
    isPlainObject(options),
    'an object',
    failOption,
  );
  for (const key of Object.keys(given)) {
    if (known.includes(key)) continue;
    const suggestion = didYouMean(key, known);
    failOption(
      key,
      `Unknown option "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; the options are ${known.join(', ')}.`,
    );
  }
  const { signal, timeout, onResult, onProgress, validate } = given;
  if (signal !== undefined) expectValue('signal', signal, isSignal(signal), 'an AbortSignal', failOption);
  if (timeout !== undefined)
    expectValue(
      'timeout',
      timeout,
      typeof timeout === 'number' && timeout > 0 && timeout <= maxTimerDelay,
      `a positive finite number of milliseconds (at most ${maxTimerDelay})`,
      failOption,
    );
  for (const [name, fn] of [
    ['onResult', onResult],
    ['onProgress', onProgress],
  ] as const)
    if (fn !== undefined) expectValue(name, fn, typeof fn === 'function', 'a function', failOption);
  if (validate !== undefined)
    expectValue('validate', validate, typeof validate === 'boolean', 'true or false', failOption);
  return given as T;
}

export const checkRunOptions = (options: unknown): RunOptions =>
  checkOptions<RunOptions>(options, runOptionKeys);
export const checkStreamOptions = (options: unknown): StreamOptions =>
  checkOptions<StreamOptions>(options, streamOptionKeys);
