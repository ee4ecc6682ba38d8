import { dayZeroModel } from '@runware/emulator/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../src/index';
import { failure, useHarness } from './support/harness';

const h = useHarness();

beforeEach(async () => {
  await h.control.reset();
});

describe('live model registry', () => {
  it('makes a model added at runtime runnable after refreshRegistry(), without a restart', async () => {
    const client = await h.clientWith({});
    await client.run({ model: 'runware:400@1', width: 16, height: 16, deliveryMethod: 'sync' });
    await h.control.addModel(dayZeroModel);
    expect((await failure(client.run({ model: 'newprovider-one', width: 16, height: 16 }))).code).toBe(
      'notFound',
    );
    await client.refreshRegistry();
    const [image] = await client.run({
      model: 'newprovider-one',
      width: 16,
      height: 16,
      deliveryMethod: 'sync',
    });
    expect(image?.taskType).toBe('imageInference');
    const sent = await h.control.tasks();
    expect(sent.at(-1)?.model).toBe('newprovider:1@1');
  });

  it('picks the new model up through the background refresh with a short TTL', async () => {
    const registry = createRegistry({ schemasBaseUrl: h.emulator.schemasUrl, ttl: 100 });
    const client = await h.clientWith({ registry });
    await client.run({ model: 'runware:400@1', width: 16, height: 16, deliveryMethod: 'sync' });
    await h.control.addModel(dayZeroModel);
    await new Promise((r) => setTimeout(r, 150));
    // A lookup after the TTL starts a refresh in the background; a later one sees its result.
    await client.run({ model: 'runware:400@1', width: 16, height: 16, deliveryMethod: 'sync' });
    await expect
      .poll(
        async () =>
          (
            await client
              .run({ model: 'newprovider:1@1', width: 16, height: 16, deliveryMethod: 'sync' })
              .catch(() => [])
          )[0]?.taskType,
        { timeout: 3000 },
      )
      .toBe('imageInference');
  });

  it('falls back to the bundled list when the registry is down, without delaying the first call past the bound', async () => {
    await h.control.addFaults([{ kind: 'serviceError', service: 'schemas', delayMs: 5000 }]);
    const registry = createRegistry({ schemasBaseUrl: h.emulator.schemasUrl, firstFetchTimeout: 300 });
    const client = await h.clientWith({ registry });
    const started = Date.now();
    await client.run({ model: 'bfl-flux-2-dev', width: 16, height: 16, deliveryMethod: 'sync' });
    expect(Date.now() - started).toBeLessThan(1500);
    expect((await h.control.tasks())[0]?.model).toBe('runware:400@1');
    await h.control.clearFaults();
  });
});

describe('client-side validation', () => {
  const sdxl = (extra: Record<string, unknown>) => ({
    model: 'civitai:133005@782002',
    taskType: 'imageInference' as const,
    positivePrompt: 'portrait',
    width: 1024,
    height: 1024,
    ...extra,
  });

  it('catches a wrong type, a missing field and a bad enum offline, before anything is sent', async () => {
    const client = await h.clientWith({ validate: true });
    const wrongType = await failure(
      client.run({ model: 'runware:400@1', numberResults: 'three' as unknown as number }),
    );
    // Caught at the door (every call checks numberResults), before the schema is even loaded.
    expect(wrongType).toMatchObject({ code: 'validation', parameter: 'numberResults' });
    const missing = await failure(client.run({ model: 'google:gemma@4-31b' }));
    expect(missing).toMatchObject({ code: 'validation', parameter: 'messages', taskType: 'textInference' });
    const badEnum = await failure(client.run({ model: 'runware:400@1', outputFormat: 'GIF' as never }));
    expect(badEnum).toMatchObject({ code: 'validation', parameter: 'outputFormat' });
    expect(badEnum.validationErrors?.[0]).toMatchObject({ path: 'outputFormat', rule: 'enum' });
    expect(badEnum.documentation).toMatch(
      /^https:\/\/runware\.ai\/docs\/models\/bfl-flux-2-dev#request-outputformat$/,
    );
    expect((await h.control.stats()).tasks.total).toBe(0);
  });

  it('overrides the config per call, both ways', async () => {
    const on = await h.clientWith({ validate: true });
    const off = await h.clientWith({ validate: false });
    const bad = sdxl({ scheduler: 'Eulerr', deliveryMethod: 'sync' });
    expect((await failure(off.run(bad, { validate: true }))).statusCode).toBeUndefined();
    expect((await h.control.stats()).tasks.total).toBe(0);
    expect((await failure(on.run(bad, { validate: false }))).statusCode).toBe(400);
    expect((await h.control.stats()).tasks.total).toBe(1);
  });

  it('validates a community model through /resolve, and sends anyway when resolve is unavailable', async () => {
    const client = await h.clientWith({ validate: true });
    const caught = await failure(client.run(sdxl({ width: '1024' as unknown as number })));
    expect(caught).toMatchObject({ code: 'validation', parameter: 'width' });
    expect((await h.control.stats()).tasks.total).toBe(0);
    await h.control.addFaults([{ kind: 'serviceError', service: 'schemas', status: 503 }]);
    const fresh = await h.clientWith({ validate: true });
    const fromServer = await failure(
      fresh.run({
        model: 'civitai:4384@128713',
        taskType: 'imageInference',
        width: 64,
        height: 64,
        deliveryMethod: 'sync',
      }),
    );
    expect(fromServer).toMatchObject({ code: 'validation', parameter: 'positivePrompt', statusCode: 400 });
    expect((await h.control.stats()).tasks.total).toBe(1);
    await h.control.clearFaults();
  });

  it('links a service error of a model validation resolved to the docs URL /resolve gave', async () => {
    const client = await h.clientWith({ validate: true });
    // The registry is loaded before the model exists, so only /resolve knows its docs page.
    await client.run({ model: 'runware:400@1', positivePrompt: 'x', width: 64, height: 64 });
    await h.control.addModel(dayZeroModel);
    await h.control.addFaults([{ kind: 'itemError', code: 'inferenceError', count: 1 }]);
    const error = await failure(
      client.run({
        model: dayZeroModel.air,
        taskType: 'imageInference',
        positivePrompt: 'x',
        width: 64,
        height: 64,
      }),
    );
    expect(error.rawCode).toBe('inferenceError');
    expect(error.documentation).toBe(`https://runware.ai/docs/models/${dayZeroModel.slug}`);
  });
});
