import { isRunwareError, type RunwareError } from '../errors/runware-error';

/**
 * The suite's own assertions: it ships inside @runware/core, so it cannot lean on a test runner's
 * `expect`. Each one throws a plain Error whose message says what was expected and what came.
 */

/** A short, bounded rendering of any value for a failure message. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return String(value);
  }
}

export function fail(message: string): never {
  throw new Error(message);
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) fail(message);
}

export function assertEqual<T>(actual: T, expected: T, what: string): void {
  if (!Object.is(actual, expected)) fail(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

/** Structural equality for JSON-like values (plain objects, arrays, primitives). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && deepEqual(left[key], right[key]));
}

export function assertDeepEqual(actual: unknown, expected: unknown, what: string): void {
  if (!deepEqual(actual, expected)) fail(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

/** Asserts that `error` is a RunwareError (by brand, so any copy of core counts), optionally of `code`. */
export function assertRunwareError(error: unknown, code: string | undefined, what: string): RunwareError {
  if (!isRunwareError(error)) fail(`${what}: expected a RunwareError, got ${show(error)}`);
  if (code !== undefined && error.code !== code) {
    fail(
      `${what}: expected a RunwareError of code ${show(code)}, got ${show(error.code)} (${error.message})`,
    );
  }
  return error;
}

/** What a promise did: settled one way or the other, or not within the time given. */
export type Outcome<T> =
  | { kind: 'resolved'; value: T }
  | { kind: 'rejected'; error: unknown }
  | { kind: 'pending' };

/**
 * Waits at most `ms` for `promise`. Used instead of the runner's timeout where a hang is the bug
 * under test, so the failure names the operation instead of "test timed out".
 */
export function settleWithin<T>(promise: Promise<T>, ms: number): Promise<Outcome<T>> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ kind: 'pending' }), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve({ kind: 'resolved', value });
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ kind: 'rejected', error });
      },
    );
  });
}

/** Resolves with the value, or throws a message naming `what` when it rejects or hangs. */
export async function resolvesWithin<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  const outcome = await settleWithin(promise, ms);
  if (outcome.kind === 'resolved') return outcome.value;
  if (outcome.kind === 'pending')
    fail(`${what}: expected it to resolve within ${ms} ms, it is still pending`);
  return fail(`${what}: expected it to resolve, it rejected with ${show(outcome.error)}`);
}

/** Resolves with the rejection (checked to be a RunwareError of `code`), or throws when it resolves or hangs. */
export async function rejectsWithin(
  promise: Promise<unknown>,
  ms: number,
  code: string | undefined,
  what: string,
): Promise<RunwareError> {
  const outcome = await settleWithin(promise, ms);
  if (outcome.kind === 'pending') fail(`${what}: expected a rejection within ${ms} ms, it is still pending`);
  if (outcome.kind === 'resolved')
    fail(`${what}: expected a rejection, it resolved with ${show(outcome.value)}`);
  return assertRunwareError(outcome.error, code, what);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Marks a promise as handled now (it is awaited later), so an early rejection is not "unhandled". */
export function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
