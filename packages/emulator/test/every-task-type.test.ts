import { taskTypeSchemaKeys } from '@runware/types';
import snapshot from '@runware/types/api-snapshot.json' with { type: 'json' };
import Ajv2019 from 'ajv/dist/2019.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageTask, startTestEmulator, useEmulator } from '../src/testing/index';
import { emulatorOptions, pollUntilDone, post, uuid } from './support/emulator';

const emulator = useEmulator({ beforeAll, afterAll }, emulatorOptions());
let inputImage: string;
const ajv = new Ajv2019({ strict: false, allErrors: true });
const sections = {
  ...snapshot.architectures,
  ...snapshot.modalities,
  ...snapshot.operations,
  ...snapshot.utilities,
} as Record<string, { responseSchema: object }>;

/** The first curated model of a task type, read from the snapshot, not hard-coded. */
function modelFor(taskType: string): string {
  const found = Object.entries(snapshot.models).find(([, m]) => m.taskType === taskType);
  if (!found) throw new Error(`no curated ${taskType} model`);
  return found[0];
}

/**
 * Checks an item against the snapshot's response schema of its task type. `status` is poll
 * metadata unless the schema itself lists it (modelUpload's stages).
 */
function expectConformant(taskType: string, item: Record<string, unknown>) {
  const key = (taskTypeSchemaKeys as Record<string, string>)[taskType] ?? taskType;
  const schema = sections[key]?.responseSchema as { properties?: Record<string, unknown> } | undefined;
  if (!schema) throw new Error(`no response schema for ${taskType}`);
  const { status, ...rest } = item;
  const fields = schema.properties?.status ? item : rest;
  void status;
  const validate = ajv.compile(schema);
  expect(validate(fields), `${taskType}: ${JSON.stringify(validate.errors)}`).toBe(true);
}

beforeAll(async () => {
  const png = (
    await post(emulator, [
      imageTask({
        width: 40,
        height: 30,
        outputType: 'dataURI',
        outputFormat: 'PNG',
        deliveryMethod: 'sync',
      }),
    ])
  ).body.data?.[0];
  const upload = await post(emulator, [
    { taskType: 'imageUpload', taskUUID: uuid(), image: png?.imageDataURI },
  ]);
  inputImage = String(upload.body.data?.[0]?.imageUUID);
});

const inference: [string, () => Record<string, unknown>][] = [
  ['imageInference', () => ({ positivePrompt: 'a fox', width: 128, height: 64 })],
  ['videoInference', () => ({ positivePrompt: 'waves', duration: 1, deliveryMethod: 'async' })],
  ['audioInference', () => ({ positivePrompt: 'a calm voice', outputFormat: 'WAV', duration: 1 })],
  ['textInference', () => ({ messages: [{ role: 'user', content: 'Explain gravity' }] })],
  ['3dInference', () => ({ positivePrompt: 'a chair' })],
  ['caption', () => ({ inputs: { image: inputImage } })],
  ['promptEnhance', () => ({ prompt: 'a cat', promptVersions: 2 })],
  ['vectorize', () => ({ inputs: { image: inputImage } })],
  ['controlNetPreprocess', () => ({ inputs: { image: inputImage } })],
  ['imageMasking', () => ({ inputs: { image: inputImage } })],
  ['removeBackground', () => ({ inputs: { image: inputImage }, outputFormat: 'PNG' })],
  ['training', () => ({ deliveryMethod: 'async' })],
];

describe('every inference and processing task type', () => {
  it.each(inference)('%s runs and its items match the snapshot response schema', async (taskType, params) => {
    const task = {
      taskType,
      taskUUID: uuid(),
      model: modelFor(taskType),
      deliveryMethod: 'sync',
      ...params(),
    };
    const first = await post(emulator, [task]);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const items =
      task.deliveryMethod === 'async'
        ? await pollUntilDone(emulator, task.taskUUID)
        : (first.body.data ?? []);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.taskUUID).toBe(task.taskUUID);
      expectConformant(taskType, item);
    }
    if (taskType === 'promptEnhance') expect(items).toHaveLength(2);
  });

  it('upscales an uploaded image by the factor (image fields, see the README on the snapshot quirk)', async () => {
    const task = {
      taskType: 'upscale',
      taskUUID: uuid(),
      model: modelFor('upscale'),
      inputs: { image: inputImage },
      upscaleFactor: 2,
      outputFormat: 'PNG',
      deliveryMethod: 'sync',
    };
    const item = (await post(emulator, [task])).body.data?.[0];
    const bytes = Buffer.from(await (await fetch(String(item?.imageURL))).arrayBuffer());
    const { default: sharp } = await import('sharp');
    const meta = await sharp(bytes).metadata();
    expect([meta.width, meta.height]).toEqual([80, 60]);
  });

  it('reports training progress while it runs, then the trained model is runnable', async () => {
    const task = {
      taskType: 'training',
      taskUUID: uuid(),
      model: modelFor('training'),
      deliveryMethod: 'async',
    };
    // Its own emulator with a long training run: on a loaded machine one poll can outlast the
    // shared emulator's 60 ms training, and the test would see no progress at all.
    const slow = await startTestEmulator(emulatorOptions({ latency: { training: 1500 } }));
    try {
      await post(slow, [task]);
      const seen = new Set<number>();
      let done: Record<string, unknown>[] = [];
      for (let i = 0; i < 400 && done.length === 0; i++) {
        const items =
          (await post(slow, [{ taskType: 'getResponse', taskUUID: task.taskUUID }])).body.data ?? [];
        for (const item of items) if (typeof item.progress === 'number') seen.add(item.progress);
        if (items.every((x) => x.status === 'success')) done = items;
        else await new Promise((r) => setTimeout(r, 20));
      }
      expect(seen.size).toBeGreaterThan(0);
      const air = String(done[0]?.air);
      const run = await post(slow, [
        imageTask({ model: air, positivePrompt: 'x', width: 8, height: 8, deliveryMethod: 'sync' }),
      ]);
      expect(run.status).toBe(200);
    } finally {
      await slow.stop();
    }
  });
});

