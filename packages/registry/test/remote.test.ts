import { dayZeroModel as newModel, useEmulator } from '@runware/emulator/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../src/index';
import { addNewModel, countingFetch, eventually, manualClock } from './support/helpers';

describe('the remote registry.json, served by the emulator', () => {
  const emulator = useEmulator({ beforeAll, afterAll, beforeEach });

  it('uses the remote list from the first lookup: its models, slugs, keys and version', async () => {
    const version = await addNewModel(emulator);
    const registry = createRegistry({ schemasBaseUrl: emulator.schemasUrl });
    expect(await registry.lookup('newprovider-one')).toEqual(newModel);
    expect(await registry.lookup('newprovider:1@1')).toEqual(newModel);
    expect(await registry.taskTypeOfKey('sdxl')).toBe('imageInference');
    expect(registry.version()).toBe(version);
  });

  it('lets the remote list override the bundled one', async () => {
    const registry = createRegistry({
      schemasBaseUrl: emulator.schemasUrl,
      bundled: {
        models: { 'runware:101@1': { taskType: 'videoInference', slug: 'old-slug' } },
        keys: { sdxl: 'videoInference', mine: 'audioInference' },
      },
    });
    expect(await registry.lookup('runware:101@1')).toEqual({
      air: 'runware:101@1',
      taskType: 'imageInference',
      slug: 'bfl-flux-1-dev',
    });
    expect(await registry.lookup('old-slug')).toBeUndefined();
    expect(await registry.lookup('bfl-flux-1-dev')).toMatchObject({ air: 'runware:101@1' });
    expect(await registry.taskTypeOfKey('sdxl')).toBe('imageInference');
    expect(await registry.taskTypeOfKey('mine')).toBe('audioInference');
  });

  it('finds a model added at runtime after refresh(), without a restart', async () => {
    const registry = createRegistry({ schemasBaseUrl: emulator.schemasUrl });
    expect(await registry.lookup('newprovider-one')).toBeUndefined();
    const before = registry.version();
    const version = await addNewModel(emulator);
    expect(await registry.lookup('newprovider-one')).toBeUndefined();
    await registry.refresh();
    expect(await registry.lookup('newprovider-one')).toEqual(newModel);
    expect(registry.version()).toBe(version);
    expect(version).not.toBe(before);
  });

  it('finds it through the background refresh once the TTL has passed, without waiting for it', async () => {
    const counting = countingFetch();
    const registry = createRegistry({
      schemasBaseUrl: emulator.schemasUrl,
      fetch: counting.fetch,
      ttl: 50,
    });
    await registry.lookup('runware:101@1');
    await addNewModel(emulator);
    expect(await registry.lookup('newprovider-one')).toBeUndefined();
    expect(counting.seen).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    // The stale lookup answers from the cache at once and starts one refresh behind it.
    expect(await registry.lookup('newprovider-one')).toBeUndefined();
    expect(counting.seen).toHaveLength(2);
    await eventually(async () => expect(await registry.lookup('newprovider-one')).toEqual(newModel));
  });

  it('revalidates with If-None-Match: a 304 keeps the cache and restarts the TTL', async () => {
    const counting = countingFetch();
    const clock = manualClock();
    const registry = createRegistry({
      schemasBaseUrl: emulator.schemasUrl,
      fetch: counting.fetch,
      ttl: 1_000,
      now: clock.now,
    });
    const version = await addNewModel(emulator);
    expect(await registry.lookup('newprovider-one')).toEqual(newModel);
    await registry.refresh();
    expect(counting.seen.map((s) => [s.status, s.ifNoneMatch])).toEqual([
      [200, null],
      [304, `"${version}"`],
    ]);
    expect(await registry.lookup('newprovider-one')).toEqual(newModel);
    expect(registry.version()).toBe(version);

    clock.advance(1_000);
    await registry.lookup('bfl-flux-1-dev');
    await counting.idle();
    expect(counting.seen.map((s) => s.status)).toEqual([200, 304, 304]);
    // The 304 counted as fresh: 999 ms later nothing is fetched.
    clock.advance(999);
    await registry.lookup('bfl-flux-1-dev');
    expect(counting.seen).toHaveLength(3);
    expect(await registry.lookup('newprovider-one')).toEqual(newModel);
  });

  it('makes one fetch for many concurrent lookups, first and stale alike', async () => {
    const counting = countingFetch();
    const clock = manualClock();
    const registry = createRegistry({
      schemasBaseUrl: emulator.schemasUrl,
      fetch: counting.fetch,
      ttl: 1_000,
      now: clock.now,
    });
    const first = await Promise.all(Array.from({ length: 100 }, () => registry.lookup('bfl-flux-1-dev')));
    expect(first.every((m) => m?.air === 'runware:101@1')).toBe(true);
    expect(counting.seen).toHaveLength(1);
    clock.advance(5_000);
    await Promise.all([
      ...Array.from({ length: 100 }, () => registry.lookup('bfl-flux-1-dev')),
      ...Array.from({ length: 100 }, () => registry.taskTypeOfKey('image')),
    ]);
    await counting.idle();
    expect(counting.seen).toHaveLength(2);
    for (let i = 0; i < 50; i++) await registry.lookup('bfl-flux-1-dev');
    expect(counting.seen).toHaveLength(2);
  });

  it('refreshes in the background when notified of a new version, once per version', async () => {
    const counting = countingFetch();
    const registry = createRegistry({ schemasBaseUrl: emulator.schemasUrl, fetch: counting.fetch });
    await registry.lookup('bfl-flux-1-dev');
    const current = registry.version();
    expect(current).toBeDefined();
    registry.notifyVersion(current ?? '');
    expect(counting.seen).toHaveLength(1);

    const version = await addNewModel(emulator);
    registry.notifyVersion(version);
    // Started by the notification itself, not by a later lookup.
    await eventually(() => expect(registry.version()).toBe(version));
    expect(counting.seen).toHaveLength(2);
    expect(await registry.lookup('newprovider-one')).toEqual(newModel);
    registry.notifyVersion(version);
    await registry.lookup('newprovider-one');
    expect(counting.seen).toHaveLength(2);
  });

  it('keeps caches per instance', async () => {
    const loaded = createRegistry({ schemasBaseUrl: emulator.schemasUrl });
    await addNewModel(emulator);
    expect(await loaded.lookup('newprovider-one')).toEqual(newModel);
    // Same service, but this one has not fetched yet (404 path): it knows only the bundled list.
    const offline = createRegistry({ schemasBaseUrl: `${emulator.schemasUrl}/nowhere` });
    expect(await offline.lookup('newprovider-one')).toBeUndefined();
    expect(offline.version()).toBeUndefined();
    expect((await emulator.control.stats()).gauges.registryVersion).toBe(loaded.version());
  });
});
