import { isRunwareError } from '@runware/core';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../src/index';
import { captureLog, closedPortUrl, countingFetch } from './support/helpers';

describe('the bundled list, with no registry service reachable', () => {
  it('resolves curated AIRs, slugs and schema keys from the first call', async () => {
    const { log, lines } = captureLog();
    const registry = createRegistry({ schemasBaseUrl: await closedPortUrl(), log });
    const started = performance.now();
    expect(await registry.lookup('runware:101@1')).toEqual({
      air: 'runware:101@1',
      taskType: 'imageInference',
      slug: 'bfl-flux-1-dev',
    });
    // A refused connection answers at once: nothing waits for the first-fetch bound.
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await registry.lookup('bfl-flux-1-dev')).toEqual({
      air: 'runware:101@1',
      taskType: 'imageInference',
      slug: 'bfl-flux-1-dev',
    });
    expect(await registry.taskTypeOfKey('sdxl')).toBe('imageInference');
    expect(await registry.taskTypeOfKey('video')).toBe('videoInference');
    expect(await registry.taskTypeOfKey('upscale-image')).toBe('upscale');
    expect(await registry.taskTypeOfKey('masking')).toBe('imageMasking');
    expect(await registry.taskTypeOfKey('controlnet-preprocess')).toBe('controlNetPreprocess');
    expect(registry.version()).toBeUndefined();
    expect(registry.specificationVersion).toBe('v1');
    expect(lines.filter((l) => l.category === 'warn')).toHaveLength(1);
  });

  it('answers undefined for what it does not know, including prototype names', async () => {
    const registry = createRegistry({ schemasBaseUrl: await closedPortUrl() });
    for (const name of ['civitai:133005@782002', 'no-such-slug', 'constructor', '__proto__', 'toString', ''])
      expect(await registry.lookup(name)).toBeUndefined();
    expect(await registry.taskTypeOfKey('constructor')).toBeUndefined();
    expect(await registry.taskTypeOfKey('no-such-key')).toBeUndefined();
  });

  it('never treats an AIR-shaped string as a slug', async () => {
    const registry = createRegistry({
      schemasBaseUrl: await closedPortUrl(),
      bundled: { models: { 'a:1@1': { taskType: 'imageInference', slug: 'x:y@z' } } },
    });
    expect(await registry.lookup('x:y@z')).toBeUndefined();
    expect(await registry.lookup('a:1@1')).toEqual({
      air: 'a:1@1',
      taskType: 'imageInference',
      slug: 'x:y@z',
    });
  });

  it('takes custom bundled tables', async () => {
    const registry = createRegistry({
      schemasBaseUrl: await closedPortUrl(),
      bundled: {
        models: { 'acme:1@1': { taskType: 'videoInference', slug: 'acme-one' } },
        keys: { acme: 'videoInference' },
      },
    });
    expect(await registry.lookup('acme-one')).toEqual({
      air: 'acme:1@1',
      taskType: 'videoInference',
      slug: 'acme-one',
    });
    expect(await registry.lookup('runware:101@1')).toBeUndefined();
    expect(await registry.taskTypeOfKey('acme')).toBe('videoInference');
  });

  it('sends GET {schemasBaseUrl}/registry.json without credentials, trailing slash or not', async () => {
    const base = await closedPortUrl();
    const seen: { url: string; headers: Headers; method: string | undefined }[] = [];
    const record: typeof globalThis.fetch = async (input, init) => {
      seen.push({ url: String(input), headers: new Headers(init?.headers), method: init?.method });
      throw new TypeError('fetch failed');
    };
    await createRegistry({ schemasBaseUrl: `${base}/`, fetch: record }).lookup('runware:101@1');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe(`${base}/registry.json`);
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers.get('authorization')).toBeNull();
    expect(seen[0]?.headers.get('if-none-match')).toBeNull();
  });

  it('calls an injected fetch as a plain function (native fetch rejects method calls)', async () => {
    const thisValues: unknown[] = [];
    const strict = async function (this: unknown) {
      thisValues.push(this);
      throw new TypeError('offline');
    } as unknown as typeof globalThis.fetch;
    await createRegistry({ fetch: strict }).lookup('runware:101@1');
    expect(thisValues).toEqual([undefined]);
  });

  it('keeps working when the log sink throws', async () => {
    const registry = createRegistry({
      schemasBaseUrl: await closedPortUrl(),
      log: () => {
        throw new Error('broken sink');
      },
    });
    expect((await registry.lookup('bfl-flux-1-dev'))?.air).toBe('runware:101@1');
  });

  it('refuses nonsense durations with an invalidConfig RunwareError', () => {
    for (const options of [{ ttl: -1 }, { firstFetchTimeout: Number.NaN }]) {
      let thrown: unknown;
      try {
        createRegistry(options);
      } catch (error) {
        thrown = error;
      }
      expect(isRunwareError(thrown)).toBe(true);
      expect((thrown as { rawCode: string }).rawCode).toBe('invalidConfig');
    }
  });

  it('rejects refresh() with code connection when the service cannot be reached, and still answers', async () => {
    const counting = countingFetch();
    const registry = createRegistry({ schemasBaseUrl: await closedPortUrl(), fetch: counting.fetch });
    const error = await registry.refresh().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isRunwareError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'connection', rawCode: 'connectionFailed' });
    expect((await registry.lookup('bfl-flux-1-dev'))?.taskType).toBe('imageInference');
    // The failed refresh counted as the first fetch, and the next attempt backs off.
    expect(counting.seen).toHaveLength(1);
  });
});
