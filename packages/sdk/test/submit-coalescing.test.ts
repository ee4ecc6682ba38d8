import { randomUUID } from 'node:crypto';
import { type CapturedRequest, rejectionOf, useEmulator } from '@runware/emulator/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ClientOptions,
  createClient,
  isRunwareError,
  type ResultItem,
  type RunwareClient,
} from '../src/index';

const emulator = useEmulator(
  { beforeAll, afterAll, beforeEach },
  { latency: { default: 5, imageInference: 20 } },
);

const image = (extra: Record<string, unknown> = {}) => ({
  model: 'runware:400@1',
  positivePrompt: 'a fox',
  width: 32,
  height: 32,
  taskUUID: randomUUID(),
  ...extra,
});

/** The captured requests (POST bodies or WebSocket frames) that submitted any of these tasks. */
function submitting(requests: readonly CapturedRequest[], taskUUIDs: readonly string[]): unknown[][] {
  const wanted = new Set(taskUUIDs);
  return requests
    .map((request) => (Array.isArray(request.body) ? (request.body as unknown[]) : []))
    .filter((tasks) =>
      tasks.some((task) => {
        const { taskType, taskUUID } = task as { taskType?: unknown; taskUUID?: unknown };
        return taskType !== 'getResponse' && typeof taskUUID === 'string' && wanted.has(taskUUID);
      }),
    );
}

const uuidsOf = (tasks: readonly unknown[]) => tasks.map((task) => (task as { taskUUID?: unknown }).taskUUID);

describe.each(['rest', 'websocket'] as const)('submit coalescing over %s', (transportType) => {
  const clients: RunwareClient[] = [];
  const clientWith = async (options: Partial<ClientOptions> = {}) => {
    const client = await createClient({
      apiKey: emulator.apiKey,
      transportType,
      httpBaseUrl: emulator.httpUrl,
      wsBaseUrl: emulator.wsUrl,
      schemasBaseUrl: emulator.schemasUrl,
      ...options,
    });
    clients.push(client);
    // Warm up (registry, socket) without waiting for a window; the runs under test come after the mark.
    await client.runBatch([image()]);
    return client;
  };
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
  });

  it('sends 100 concurrent run() calls as one request, each resolving with its own results', async () => {
    const client = await clientWith();
    const mark = await emulator.control.mark();
    const params = Array.from({ length: 100 }, () => image());
    const results = await Promise.all(params.map((p) => client.run(p)));
    const sent = submitting(
      await mark.requests(),
      params.map((p) => p.taskUUID),
    );
    expect(sent).toHaveLength(1);
    expect(uuidsOf(sent[0] ?? [])).toEqual(params.map((p) => p.taskUUID));
    results.forEach((items, i) => {
      expect(items).toHaveLength(1);
      expect(items[0]?.taskUUID).toBe(params[i]?.taskUUID);
      expect(items[0]?.imageURL).toBeTruthy();
    });
  });

  it('fails only the invalid task of a shared request; the others resolve', async () => {
    const client = await clientWith();
    const mark = await emulator.control.mark();
    const good = Array.from({ length: 4 }, () => image());
    const bad = image({ outputType: 'notAnOutputType' });
    const onResult: ResultItem[] = [];
    const calls = [...good.slice(0, 2), bad, ...good.slice(2)].map((p) =>
      client.run(p, { onResult: (item) => void onResult.push(item) }),
    );
    const outcomes = await Promise.allSettled(calls);
    const sent = submitting(
      await mark.requests(),
      [...good, bad].map((p) => p.taskUUID),
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]).toHaveLength(5);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    const error = await rejectionOf(calls[2] as Promise<unknown>, isRunwareError);
    expect(error).toMatchObject({ code: 'validation', parameter: 'outputType', taskUUID: bad.taskUUID });
    expect(new Set(onResult.map((item) => item.taskUUID))).toEqual(new Set(good.map((p) => p.taskUUID)));
  });

  it('sends each call at once, in its own request, with submitBatchWindow 0', async () => {
    const client = await clientWith({ submitBatchWindow: 0 });
    const mark = await emulator.control.mark();
    const params = Array.from({ length: 5 }, () => image());
    await Promise.all(params.map((p) => client.run(p)));
    const sent = submitting(
      await mark.requests(),
      params.map((p) => p.taskUUID),
    );
    expect(sent.map(uuidsOf).sort()).toEqual(params.map((p) => [p.taskUUID]).sort());
  });

  it('does not send a call aborted before the flush; the rest of the request goes', async () => {
    // A long window, so the abort surely lands inside it (nothing here measures time).
    const client = await clientWith({ submitBatchWindow: 1_000 });
    const mark = await emulator.control.mark();
    const [first, aborted, last] = [image(), image(), image()];
    const controller = new AbortController();
    const calls = [client.run(first), client.run(aborted, { signal: controller.signal }), client.run(last)];
    // Every call is prepared and queued by now (the registry is warm: no I/O before the queue).
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    const error = await rejectionOf(calls[1] as Promise<unknown>, isRunwareError);
    expect(error).toMatchObject({ code: 'aborted', taskUUID: aborted.taskUUID });
    await Promise.all([calls[0], calls[2]]);
    const sent = submitting(
      await mark.requests(),
      [first, aborted, last].map((p) => p.taskUUID),
    );
    expect(sent.map(uuidsOf)).toEqual([[first.taskUUID, last.taskUUID]]);
  });

  it('coalesces only single async runs: runBatch and sync runs keep their own requests', async () => {
    const client = await clientWith();
    const mark = await emulator.control.mark();
    const batch = [image(), image()];
    const sync = image({ deliveryMethod: 'sync' });
    const singles = [image(), image(), image()];
    await Promise.all([client.runBatch(batch), client.run(sync), ...singles.map((p) => client.run(p))]);
    const sent = submitting(
      await mark.requests(),
      [...batch, sync, ...singles].map((p) => p.taskUUID),
    );
    expect(sent.map(uuidsOf).sort()).toEqual(
      [batch.map((p) => p.taskUUID), [sync.taskUUID], singles.map((p) => p.taskUUID)].sort(),
    );
  });
});