describe('utilities', () => {
  const run = async (task: Record<string, unknown>) => {
    const { status, body } = await post(emulator, [{ taskUUID: uuid(), ...task }]);
    expect(status, JSON.stringify(body)).toBe(200);
    for (const item of body.data ?? []) expectConformant(String(task.taskType), item);
    return body.data ?? [];
  };

  it('modelSearch finds curated and community models with filters', async () => {
    const [all] = await run({ taskType: 'modelSearch', search: 'community', limit: 3 });
    expect(all?.totalResults).toBeGreaterThan(3);
    expect(all?.results).toHaveLength(3);
    const [loras] = await run({
      taskType: 'modelSearch',
      search: 'detail',
      category: 'lora',
      architecture: 'sd-1-5',
      limit: 100,
    });
    const found = (loras?.results ?? []) as { air: string; category: string; architecture: string }[];
    expect(found.length).toBeGreaterThan(1);
    for (const model of found) expect(model).toMatchObject({ category: 'lora', architecture: 'sd-1-5' });
    expect(found.map((r) => r.air)).toContain('civitai:58390@62833');
  });

  it('modelUpload reports its stages and ends ready with an AIR that can then run', async () => {
    const items = await run({
      taskType: 'modelUpload',
      category: 'checkpoint',
      architecture: 'sdxl',
      format: 'safetensors',
      name: 'Mine',
      version: '1',
      downloadURL: 'https://example.invalid/m.safetensors',
      air: 'me:mine@1',
    });
    expect(items.map((i) => i.status)).toEqual(['validated', 'downloaded', 'optimized', 'stored', 'ready']);
    const generated = await post(emulator, [
      imageTask({ model: 'me:mine@1', positivePrompt: 'p', width: 8, height: 8, deliveryMethod: 'sync' }),
    ]);
    expect(generated.status).toBe(200);
  });

  it('imageUpload and mediaStorage store media usable by UUID, and delete removes it', async () => {
    const [stored] = await run({
      taskType: 'mediaStorage',
      operation: 'upload',
      media: 'https://example.invalid/photo.jpg',
    });
    const mediaUUID = String(stored?.mediaUUID);
    expect((await fetch(String(stored?.mediaURL))).status).toBe(200);
    const used = await post(emulator, [
      {
        taskType: 'caption',
        taskUUID: uuid(),
        model: modelFor('caption'),
        inputs: { image: mediaUUID },
        deliveryMethod: 'sync',
      },
    ]);
    expect(used.status).toBe(200);
    await run({ taskType: 'mediaStorage', operation: 'delete', media: mediaUUID });
    const after = await post(emulator, [
      {
        taskType: 'caption',
        taskUUID: uuid(),
        model: modelFor('caption'),
        inputs: { image: mediaUUID },
        deliveryMethod: 'sync',
      },
    ]);
    expect(after.body.errors?.[0]?.code).toBe('mediaNotFound');
  });

  it('accountManagement answers details and usage, and bounds the usage window', async () => {
    const [details] = await run({ taskType: 'accountManagement', operation: 'getDetails' });
    expect(details?.balance).toMatchObject({ currency: 'USD' });
    await run({
      taskType: 'accountManagement',
      operation: 'getUsageActivity',
      startDate: '2026-11-01',
      endDate: '2026-11-20',
    });
    const tooLong = await post(emulator, [
      {
        taskType: 'accountManagement',
        taskUUID: uuid(),
        operation: 'getUsageErrors',
        startDate: '2026-01-01',
        endDate: '2026-11-20',
      },
    ]);
    expect(tooLong.body.errors?.[0]).toMatchObject({ code: 'invalidDateRange' });
  });

  it('getTaskDetails returns the archived request and response', async () => {
    const task = imageTask({ width: 8, height: 8, deliveryMethod: 'sync' });
    await post(emulator, [task]);
    const [details] = await run({ taskType: 'getTaskDetails', taskUUID: task.taskUUID });
    expect(details?.request).toEqual([task]);
    expect((details?.response as { data: unknown[] } | undefined)?.data).toHaveLength(1);
  });
});
