import { createRunwareClient, type ResultItem } from '@runware/core';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WebSocketConstructorLike, WebSocketLike } from '../src/index';
import { addFaults, imageTask, stats, submitCounts, wsFrames } from './support/emulator';
import { useFileEmulator } from './support/file-emulator';

// Results of one task finish 25% of the latency apart (60, 75, 90 ms): a failed slot is pushed
// before the later successes, as on the real service.
const env = useFileEmulator({ default: 5, imageInference: 60 });

const failure = { code: 'inferenceError', message: 'injected result failure' } as const;

/** A fault failing result `index` of the next task (every result when `index` is undefined). */
const failResults = (index: number | undefined, count: number, extra: Record<string, unknown> = {}) =>
  addFaults(env.emulator, [
    {
      kind: 'itemError',
      taskType: 'imageInference',
      count,
      ...(index === undefined ? {} : { index }),
      ...extra,
    },
  ]);

/** The getResponse frames the transport wrote for one taskUUID. */
async function pollsOf(taskUUID: string): Promise<number> {
  const frames = await wsFrames(env.emulator);
  return frames.flat().filter((task) => task.taskType === 'getResponse' && task.taskUUID === taskUUID).length;
}

/** Sends one sync task of three results, collecting what onItem saw. */
async function sendThree(transport: ReturnType<typeof env.open>['transport']) {
  const task = imageTask({ numberResults: 3 });
  const seen: ResultItem[] = [];
  // A hang would end as a rejection with code timeout, well inside the test's own budget.
  const answer = await transport.send([task], { onItem: (item) => seen.push(item), timeoutMs: 20_000 });
  return { task, seen, answer };
}

function expectSuccesses(seen: readonly ResultItem[], data: readonly ResultItem[], n: number) {
  expect(seen).toHaveLength(n);
  expect(data).toEqual(seen);
  expect(new Set(seen.map((item) => item.imageUUID)).size).toBe(n);
  for (const item of seen) expect(item.imageURL).toEqual(expect.any(String));
}

describe('a sync task with several results, one of which fails', () => {
  it.each([1, 0])('keeps the other results when result %i fails', async (index) => {
    const { transport } = env.open();
    await transport.connect();
    await failResults(index, 1, failure);
    const { task, seen, answer } = await sendThree(transport);
    expectSuccesses(seen, answer.data, 2);
    expect(answer.errors).toEqual([
      expect.objectContaining({ ...failure, taskUUID: task.taskUUID, taskType: 'imageInference' }),
    ]);
    // The failure alone did not end the task: its state was read to know whether more would come.
    await expect.poll(() => pollsOf(task.taskUUID)).toBeGreaterThanOrEqual(1);
    expect((await submitCounts(env.emulator)).get(task.taskUUID)).toBe(1);
  });

  it('counts a failed result once when its frame is duplicated and it is read back by getResponse', async () => {
    const { transport } = env.open();
    await transport.connect();
    await failResults(1, 1, failure);
    await addFaults(env.emulator, [{ kind: 'duplicateFrames', rate: 1 }]);
    const { seen, answer } = await sendThree(transport);
    expectSuccesses(seen, answer.data, 2);
    expect(answer.errors).toHaveLength(1);
    expect((await stats(env.emulator)).faultsApplied.duplicateFrames).toBeGreaterThan(0);
  });

  it.each([1, 2])(
    'keeps every success when the socket drops %i frame(s) into a task with a failed result',
    async (afterFrames) => {
      const { transport } = env.open();
      await transport.connect();
      await failResults(1, 1, failure);
      await addFaults(env.emulator, [{ kind: 'wsClose', afterFrames, count: 1 }]);
      const { task, seen, answer } = await sendThree(transport);
      expectSuccesses(seen, answer.data, 2);
      expect(answer.errors).toEqual([expect.objectContaining({ ...failure, taskUUID: task.taskUUID })]);
      expect((await stats(env.emulator)).connections.resumed).toBe(1);
      expect((await submitCounts(env.emulator)).get(task.taskUUID)).toBe(1);
    },
  );

  it('resolves with the errors when every result fails, each with its own message', async () => {
    const { transport } = env.open();
    await transport.connect();
    await failResults(undefined, 3);
    const { task, seen, answer } = await sendThree(transport);
    expect(seen).toEqual([]);
    expect(answer.data).toEqual([]);
    expect(answer.errors).toHaveLength(3);
    for (const error of answer.errors)
      expect(error).toMatchObject({ code: 'inferenceError', taskUUID: task.taskUUID });
  });

  it('resolves when every result fails with the same message (the task state decides)', async () => {
    const { transport } = env.open();
    await transport.connect();
    await failResults(undefined, 3, failure);
    const { task, answer } = await sendThree(transport);
    expect(answer.data).toEqual([]);
    // Three identical failures cannot be told from one repeated: they are reported once.
    expect(answer.errors).toEqual([
      expect.objectContaining({ ...failure, taskUUID: task.taskUUID, taskType: 'imageInference' }),
    ]);
    await expect.poll(() => pollsOf(task.taskUUID)).toBeGreaterThanOrEqual(1);
  });
});

