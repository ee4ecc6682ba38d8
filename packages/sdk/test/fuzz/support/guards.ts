/** The checks every property shares: process listeners, Object.prototype, settling, key leaks. */
import { inspect } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isRunwareError } from '../../../src/index';

export interface ProcessGuard {
  uncaught: unknown[];
  unhandled: unknown[];
  /** Throws when a listener fired since the last call (and forgets it). */
  assertQuiet(): void;
  /** What fired since the last call, as text (and forgets it). */
  take(): string[];
  dispose(): void;
}

/** Listens for uncaught exceptions and unhandled rejections for the test's duration. */
export function guardProcess(): ProcessGuard {
  const uncaught: unknown[] = [];
  const unhandled: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUnhandled);
  return {
    uncaught,
    unhandled,
    take() {
      return [
        ...uncaught.splice(0).map((e) => `uncaught exception: ${describe(e)}`),
        ...unhandled.splice(0).map((e) => `unhandled rejection: ${describe(e)}`),
      ];
    },
    assertQuiet() {
      const fired = [
        ...uncaught.splice(0).map((e) => `uncaught exception: ${describe(e)}`),
        ...unhandled.splice(0).map((e) => `unhandled rejection: ${describe(e)}`),
      ];
      if (fired.length > 0) throw new Error(fired.join('\n'));
    },
    dispose() {
      process.off('uncaughtException', onUncaught);
      process.off('unhandledRejection', onUnhandled);
    },
  };
}

const describe = (e: unknown) => {
  try {
    return e instanceof Error
      ? `${e.name}: ${e.message}\n${e.stack?.split('\n').slice(1, 6).join('\n')}`
      : inspect(e);
  } catch {
    return '<uninspectable>';
  }
};

type Snapshot = Map<string | symbol, unknown>;
const protos: Array<[string, object]> = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
];

function snap(target: object): Snapshot {
  const out: Snapshot = new Map();
  for (const key of Reflect.ownKeys(target)) {
    const d = Object.getOwnPropertyDescriptor(target, key);
    out.set(key, d && ('value' in d ? d.value : d.get));
  }
  return out;
}

/** Snapshots the own properties of Object.prototype (and friends); `assertUntouched` compares. */
export function snapshotPrototypes(): { assertUntouched(): void } {
  const before = protos.map(([name, target]) => [name, target, snap(target)] as const);
  return {
    assertUntouched() {
      for (const [name, target, was] of before) {
        const now = snap(target);
        const changed: string[] = [];
        for (const key of new Set([...was.keys(), ...now.keys()]))
          if (was.get(key) !== now.get(key)) changed.push(String(key));
        if (changed.length > 0) {
          // Repair, so that one failure does not poison every later case.
          for (const key of changed) {
            const k = [...now.keys()].find((x) => String(x) === key) ?? key;
            if (!was.has(k)) delete (target as Record<string | symbol, unknown>)[k];
          }
          throw new Error(`${name} was modified: ${changed.join(', ')}`);
        }
      }
    },
  };
}

export type Settled = { status: 'resolved'; value: unknown } | { status: 'rejected'; error: unknown };

/** Calls `fn` (a sync throw counts as a rejection) and waits for it, failing if it never settles. */
export async function settles(label: string, fn: () => unknown, withinMs: number): Promise<Settled> {
  let promise: Promise<unknown>;
  try {
    promise = Promise.resolve(fn());
  } catch (error) {
    return { status: 'rejected', error };
  }
  let timer: NodeJS.Timeout | undefined;
  const never = new Promise<'never'>((resolve) => {
    timer = setTimeout(() => resolve('never'), withinMs);
  });
  try {
    const outcome = await Promise.race([
      promise.then(
        (value): Settled => ({ status: 'resolved', value }),
        (error): Settled => ({ status: 'rejected', error }),
      ),
      never,
    ]);
    if (outcome === 'never') throw new Error(`${label}: never settled within ${withinMs} ms`);
    return outcome;
  } finally {
    clearTimeout(timer);
  }
}

/** Every text an error can show: message, stack, JSON, inspect (cause included). */
function textsOf(error: unknown): string[] {
  const out: string[] = [];
  const attempt = (f: () => unknown) => {
    try {
      const v = f();
      if (typeof v === 'string') out.push(v);
    } catch {}
  };
  attempt(() => (error as Error).message);
  attempt(() => (error as Error).stack);
  attempt(() => JSON.stringify(error));
  attempt(() => inspect(error, { depth: 8, showHidden: false, getters: false }));
  attempt(() => String(error));
  return out;
}

/** A rejection must be a RunwareError whose message, data and JSON never quote the API key. */
export function assertCleanRejection(label: string, error: unknown, apiKey: string): void {
  if (!isRunwareError(error))
    throw new Error(`${label}: rejected with a non-RunwareError: ${describe(error)}`);
  for (const text of textsOf(error))
    if (text.includes(apiKey))
      throw new Error(`${label}: the error quotes the API key: ${text.slice(0, 400)}`);
}

/** A value the client resolved with must not quote the API key either (it came from a hostile server). */
export function assertNoKeyIn(label: string, value: unknown, apiKey: string): void {
  let text = '';
  try {
    text = inspect(value, { depth: 6 });
  } catch {
    return;
  }
  if (text.includes(apiKey)) throw new Error(`${label}: the result quotes the API key`);
}

/** Lets pending microtasks, timers of 0 and the unhandled-rejection check run. */
export const drain = async (ms = 20): Promise<void> => {
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setTimeout(r, ms));
  await new Promise((r) => setImmediate(r));
};

let gcFn: (() => void) | undefined;
/** A full GC (exposed at runtime when the process was not started with --expose-gc). */
export function gc(): void {
  if (!gcFn) {
    const g = (globalThis as { gc?: () => void }).gc;
    if (g) gcFn = g;
    else {
      setFlagsFromString('--expose-gc');
      gcFn = runInNewContext('gc') as () => void;
    }
  }
  gcFn();
  gcFn();
}
