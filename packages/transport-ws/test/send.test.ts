import { createRunwareClient, type ResultItem } from '@runware/core';
import { describe, expect, it } from 'vitest';
import { addFaults, imageTask, pollUntilDone, stats, wsFrames } from './support/emulator';
import { useFileEmulator } from './support/file-emulator';

const env = useFileEmulator({ default: 5, imageInference: 10 });

describe('sending over one socket', () => {
  it('connects lazily on the first send and resolves a sync task with its items, calling onItem', async () => {
    const { transport } = env.open();
    expect(transport.isConnected()).toBe(false);
    expect(transport.name).toBe('websocket');
    expect(transport.capabilities).toEqual({ streaming: false, push: true, resume: true });
    const task = imageTask({ numberResults: 3 });
    const seen: ResultItem[] = [];
    const answer = await transport.send([task], { onItem: (item) => seen.push(item) });
    expect(answer.errors).toEqual([]);
    expect(answer.data).toHaveLength(3);
    expect(seen).toEqual(answer.data);
    expect(new Set(answer.data.map((item) => item.imageUUID)).size).toBe(3);
    expect(transport.isConnected()).toBe(true);
    expect(transport.sessionId()).toMatch(/^[0-9a-f-]{36}$/);
    expect((await stats(env.emulator)).connections.authenticated).toBe(1);
  });

  it('resolves an async task with its ACK, then answers getResponse polls with the state', async () => {
    const { transport } = env.open();
    const task = imageTask({ deliveryMethod: 'async', numberResults: 2 });
    const ack = await transport.send([task]);
    expect(ack).toEqual({ data: [{ taskType: 'imageInference', taskUUID: task.taskUUID }], errors: [] });
    const state = await pollUntilDone(transport, task.taskUUID, 2);
    expect(state.filter((item) => item.status === 'success')).toHaveLength(2);
  });

  it('sends a getResponse batch in one frame and shares one outstanding poll per taskUUID', async () => {
    const { transport } = env.open();
    const a = imageTask({ deliveryMethod: 'async' });
    const b = imageTask({ deliveryMethod: 'async' });
    await transport.send([a, b]);
    const polls = [a, b].map((t) => ({ taskType: 'getResponse', taskUUID: t.taskUUID }));
    const [first, second] = await Promise.all([
      transport.send(polls),
      transport.send([{ taskType: 'getResponse', taskUUID: a.taskUUID }]),
    ]);
    expect(new Set(first?.data.map((item) => item.taskUUID))).toEqual(new Set([a.taskUUID, b.taskUUID]));
    expect(second?.data.every((item) => item.taskUUID === a.taskUUID)).toBe(true);
    // One frame for the batch; the concurrent poll of `a` joined it instead of writing another.
    const pollFrames = (await wsFrames(env.emulator)).filter((frame) =>
      frame.some((task) => task.taskType === 'getResponse'),
    );
    expect(pollFrames).toHaveLength(1);
    expect(pollFrames[0]).toHaveLength(2);
  });

  it('reports an unknown task polled as a taskNotFound error, not a throw', async () => {
    const { transport } = env.open();
    const answer = await transport.send([{ taskType: 'getResponse', taskUUID: crypto.randomUUID() }]);
    expect(answer.data).toEqual([]);
    expect(answer.errors[0]?.code).toBe('taskNotFound');
  });

  it('returns a task error as an error of that task, next to the other tasks’ results', async () => {
    const { transport } = env.open();
    const good = imageTask();
    const bad = imageTask({ model: 'nobody:1@1' });
    const answer = await transport.send([good, bad]);
    expect(answer.data.map((item) => item.taskUUID)).toEqual([good.taskUUID]);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors[0]).toMatchObject({ taskUUID: bad.taskUUID, code: 'modelNotFound' });
  });

  it('carries 1,000 concurrent tasks over one socket, each resolved exactly once', async () => {
    const { transport } = env.open();
    const tasks = Array.from({ length: 1000 }, (_, i) => imageTask(i % 2 ? {} : { deliveryMethod: 'async' }));
    const seen = new Map<string, number>();
    const started = performance.now();
    const answers = await Promise.all(
      tasks.map((task) =>
        transport.send([task], {
          onItem: (item) => seen.set(item.taskUUID, (seen.get(item.taskUUID) ?? 0) + 1),
        }),
      ),
    );
    const elapsed = performance.now() - started;
    console.info(`1,000 concurrent tasks over one socket: ${Math.round(elapsed)} ms`);
    answers.forEach((answer, i) => {
      expect(answer.errors).toEqual([]);
      expect(answer.data).toHaveLength(1);
      expect(answer.data[0]?.taskUUID).toBe(tasks[i]?.taskUUID);
    });
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(seen.size).toBe(500);
    const s = await stats(env.emulator);
    expect(s.connections.authenticated).toBe(1);
  });

  it('counts a duplicated frame once', async () => {
    const { transport } = env.open();
    await transport.connect();
    await addFaults(env.emulator, [{ kind: 'duplicateFrames', rate: 1 }]);
    const seen: ResultItem[] = [];
    const task = imageTask({ numberResults: 3 });
    const answer = await transport.send([task], { onItem: (item) => seen.push(item) });
    expect(answer.data).toHaveLength(3);
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((item) => item.imageUUID)).size).toBe(3);
    expect((await stats(env.emulator)).faultsApplied.duplicateFrames).toBeGreaterThan(0);
  });

  it('ignores malformed frames with a logged warning', async () => {
    const { transport, logs } = env.open();
    await transport.connect();
    await addFaults(env.emulator, [{ kind: 'malformedFrames', count: 5 }]);
    const answers = await Promise.all([1, 2, 3].map(() => transport.send([imageTask()])));
    expect(answers.every((answer) => answer.data.length === 1)).toBe(true);
    const warnings = logs.filter((line) => line.category === 'warn' && /malformed/.test(line.message));
    expect(warnings.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps dispatching when a caller’s onItem throws', async () => {
    const { transport, logs } = env.open();
    const [a, b] = await Promise.all([
      transport.send([imageTask({ numberResults: 2 })], {
        onItem: () => {
          throw new Error('boom');
        },
      }),
      transport.send([imageTask()]),
    ]);
    expect(a?.data).toHaveLength(2);
    expect(b?.data).toHaveLength(1);
    expect(logs.some((line) => line.category === 'warn' && /onItem threw/.test(line.message))).toBe(true);
  });

  it('reports an item error (itemError fault) as the task’s error', async () => {
    const { transport } = env.open();
    await transport.connect();
    await addFaults(env.emulator, [{ kind: 'itemError', index: 0, code: 'inferenceError', count: 1 }]);
    const task = imageTask();
    const answer = await transport.send([task]);
    expect(answer.data).toEqual([]);
    expect(answer.errors).toEqual([
      expect.objectContaining({ code: 'inferenceError', taskUUID: task.taskUUID }),
    ]);
  });

  it('times out a sync wait with a RunwareError of code timeout', async () => {
    const { transport } = env.open();
    await expect(
      transport.send([imageTask({ taskType: 'videoInference', model: 'x' })], { timeoutMs: 1 }),
    ).rejects.toMatchObject({ code: 'timeout' });
  });

  it('rejects an aborted send with code aborted', async () => {
    const { transport } = env.open();
    const controller = new AbortController();
    const pending = transport.send([imageTask()], { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
  });

  it('drives createRunwareClient end to end (async run, polled over the same socket)', async () => {
    const { transport } = env.open();
    const client = createRunwareClient({ config: { apiKey: env.emulator.apiKey }, transport });
    const images = await client.run({
      taskType: 'imageInference',
      model: 'runware:400@1',
      positivePrompt: 'a lighthouse',
      width: 16,
      height: 16,
      numberResults: 2,
    });
    expect(images).toHaveLength(2);
    await client.close();
    expect((await stats(env.emulator)).connections.authenticated).toBe(1);
  });
});
