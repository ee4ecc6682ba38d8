import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createClient, type LogEntry, type ResultItem, type ValidatorV1 } from '../src/index';
import { failure, useHarness } from './support/harness';

// Videos take 1.5 s here: long enough to abort or time out while polling.
const h = useHarness({ latency: { default: 5, imageInference: 20, videoInference: 1500, training: 1500 } });
const image = (extra: Record<string, unknown> = {}) => ({
  model: 'runware:400@1',
  positivePrompt: 'a fox',
  width: 32,
  height: 32,
  ...extra,
});

beforeEach(async () => {
  await h.control.reset();
});

describe('run()', () => {
  it('sends async by default, polls, and resolves with numberResults items in order', async () => {
    const results = await h.client.run(image({ numberResults: 3 }));
    expect(results).toHaveLength(3);
    expect(results.every((r) => typeof r.imageURL === 'string')).toBe(true);
    const [sent] = await h.control.tasks();
    expect(sent).toMatchObject({
      taskType: 'imageInference',
      deliveryMethod: 'async',
      model: 'runware:400@1',
      numberResults: 3,
    });
    expect(sent?.taskUUID).toMatch(/^[0-9a-f-]{36}$/);
    const state = await h.client.getResponse({ taskUUID: String(sent?.taskUUID) });
    expect(results.map((r) => r.imageUUID)).toEqual(state.map((s) => (s as ResultItem).imageUUID));
  });

  it('honours deliveryMethod sync: one request, no polling', async () => {
    const [result] = await h.client.run(image({ deliveryMethod: 'sync' }));
    expect(result?.taskType).toBe('imageInference');
    const mine = (await h.control.tasks()).filter((task) => task.taskUUID === result?.taskUUID);
    expect(mine.map((task) => task.taskType)).toEqual(['imageInference']);
  });

  it('rewrites a curated slug to its AIR before sending', async () => {
    await h.client.run(image({ model: 'bfl-flux-2-dev', deliveryMethod: 'sync' }));
    const [sent] = await h.control.tasks();
    expect(sent?.model).toBe('runware:400@1');
  });

  it('refuses an unknown model without sending anything, and says to pass taskType', async () => {
    const error = await failure(h.client.run({ model: 'civitai:999@1', positivePrompt: 'x' }));
    expect(error.code).toBe('notFound');
    expect(error.parameter).toBe('model');
    expect(error.message).toContain('taskType');
    expect(await h.control.tasks()).toEqual([]);
  });

  it('runs a community model with an explicit taskType', async () => {
    const [result] = await h.client.run({
      model: 'civitai:133005@782002',
      taskType: 'imageInference',
      positivePrompt: 'p',
      width: 64,
      height: 64,
    });
    expect(result?.imageUUID).toBeTruthy();
  });

  it('surfaces the server’s validation error with the parameter named', async () => {
    const error = await failure(
      h.client.run({ model: 'civitai:133005@782002', taskType: 'imageInference', width: 64, height: 64 }),
    );
    expect(error).toMatchObject({
      code: 'validation',
      parameter: 'positivePrompt',
      taskType: 'imageInference',
      statusCode: 400,
    });
  });

  it('sends an array of params as one batched request', async () => {
    const [a, b] = await h.client.runBatch([image(), image({ numberResults: 2 })]);
    expect([a?.length, b?.length]).toEqual([1, 2]);
    const [first] = await h.control.requests();
    const tasks = await h.control.tasks();
    expect(tasks.filter((task) => task.requestId === first?.id).map((task) => task.taskType)).toEqual([
      'imageInference',
      'imageInference',
    ]);
  });

  it('fires onResult for all three items, the failed one too, before rejecting', async () => {
    await h.control.addFaults([{ kind: 'itemError', index: 1, code: 'providerError', count: 1 }]);
    const seen: string[] = [];
    const error = await failure(
      h.client.run(image({ numberResults: 3 }), { onResult: (item) => void seen.push(String(item.status)) }),
    );
    expect(seen.sort()).toEqual(['error', 'success', 'success']);
    expect(error).toMatchObject({ code: 'provider', retryable: true });
    expect(error.taskUUID).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports progress changes', async () => {
    const progress: number[] = [];
    await h.client.run(
      { model: 'exactly:illustrative@training' },
      { onProgress: (item) => void progress.push(Number(item.progress)) },
    );
    expect(progress.length).toBeGreaterThan(0);
    expect(progress).toEqual([...new Set(progress)].sort((x, y) => x - y));
  }, 15_000);

  it('aborts while polling: rejects at once and polls no more for that task', async () => {
    const slow = await h.clientWith({});
    await h.control.reset();
    const controller = new AbortController();
    const started = Date.now();
    const run = slow.run(image({ model: 'google:3@3', duration: 1 }), { signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    const error = await failure(run);
    expect(error.code).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(1500);
    const before = (await h.control.stats()).getResponse.polls;
    await new Promise((r) => setTimeout(r, 700));
    expect((await h.control.stats()).getResponse.polls).toBe(before);
  });

  it('times out an async task past the per-call timeout', async () => {
    const error = await failure(h.client.run(image({ model: 'google:3@3' }), { timeout: 150 }));
    expect(error.code).toBe('timeout');
    expect(error.retryable).toBe(true);
  });

  it('retries a burst of 5xx and succeeds', async () => {
    await h.control.addFaults([{ kind: 'httpError', status: 503, count: 2 }]);
    const [result] = await h.client.run(image({ deliveryMethod: 'sync', positivePrompt: 'burst' }));
    expect(result?.imageUUID).toBeTruthy();
    // Counted by this task's own submissions: a poll of an earlier test may still land after the reset.
    const submits = (await h.control.tasks()).filter((task) => task.positivePrompt === 'burst');
    expect(submits).toHaveLength(3);
    expect(new Set(submits.map((task) => task.taskUUID)).size).toBe(1);
  });

  it('waits as Retry-After says on 429, then succeeds', async () => {
    await h.control.addFaults([{ kind: 'httpError', status: 429, retryAfter: 1, count: 1 }]);
    const started = Date.now();
    await h.client.run(image({ deliveryMethod: 'sync' }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('polls 20 concurrent tasks with one getResponse request per cycle', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => h.client.run(image({ model: 'google:3@3', duration: 1 }))),
    );
    expect(results.flat()).toHaveLength(20);
    // Read from what the emulator received: each cycle's request carries every pending task. (On a
    // loaded machine the first cycle may start before all 20 ACKs are in, so it can carry fewer.)
    const pollItems = (await h.control.tasks()).filter((task) => task.taskType === 'getResponse');
    const perRequest = new Map<number, number>();
    for (const poll of pollItems) perRequest.set(poll.requestId, (perRequest.get(poll.requestId) ?? 0) + 1);
    const sizes = [...perRequest.values()];
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBe(20);
    // Per-task polling would send one request per poll; batching sends a few large ones.
    const polls = sizes.reduce((sum, n) => sum + n, 0);
    expect(polls / sizes.length).toBeGreaterThanOrEqual(5);
  });

  it('keeps going when a callback throws', async () => {
    const results = await h.client.run(image({ numberResults: 2 }), {
      onResult: () => {
        throw new Error('user bug');
      },
    });
    expect(results).toHaveLength(2);
  });
});

describe('validation hook', () => {
  it('calls the validator when validate is on, per call overriding config both ways', async () => {
    const calls: string[] = [];
    const validator: ValidatorV1 = {
      specificationVersion: 'v1',
      async validate(task, context) {
        calls.push(`${context.taskType}:${String(task.model)}`);
      },
      clearCache() {},
    };
    const on = await h.clientWith({ validate: true, validator });
    await on.run(image({ deliveryMethod: 'sync' }));
    await on.run(image({ deliveryMethod: 'sync' }), { validate: false });
    const off = await h.clientWith({ validator });
    await off.run(image({ deliveryMethod: 'sync' }), { validate: true });
    expect(calls).toEqual(['imageInference:runware:400@1', 'imageInference:runware:400@1']);
  });
});

describe('media inputs', () => {
  it('encodes bytes and local files as data URIs before sending', async () => {
    const [png] = await h.client.run(
      image({ deliveryMethod: 'sync', outputType: 'base64Data', outputFormat: 'PNG' }),
    );
    const bytes = Buffer.from(String(png?.imageBase64Data), 'base64');
    const dir = await mkdtemp(join(tmpdir(), 'runware-sdk-'));
    const file = join(dir, 'input.png');
    await writeFile(file, bytes);
    await h.control.reset();
    await h.client.run({ model: 'bria:52@1', inputs: { image: bytes }, deliveryMethod: 'sync' });
    await h.client.run({ model: 'bria:52@1', inputs: { image: file }, deliveryMethod: 'sync' });
    const sent = await h.control.tasks();
    for (const task of sent)
      expect(String((task.inputs as { image: string }).image)).toMatch(/^data:image\/png;base64,/);
  });
});

describe('client lifecycle, config and logs', () => {
  it('close() rejects pending calls with code connection, later calls with clientClosed, and works with await using', async () => {
    const client = await h.clientWith({});
    const pending = failure(client.run(image({ model: 'google:3@3' })));
    await new Promise((r) => setTimeout(r, 50));
    await client.close();
    expect((await pending).code).toBe('connection');
    // A call after close() is a usage error: retrying on this client cannot help.
    expect(await failure(client.run(image()))).toMatchObject({ code: 'validation', rawCode: 'clientClosed' });
    {
      await using scoped = await h.clientWith({});
      await scoped.run(image({ deliveryMethod: 'sync' }));
    }
  });

  it('rejects bad config naming the field, and never logs the key', async () => {
    const error = await failure(createClient({ apiKey: 'k', transportType: 'rest', timeOut: 5 } as never));
    expect(error.parameter).toBe('timeOut');
    expect(error.message).toContain('timeout');
    const entries: LogEntry[] = [];
    const logged = await h.clientWith({ debug: true, logSink: (entry) => void entries.push(entry) });
    await h.control.addFaults([{ kind: 'httpError', status: 503, count: 1 }]);
    await logged.run(image({ deliveryMethod: 'sync' }));
    expect(entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(entries)).not.toContain(h.emulator.apiKey);
  });
});
