import { isRunwareError, RunwareError } from '@runware/core';
import { afterEach, describe, expect, it, vi } from 'vitest';

const secret = 'sk-secret-123';

/** `createClient` of a fresh module graph whose engine module is replaced by `factory`. */
async function createClientWithEngine(factory: () => object) {
  vi.resetModules();
  vi.doMock('./build-client', factory);
  const { createClient } = await import('./create-client');
  return createClient({ apiKey: secret }).then(
    () => undefined,
    (error: unknown) => error,
  );
}

afterEach(() => {
  vi.doUnmock('./build-client');
});

describe('createClient: the engine loaded on first call', () => {
  it('rejects with a RunwareError when the engine chunk fails to load', async () => {
    // As a page sees a dropped network: `import('./build-client')` rejects.
    const error = await createClientWithEngine(() => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    expect(isRunwareError(error)).toBe(true);
    expect(error).toBeInstanceOf(RunwareError);
    expect((error as RunwareError).code).toBe('unknown');
    expect((error as RunwareError).message).toMatch(/^Unexpected error: /);
  });

  it('keeps the key out of an error raised while loading the engine', async () => {
    const error = await createClientWithEngine(() => ({
      get buildClient() {
        throw new TypeError(`engine refused Bearer ${secret}`);
      },
    }));
    expect(error).toBeInstanceOf(RunwareError);
    const { message, stack, cause } = error as RunwareError & { cause?: Error };
    expect(`${message} ${stack} ${cause?.message} ${cause?.stack}`).not.toContain(secret);
    expect(JSON.stringify((error as RunwareError).toJSON())).not.toContain(secret);
  });
});
