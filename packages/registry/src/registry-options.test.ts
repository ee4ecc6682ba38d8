import { resolveConfig } from '@runware/core';
import { describe, expect, it } from 'vitest';
import { createRegistry } from './create-registry';
import type { RegistryOptions } from './registry-options';

/** A registry.json service in-process: every call answers a small list and is counted. */
function registryService() {
  const urls: string[] = [];
  const fetch: typeof globalThis.fetch = async (input) => {
    urls.push(String(input));
    return new Response(
      JSON.stringify({ version: '1', models: { 'acme:1@1': { taskType: 'imageInference' } } }),
      {
        status: 200,
      },
    );
  };
  return { fetch, urls };
}

function manualClock() {
  let now = 1_000_000;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

function captureLog() {
  const lines: { category: string; message: string }[] = [];
  return { lines, log: (category: string, message: string) => void lines.push({ category, message }) };
}

describe('registry options', () => {
  it.each(['ttl', 'ttlMs'] as const)('%s sets how long the remote list stays fresh', async (name) => {
    const service = registryService();
    const clock = manualClock();
    const registry = createRegistry({ fetch: service.fetch, now: clock.now, [name]: 1_000 });
    expect(await registry.lookup('acme:1@1')).toMatchObject({ taskType: 'imageInference' });
    clock.advance(999);
    await registry.lookup('acme:1@1');
    expect(service.urls).toHaveLength(1);
    clock.advance(1);
    await registry.lookup('acme:1@1');
    expect(service.urls).toHaveLength(2);
  });

  it.each(['firstFetchTimeout', 'firstFetchTimeoutMs'] as const)(
    '%s bounds the wait of the first lookup',
    async (name) => {
      const lines = captureLog();
      const hanging: typeof globalThis.fetch = () => new Promise<Response>(() => undefined);
      const registry = createRegistry({ fetch: hanging, log: lines.log, [name]: 20 });
      expect(await registry.lookup('runware:101@1')).toMatchObject({ slug: 'bfl-flux-1-dev' });
      expect(lines.lines.some((line) => /did not answer within 20 ms/.test(line.message))).toBe(true);
    },
  );

  it('warns once about each deprecated name, and not at all about the current ones', async () => {
    const service = registryService();
    const old = captureLog();
    const registry = createRegistry({
      fetch: service.fetch,
      ttlMs: 60_000,
      firstFetchTimeoutMs: 500,
      log: old.log,
    });
    for (let i = 0; i < 5; i++) await registry.lookup('acme:1@1');
    await registry.refresh();
    const warnings = old.lines.filter((line) => line.category === 'warn').map((line) => line.message);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/`ttlMs` is deprecated; use `ttl`/);
    expect(warnings[1]).toMatch(/`firstFetchTimeoutMs` is deprecated; use `firstFetchTimeout`/);

    const current = captureLog();
    const fresh = createRegistry({
      fetch: service.fetch,
      ttl: 60_000,
      firstFetchTimeout: 500,
      log: current.log,
    });
    await fresh.lookup('acme:1@1');
    expect(current.lines.filter((line) => line.category === 'warn')).toEqual([]);
  });

  it('prefers the current name when both are given', async () => {
    const service = registryService();
    const clock = manualClock();
    const { lines, log } = captureLog();
    const registry = createRegistry({ fetch: service.fetch, now: clock.now, ttl: 1_000, ttlMs: 60_000, log });
    await registry.lookup('acme:1@1');
    clock.advance(1_000);
    await registry.lookup('acme:1@1');
    expect(service.urls).toHaveLength(2);
    expect(lines.filter((line) => line.category === 'warn')).toEqual([]);
  });

  it.each<[RegistryOptions, string]>([
    [{ ttl: -1 }, 'ttl'],
    [{ ttlMs: Number.NaN }, 'ttlMs'],
    [{ firstFetchTimeout: Number.POSITIVE_INFINITY }, 'firstFetchTimeout'],
    [{ firstFetchTimeoutMs: '3000' as unknown as number }, 'firstFetchTimeoutMs'],
    [{ schemasBaseUrl: 'ftp://schemas.example' }, 'schemasBaseUrl'],
    [{ fetch: 'fetch' as unknown as typeof globalThis.fetch }, 'fetch'],
    [{ log: {} as unknown as RegistryOptions['log'] }, 'log'],
  ])('refuses %j with an invalidConfig error naming %s', (options, field) => {
    expect(() => createRegistry(options)).toThrow(
      expect.objectContaining({
        rawCode: 'invalidConfig',
        parameter: field,
        message: expect.stringContaining(field),
      }),
    );
  });

  it('takes a whole resolved client config, and keeps its API key out of the log', async () => {
    const apiKey = 'registry-options-secret-key-0123456789';
    const config = resolveConfig({ apiKey, schemasBaseUrl: 'https://schemas.example/v2/' });
    const urls: string[] = [];
    const failing: typeof globalThis.fetch = async (input) => {
      urls.push(String(input));
      throw new TypeError(`connect failed for ${apiKey}`);
    };
    const { lines, log } = captureLog();
    const registry = createRegistry({ ...config, fetch: failing, log });
    expect(await registry.lookup('runware:101@1')).toMatchObject({ slug: 'bfl-flux-1-dev' });
    expect(urls).toEqual(['https://schemas.example/v2/registry.json']);
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(lines)).not.toContain(apiKey);
  });
});
