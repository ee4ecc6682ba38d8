import { afterEach, describe, expect, it } from 'vitest';
import { ambientEnv } from './ambient-env';

const host = globalThis as Record<string, unknown>;
const processDescriptor = Object.getOwnPropertyDescriptor(globalThis, 'process');

/** Runs `body` as if on another runtime: no `process`, and the given `Deno` (or none). */
function withoutProcess<T>(deno: unknown, body: () => T): T {
  Object.defineProperty(globalThis, 'process', { value: undefined, configurable: true, writable: true });
  host.Deno = deno;
  try {
    return body();
  } finally {
    if (processDescriptor) Object.defineProperty(globalThis, 'process', processDescriptor);
    delete host.Deno;
  }
}

afterEach(() => {
  expect(typeof process.env).toBe('object');
});

describe('ambientEnv', () => {
  it('returns process.env on Node', () => {
    expect(ambientEnv(['RUNWARE_API_KEY'])).toBe(process.env);
  });

  it('reads the named variables from Deno.env, treating a permission error as unset', () => {
    const deno = {
      env: {
        get(name: string) {
          if (name === 'SECRET') throw new Error('Requires env access');
          return name === 'RUNWARE_API_KEY' ? 'deno-key' : undefined;
        },
      },
    };
    const env = withoutProcess(deno, () => ambientEnv(['RUNWARE_API_KEY', 'SECRET']));
    expect(env.RUNWARE_API_KEY).toBe('deno-key');
    expect(env.SECRET).toBeUndefined();
  });

  it('is empty where the runtime has no environment (browsers, workers)', () => {
    expect(withoutProcess(undefined, () => ambientEnv(['RUNWARE_API_KEY']))).toEqual({});
  });
});
