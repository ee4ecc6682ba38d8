import { isRunwareError, resolveConfig, type TaskPayload } from '@runware/core';
import { describe, expect, it, type Mock, vi } from 'vitest';
import { createValidator } from './create-validator';
import type { ValidatorOptions } from './validator-options';

const community = 'civitai:133005@782002';
const context = { taskType: 'imageInference', model: community };
const task: TaskPayload = {
  taskType: 'imageInference',
  taskUUID: '0b7e3c52-6c43-4f0e-8f7a-2a4f0f1f9c02',
  model: community,
  positivePrompt: 'a lighthouse',
  width: 'wide',
};

/** A schemas service that never answers (and ignores the abort signal). */
const hanging: typeof globalThis.fetch = () => new Promise<Response>(() => undefined);

/** The messages of every call of a `vi.fn()` log, as `category message`. */
const linesOf = (log: Mock) =>
  log.mock.calls.map(([category, message]) => `${String(category)} ${String(message)}`);

describe('validator options', () => {
  it.each(['resolveTimeout', 'resolveTimeoutMs'] as const)('%s bounds one /resolve fetch', async (name) => {
    const log = vi.fn();
    const validator = createValidator({ fetch: hanging, log, [name]: 30 });
    await expect(validator.validate(task, context)).resolves.toBeUndefined();
    expect(linesOf(log)).toContainEqual(
      expect.stringMatching(/^warn Cannot fetch the schema .*within 30 ms/),
    );
  });

  it('warns once about resolveTimeoutMs, and not about resolveTimeout', async () => {
    const old = vi.fn();
    const validator = createValidator({ fetch: hanging, resolveTimeoutMs: 30, log: old });
    await validator.validate(task, context);
    validator.clearCache();
    await validator.validate(task, context);
    expect(linesOf(old).filter((line) => line.includes('deprecated'))).toEqual([
      expect.stringMatching(/^warn createValidator: `resolveTimeoutMs` is deprecated; use `resolveTimeout`/),
    ]);

    const current = vi.fn();
    await createValidator({ fetch: hanging, resolveTimeout: 30, log: current }).validate(task, context);
    expect(linesOf(current).filter((line) => line.includes('deprecated'))).toEqual([]);
  });

  it.each<[ValidatorOptions, string]>([
    [{ resolveTimeout: 0 }, 'resolveTimeout'],
    [{ resolveTimeoutMs: -5 }, 'resolveTimeoutMs'],
    [{ resolveTimeout: '5000' as unknown as number }, 'resolveTimeout'],
    [{ schemasBaseUrl: 'schemas.runware.ai' }, 'schemasBaseUrl'],
    [{ fetch: 42 as unknown as typeof globalThis.fetch }, 'fetch'],
    [{ log: 'console' as unknown as ValidatorOptions['log'] }, 'log'],
  ])('refuses %j with an invalidConfig error naming %s', (options, field) => {
    let thrown: unknown;
    try {
      createValidator(options);
    } catch (error) {
      thrown = error;
    }
    expect(isRunwareError(thrown) && [thrown.rawCode, thrown.parameter]).toEqual(['invalidConfig', field]);
    expect(String(thrown)).toContain(field);
  });

  it('takes a whole resolved client config', async () => {
    const config = resolveConfig({
      apiKey: 'validator-options-key-0123456789',
      schemasBaseUrl: 'https://schemas.example/',
    });
    const urls: string[] = [];
    const fetch: typeof globalThis.fetch = async (input) => {
      urls.push(String(input));
      return new Response('{}', { status: 404 });
    };
    const validator = createValidator({ ...config, fetch });
    await expect(validator.validate(task, context)).resolves.toBeUndefined();
    expect(urls).toEqual([`https://schemas.example/resolve/${encodeURIComponent(community)}`]);
  });
});
