import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageTask, startTestEmulator, useEmulator } from '../src/testing/index';
import { emulatorOptions, pollUntilDone, post, uuid } from './support/emulator';

const emulator = useEmulator({ beforeAll, afterAll }, emulatorOptions({ apiKeys: ['second-key'] }));
const image = (extra: Record<string, unknown> = {}) => imageTask({ width: 64, height: 48, ...extra });

describe('REST authentication', () => {
  it('accepts a Bearer key and the authentication task in the payload', async () => {
    expect((await post(emulator, [image({ deliveryMethod: 'sync' })])).status).toBe(200);
    const viaPayload = await post(
      emulator,
      [{ taskType: 'authentication', apiKey: 'second-key' }, image({ deliveryMethod: 'sync' })],
      null,
    );
    expect(viaPayload.status).toBe(200);
    expect(viaPayload.body.data).toHaveLength(1);
  });

  it('answers 401 with the documented error shape, never echoing the key', async () => {
    const missing = await post(emulator, [image()], null);
    expect(missing.status).toBe(401);
    expect(missing.body.errors?.[0]).toMatchObject({
      code: 'missingApiKey',
      parameter: 'apiKey',
      taskType: 'authentication',
    });
    const bad = await post(emulator, [image()], 'sk-not-a-real-key-123');
    expect(bad.status).toBe(401);
    expect(bad.body.errors?.[0]).toMatchObject({ code: 'invalidApiKey', parameter: 'apiKey' });
    expect(JSON.stringify(bad.body)).not.toContain('sk-not-a-real-key-123');
    const requests = await emulator.control.requests();
    expect(JSON.stringify(requests)).not.toContain('sk-not-a-real-key-123');
    expect(JSON.stringify(requests)).not.toContain('second-key');
  });
});

describe('sync delivery', () => {
  it('returns numberResults items, each a real image of the requested size and format', async () => {
    const task = image({ deliveryMethod: 'sync', numberResults: 3, outputFormat: 'PNG' });
    const { status, body } = await post(emulator, [task]);
    expect(status).toBe(200);
    expect(body.data).toHaveLength(3);
    const uuids = new Set(body.data?.map((i) => i.imageUUID));
    expect(uuids.size).toBe(3);
    for (const item of body.data ?? []) {
      expect(item).toMatchObject({ taskType: 'imageInference', taskUUID: task.taskUUID });
      const file = await fetch(String(item.imageURL));
      expect(file.headers.get('content-type')).toBe('image/png');
      const meta = await sharp(Buffer.from(await file.arrayBuffer())).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 64, 48]);
    }
  });

  it('honours outputType base64Data and dataURI, and includeCost', async () => {
    const base64 = (
      await post(emulator, [
        image({ deliveryMethod: 'sync', outputType: 'base64Data', outputFormat: 'WEBP', includeCost: true }),
      ])
    ).body.data?.[0];
    expect(base64?.imageURL).toBeUndefined();
    expect(typeof base64?.cost).toBe('number');
    const meta = await sharp(Buffer.from(String(base64?.imageBase64Data), 'base64')).metadata();
    expect([meta.format, meta.width]).toEqual(['webp', 64]);
    const dataUri = (await post(emulator, [image({ deliveryMethod: 'sync', outputType: 'dataURI' })])).body
      .data?.[0];
    expect(String(dataUri?.imageDataURI)).toMatch(/^data:image\/jpeg;base64,/);
    expect(dataUri?.cost).toBeUndefined();
  });

  it('is deterministic for a given seed and prompt, and differs for another seed', async () => {
    const bytes = async (seed: number) => {
      const item = (await post(emulator, [image({ deliveryMethod: 'sync', seed, outputType: 'base64Data' })]))
        .body.data?.[0];
      expect(item?.seed).toBe(seed);
      return String(item?.imageBase64Data);
    };
    expect(await bytes(42)).toBe(await bytes(42));
    expect(await bytes(42)).not.toBe(await bytes(43));
  });
});

