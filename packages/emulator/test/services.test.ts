import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayZeroModel, imageTask, useEmulator } from '../src/testing/index';
import { emulatorOptions, json, post, uuid } from './support/emulator';

const emulator = useEmulator({ beforeAll, afterAll }, emulatorOptions());

describe('schemas service', () => {
  it('serves registry.json with an ETag, and 304 for a matching If-None-Match', async () => {
    const first = await fetch(`${emulator.schemasUrl}/registry.json`);
    const etag = first.headers.get('etag') ?? '';
    const body = await json(first);
    expect(Object.keys(body.models)).toHaveLength(350);
    expect(body.models['runware:400@1']).toMatchObject({
      taskType: 'imageInference',
      id: expect.any(String),
    });
    expect(body.architectureTaskTypes.sdxl).toBe('imageInference');
    expect(body.modalityTaskTypes['3d']).toBe('3dInference');
    const again = await fetch(`${emulator.schemasUrl}/registry.json`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('bumps the version when a model is added at runtime, and the model becomes runnable', async () => {
    const before = (await json(fetch(`${emulator.schemasUrl}/registry.json`))).version;
    const unknown = await post(emulator, [
      { taskType: 'imageInference', taskUUID: uuid(), model: 'newprovider:1@1', deliveryMethod: 'sync' },
    ]);
    expect(unknown.body.errors?.[0]?.code).toBe('modelNotFound');
    const added = await emulator.control.addModel(dayZeroModel);
    expect(added.registryVersion).not.toBe(before);
    const registry = await json(fetch(`${emulator.schemasUrl}/registry.json`));
    expect(registry.models['newprovider:1@1']).toEqual({ taskType: 'imageInference', id: 'newprovider-one' });
    const run = await post(emulator, [
      imageTask({ model: 'newprovider:1@1', width: 8, height: 8, deliveryMethod: 'sync' }),
    ]);
    expect(run.status).toBe(200);
  });

  it('resolves curated and community models, and 404s unknown ones', async () => {
    const curated = await json(
      fetch(`${emulator.schemasUrl}/resolve/${encodeURIComponent('runware:400@1')}`),
    );
    expect(curated.requestSchema.required).toContain('model');
    expect(curated.documentation).toMatch(/^https:\/\/runware\.ai\/docs\/models\//);
    const community = await json(
      fetch(`${emulator.schemasUrl}/resolve/${encodeURIComponent('civitai:133005@782002')}`),
    );
    expect(community.requestSchema.required).toEqual(
      expect.arrayContaining(['positivePrompt', 'width', 'height']),
    );
    expect((await fetch(`${emulator.schemasUrl}/resolve/${encodeURIComponent('civitai:1@1')}`)).status).toBe(
      404,
    );
  });
});

describe('content service', () => {
  it('is mounted under /content and needs no key', async () => {
    const list = await fetch(`${emulator.contentUrl}/models?paginate=true&limit=5`);
    expect(list.status).toBe(200);
    const page = await json(list);
    expect(page).toMatchObject({ limit: 5, offset: 0, total: expect.any(Number) });
    expect(page.items).toHaveLength(5);
    const slug = page.items[0].model;
    expect((await json(fetch(`${emulator.contentUrl}/models/${slug}`))).model).toBe(slug);
    expect((await fetch(`${emulator.contentUrl}/models/no-such-model`)).status).toBe(404);
  });

  it('serves every asset and guide URL the catalog hands out', async () => {
    const models = await json(fetch(`${emulator.contentUrl}/models?limit=3`));
    for (const model of models) {
      const cover = await fetch(model.coverImage);
      expect(cover.headers.get('content-type'), model.coverImage).toMatch(/^image\//);
      expect((await cover.arrayBuffer()).byteLength).toBeGreaterThan(100);
      for (const guide of await json(fetch(`${emulator.contentUrl}/models/${model.model}/guides`))) {
        expect((await fetch(guide.url)).status, guide.url).toBe(200);
      }
    }
    const creators = await json(fetch(`${emulator.contentUrl}/creators`));
    expect((await fetch(creators[0].logo)).headers.get('content-type')).toBe('image/svg+xml');
  });
});

describe('media and misc routes', () => {
  it('404s unknown media and unknown paths', async () => {
    expect((await fetch(`${emulator.httpUrl.replace('/v1', '')}/media/${uuid()}.png`)).status).toBe(404);
    expect((await fetch(`${emulator.httpUrl.replace('/v1', '')}/nothing`)).status).toBe(404);
    expect((await fetch(emulator.httpUrl)).status).toBe(405);
  });
});

describe('control API', () => {
  it('counts requests by task type and transport, getResponse requests vs polls, and tasks per request', async () => {
    await emulator.control.reset();
    const tasks = Array.from({ length: 4 }, () =>
      imageTask({ width: 8, height: 8, deliveryMethod: 'async' }),
    );
    await post(emulator, tasks);
    await post(
      emulator,
      tasks.map((t) => ({ taskType: 'getResponse', taskUUID: t.taskUUID })),
    );
    const stats = await emulator.control.stats();
    expect(stats.requests.rest).toBe(2);
    expect(stats.tasks.byTaskType.imageInference).toBe(4);
    expect(stats.getResponse).toMatchObject({ requests: 1, polls: 4 });
    expect(stats.tasksPerRequest.max).toBe(4);
  });

  it('captures requests with keys redacted, and reset clears everything', async () => {
    await post(
      emulator,
      [
        { taskType: 'authentication', apiKey: emulator.apiKey },
        { taskType: 'ping', ping: true },
      ],
      null,
    );
    const requests = await emulator.control.requests();
    const last = requests.at(-1);
    expect(last?.body).toEqual([
      { taskType: 'authentication', apiKey: '[redacted]' },
      { taskType: 'ping', ping: true },
    ]);
    expect(JSON.stringify(requests)).not.toContain(emulator.apiKey);
    await emulator.control.reset();
    expect(await emulator.control.requests()).toEqual([]);
  });
});
