import { isRunwareError } from '@runware/core';
import { dayZeroModel as newModel, useEmulator } from '@runware/emulator/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../src/index';
import {
  addFault,
  addNewModel,
  captureLog,
  clearFaults,
  countingFetch,
  manualClock,
} from './support/helpers';

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('a registry service that is down, slow or wrong', () => {
  const emulator = useEmulator({ beforeAll, afterAll, beforeEach });

  it('falls back to the bundled list on 503, and refresh() rejects with the status', async () => {
    await addFault(emulator, { status: 503 });
    const { log, lines } = captureLog();
    const registry = createRegistry({ schemasBaseUrl: emulator.schemasUrl, log });
    expect(await registry.lookup('bfl-flux-1-dev')).toMatchObject({
      air: 'runware:101@1',
      taskType: 'imageInference',
    });
    expect(registry.version()).toBeUndefined();
    expect(lines.some((l) => l.category === 'warn' && /keeping the bundled list/.test(l.message))).toBe(true);

    const error = await rejection(registry.refresh());
    expect(isRunwareError(error)).toBe(true);
    expect(error).toMatchObject({ rawCode: 'httpError', statusCode: 503 });
    expect(await registry.taskTypeOfKey('image')).toBe('imageInference');
  });

  it('keeps the remote cache usable when refresh() fails later', async () => {
    const registry = createRegistry({ schemasBaseUrl: emulator.schemasUrl });
    const version = await addNewModel(emulator);
    await registry.refresh();
    await addFault(emulator, { status: 502 });
    expect(await rejection(registry.refresh())).toMatchObject({ statusCode: 502 });
    expect(await registry.lookup('newprovider-one')).toEqual(newModel);
    expect(registry.version()).toBe(version);
  });

  it('answers the first lookup within firstFetchTimeout of a slow registry, then never waits', async () => {
    await addFault(emulator, { delayMs: 5_000 });
    const { log, lines } = captureLog();
    const registry = createRegistry({ schemasBaseUrl: emulator.schemasUrl, log });
    const started = performance.now();
    const first = await registry.lookup('bfl-flux-1-dev');
    const firstMs = performance.now() - started;
    expect(first?.air).toBe('runware:101@1');
    // Default bound 3000 ms: not answered early (the list was given its chance), not late.
    expect(firstMs).toBeGreaterThanOrEqual(2_900);
    expect(firstMs).toBeLessThan(4_500);
    const again = performance.now();
    await registry.lookup('runware:101@1');
    expect(performance.now() - again).toBeLessThan(50);
    expect(lines.find((l) => /did not answer within 3000 ms/.test(l.message))).toBeDefined();
  });

  it('logs a failed background refresh instead of throwing, and backs off ttl/10 before retrying', async () => {
    const counting = countingFetch();
    const clock = manualClock();
    const { log, lines } = captureLog();
    const registry = createRegistry({
      schemasBaseUrl: emulator.schemasUrl,
      fetch: counting.fetch,
      ttl: 1_000,
      now: clock.now,
      log,
    });
    const version = await addNewModel(emulator);
    expect(await registry.lookup('newprovider-one')).toEqual(newModel);
    await addFault(emulator, { status: 503 });
    clock.advance(1_000);
    expect(await registry.lookup('newprovider-one')).toEqual(newModel);
    await counting.idle();
    expect(counting.seen.map((s) => s.status)).toEqual([200, 503]);
    expect(lines.filter((l) => l.category === 'warn')).toHaveLength(1);

    for (let i = 0; i < 50; i++) expect(await registry.lookup('newprovider-one')).toEqual(newModel);
    clock.advance(99);
    await registry.lookup('newprovider-one');
    expect(counting.seen).toHaveLength(2);
    clock.advance(1);
    await registry.lookup('newprovider-one');
    await counting.idle();
    expect(counting.seen.map((s) => s.status)).toEqual([200, 503, 503]);

    await clearFaults(emulator);
    clock.advance(100);
    await registry.lookup('newprovider-one');
    await counting.idle();
    expect(counting.seen.map((s) => s.status)).toEqual([200, 503, 503, 304]);
    expect(registry.version()).toBe(version);
  });

  it('backs off after a failed first fetch too', async () => {
    await addFault(emulator, { status: 500 });
    const counting = countingFetch();
    const clock = manualClock();
    const registry = createRegistry({
      schemasBaseUrl: emulator.schemasUrl,
      fetch: counting.fetch,
      now: clock.now,
    });
    for (let i = 0; i < 20; i++) await registry.lookup('bfl-flux-1-dev');
    expect(counting.seen).toHaveLength(1);
    await clearFaults(emulator);
    clock.advance(30_000); // default ttl 300 000 ms / 10
    await registry.lookup('bfl-flux-1-dev');
    await counting.idle();
    expect(counting.seen.map((s) => s.status)).toEqual([500, 200]);
    expect(registry.version()).toBeDefined();
  });

  it('ignores a malformed registry.json with a warning and keeps the list it has', async () => {
    const bodies: Record<number, string> = {
      2: '{"version": "9", "models": ',
      3: JSON.stringify({ version: '9', models: ['runware:101@1'] }),
      4: JSON.stringify({ version: '9', models: {}, modalityTaskTypes: 'image' }),
    };
    const counting = countingFetch((call) => {
      const body = bodies[call];
      return body === undefined ? undefined : new Response(body, { status: 200, headers: { etag: '"9"' } });
    });
    const { log, lines } = captureLog();
    const registry = createRegistry({ schemasBaseUrl: emulator.schemasUrl, fetch: counting.fetch, log });
    const version = await addNewModel(emulator);
    expect(await registry.lookup('newprovider-one')).toEqual(newModel);

    for (const _ of [2, 3, 4]) {
      const error = await rejection(registry.refresh());
      expect(isRunwareError(error)).toBe(true);
      expect(error).toMatchObject({ rawCode: 'parseError' });
    }
    const warnings = lines.filter((l) => l.category === 'warn').map((l) => l.message);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/malformed \(not JSON/);
    expect(warnings[1]).toMatch(/`models` is not an object/);
    expect(warnings[2]).toMatch(/`modalityTaskTypes` is not an object/);
    expect(await registry.lookup('newprovider-one')).toEqual(newModel);
    expect(registry.version()).toBe(version);
    // The bad ETag was not adopted: the next revalidation still names the good list.
    await registry.refresh();
    expect(counting.seen.at(-1)).toMatchObject({ status: 304, ifNoneMatch: `"${version}"` });
  });

  it('skips single bad entries but keeps the rest of the list', async () => {
    const body = {
      version: 'custom-1',
      models: {
        'acme:1@1': { taskType: 'videoInference', id: 'acme-one' },
        'acme:2@1': { taskType: 5 },
        'acme:3@1': null,
      },
      architectureTaskTypes: { acme: 'videoInference', broken: 7 },
    };
    const { log, lines } = captureLog();
    const registry = createRegistry({
      fetch: async () => new Response(JSON.stringify(body), { status: 200 }),
      log,
    });
    expect(await registry.lookup('acme-one')).toEqual({
      air: 'acme:1@1',
      taskType: 'videoInference',
      slug: 'acme-one',
    });
    expect(await registry.lookup('acme:2@1')).toBeUndefined();
    expect(await registry.taskTypeOfKey('acme')).toBe('videoInference');
    expect(await registry.lookup('bfl-flux-1-dev')).toMatchObject({ air: 'runware:101@1' });
    expect(registry.version()).toBe('custom-1');
    expect(lines.find((l) => l.category === 'warn')?.data).toEqual({ skipped: 3 });
  });
});