/**
 * Another server's behaviour, played on a real socket: a getResponse for a failed task answers with
 * the failure alone, never a listing of its slots (frames listing slots are rewritten so).
 */
function failureOnlyPolls(): WebSocketConstructorLike {
  const rewrite = (text: string): string => {
    const frame = JSON.parse(text);
    const items: { taskType?: string; taskUUID?: string; status?: unknown }[] = frame.data ?? [];
    const listed = items.find((item) => typeof item.status === 'string');
    if (!listed) return text;
    return JSON.stringify({ errors: [{ ...failure, taskType: listed.taskType, taskUUID: listed.taskUUID }] });
  };
  return class implements WebSocketLike {
    readonly socket: WebSocket;
    onopen: WebSocketLike['onopen'] = null;
    onmessage: WebSocketLike['onmessage'] = null;
    onclose: WebSocketLike['onclose'] = null;
    onerror: WebSocketLike['onerror'] = null;
    constructor(url: string) {
      this.socket = new WebSocket(url);
      this.socket.onopen = (event) => this.onopen?.(event);
      this.socket.onmessage = (event) => this.onmessage?.({ data: rewrite(String(event.data)) });
      this.socket.onclose = (event) => this.onclose?.({ code: event.code, reason: event.reason });
      this.socket.onerror = (event) => this.onerror?.(event);
    }
    get readyState() {
      return this.socket.readyState;
    }
    send(data: string) {
      this.socket.send(data);
    }
    close(code?: number, reason?: string) {
      this.socket.close(code, reason);
    }
  };
}

describe('a server that gave up on the task', () => {
  it('ends the task after a few polls answered with the failure alone, not at the timeout', async () => {
    const { transport, logs } = env.open({ WebSocket: failureOnlyPolls() });
    await transport.connect();
    await failResults(undefined, 3, failure);
    const { task, answer } = await sendThree(transport);
    expect(answer.data).toEqual([]);
    expect(answer.errors).toEqual([expect.objectContaining({ ...failure, taskUUID: task.taskUUID })]);
    expect(logs.some((line) => line.category === 'retry' && /sync task failed/.test(line.message))).toBe(
      true,
    );
  });
});

describe('an error about the whole task ends it at once, nothing polled', () => {
  it('a validation error naming a parameter', async () => {
    const { transport } = env.open();
    const task = imageTask({ numberResults: 3, outputFormat: 'BMP' });
    const answer = await transport.send([task]);
    expect(answer.data).toEqual([]);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors[0]).toMatchObject({ taskUUID: task.taskUUID, parameter: expect.anything() });
    expect(await pollsOf(task.taskUUID)).toBe(0);
  });

  it('a quota error from a result, without a parameter', async () => {
    const { transport } = env.open();
    await transport.connect();
    await failResults(1, 1, { code: 'insufficientCredits', message: 'out of credits' });
    const { task, seen, answer } = await sendThree(transport);
    expect(answer.errors).toEqual([
      expect.objectContaining({ code: 'insufficientCredits', taskUUID: task.taskUUID }),
    ]);
    // Ended by the failure: the result finishing after it is not waited for.
    expect(seen).toHaveLength(1);
    expect(await pollsOf(task.taskUUID)).toBe(0);
  });
});

describe('through the engine (createRunwareClient)', () => {
  it('rejects with the failed result’s code after onResult saw every success', async () => {
    const { transport } = env.open();
    await transport.connect();
    await failResults(1, 1, failure);
    const client = createRunwareClient({ config: { apiKey: env.emulator.apiKey }, transport });
    const reported: ResultItem[] = [];
    const run = client.run(
      {
        taskType: 'imageInference',
        model: 'runware:400@1',
        positivePrompt: 'a lighthouse',
        width: 16,
        height: 16,
        numberResults: 3,
        deliveryMethod: 'sync',
      },
      { onResult: (item) => void reported.push(item) },
    );
    await expect(run).rejects.toMatchObject({ code: 'provider', rawCode: 'inferenceError' });
    expect(reported).toHaveLength(2);
    expect(new Set(reported.map((item) => item.imageUUID)).size).toBe(2);
    await client.close();
  });
});