describe('async delivery', () => {
  it('acknowledges at once, then getResponse shows the full state until every item succeeded', async () => {
    const task = image({ deliveryMethod: 'async', numberResults: 2 });
    const ack = await post(emulator, [task]);
    expect(ack.status).toBe(200);
    expect(ack.body.data).toEqual([{ taskType: 'imageInference', taskUUID: task.taskUUID }]);
    const first = await post(emulator, [{ taskType: 'getResponse', taskUUID: task.taskUUID }]);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.data?.every((i) => i.taskType === 'imageInference')).toBe(true);
    const done = await pollUntilDone(emulator, task.taskUUID);
    expect(done.map((i) => i.status)).toEqual(['success', 'success']);
    expect(done.every((i) => typeof i.imageURL === 'string' && typeof i.imageUUID === 'string')).toBe(true);
    const again = await post(emulator, [{ taskType: 'getResponse', taskUUID: task.taskUUID }]);
    expect(again.body.data?.map((i) => i.imageUUID)).toEqual(done.map((i) => i.imageUUID));
  });

  it('shows partial results: some items succeed while others still process', async () => {
    const slow = await startTestEmulator(emulatorOptions({ latency: { imageInference: 120 } }));
    try {
      const task = image({ deliveryMethod: 'async', numberResults: 3 });
      await post(slow, [task]);
      const states = new Set<string>();
      for (let i = 0; i < 400; i++) {
        const items =
          (await post(slow, [{ taskType: 'getResponse', taskUUID: task.taskUUID }])).body.data ?? [];
        states.add(items.map((x) => x.status).join(','));
        if (items.every((x) => x.status === 'success')) break;
        await new Promise((r) => setTimeout(r, 4));
      }
      expect(states).toContain('processing,processing,processing');
      expect([...states].some((s) => s.startsWith('success,') && s.includes('processing'))).toBe(true);
      expect(states).toContain('success,success,success');
    } finally {
      await slow.stop();
    }
  });

  it('polls several tasks in one request', async () => {
    const tasks = [image({ deliveryMethod: 'async' }), image({ deliveryMethod: 'async' })];
    await post(emulator, tasks);
    await pollUntilDone(emulator, tasks[1]?.taskUUID ?? '');
    const { body } = await post(
      emulator,
      tasks.map((t) => ({ taskType: 'getResponse', taskUUID: t.taskUUID })),
    );
    expect(body.data?.map((i) => i.taskUUID)).toEqual(tasks.map((t) => t.taskUUID));
  });

  it('answers taskNotFound for an unknown task, and for another key’s task', async () => {
    const unknown = await post(emulator, [{ taskType: 'getResponse', taskUUID: uuid() }]);
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors?.[0]).toMatchObject({ code: 'taskNotFound', parameter: 'taskUUID' });
    const mine = image({ deliveryMethod: 'async' });
    await post(emulator, [mine]);
    const theirs = await post(emulator, [{ taskType: 'getResponse', taskUUID: mine.taskUUID }], 'second-key');
    expect(theirs.body.errors?.[0]?.code).toBe('taskNotFound');
  });
});

describe('batches, conflicts and envelopes', () => {
  it('scopes errors per task: the valid task still runs, the status is non-2xx, errors carry the taskUUID', async () => {
    const good = image({ deliveryMethod: 'sync' });
    const bad = image({ deliveryMethod: 'sync', model: 'runware:999999@1' });
    const { status, body } = await post(emulator, [good, bad]);
    expect(status).toBe(404);
    expect(body.data?.map((i) => i.taskUUID)).toEqual([good.taskUUID]);
    expect(body.errors).toEqual([
      expect.objectContaining({
        code: 'modelNotFound',
        taskUUID: bad.taskUUID,
        taskType: 'imageInference',
        parameter: 'model',
      }),
    ]);
  });

  it('rejects a taskUUID submitted twice with conflictTaskUUID (409), leaving the first task intact', async () => {
    const task = image({ deliveryMethod: 'async' });
    expect((await post(emulator, [task])).status).toBe(200);
    const again = await post(emulator, [task]);
    expect(again.status).toBe(409);
    expect(again.body.errors?.[0]).toMatchObject({ code: 'conflictTaskUUID', taskUUID: task.taskUUID });
    expect((await pollUntilDone(emulator, task.taskUUID)).length).toBe(1);
  });

  it('answers malformed bodies with an error and keeps serving', async () => {
    const notJson = await post(emulator, '{"taskType":');
    expect([notJson.status, notJson.body.errors?.[0]?.code]).toEqual([400, 'invalidJson']);
    const notArray = await post(emulator, { taskType: 'ping' });
    expect([notArray.status, notArray.body.errors?.[0]?.code]).toEqual([400, 'invalidRequestFormat']);
    const noUuid = await post(emulator, [{ taskType: 'imageInference', model: 'runware:400@1' }]);
    expect(noUuid.body.errors?.[0]).toMatchObject({ code: 'missingTaskUUID', parameter: 'taskUUID' });
    const wrongTypes = await post(emulator, [42, null, 'x']);
    expect(wrongTypes.body.errors?.map((e) => e.code)).toEqual([
      'invalidRequestFormat',
      'invalidRequestFormat',
      'invalidRequestFormat',
    ]);
    expect((await post(emulator, [{ taskType: 'ping', ping: true }])).body.data).toEqual([
      { taskType: 'ping', pong: true },
    ]);
  });
});

describe('expiry', () => {
  it('forgets finished tasks after the TTL and says they expired', async () => {
    const short = await startTestEmulator(emulatorOptions({ resultTtlMs: 200 }));
    try {
      const task = image({ deliveryMethod: 'sync' });
      await post(short, [task]);
      const deadline = Date.now() + 5000;
      let code: unknown;
      while (Date.now() < deadline) {
        code = (await post(short, [{ taskType: 'getResponse', taskUUID: task.taskUUID }])).body.errors?.[0]
          ?.code;
        if (code) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(code).toBe('taskExpired');
      const stats = await short.control.stats();
      expect(stats.gauges.tasks).toBe(0);
    } finally {
      await short.stop();
    }
  });
});
