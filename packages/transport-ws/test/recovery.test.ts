import type { ResultItem } from '@runware/core';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WebSocketConstructorLike } from '../src/index';
import { addFaults, imageTask, pollUntilDone, stats, submitCounts } from './support/emulator';
import { useFileEmulator } from './support/file-emulator';

const env = useFileEmulator({ default: 5, imageInference: 15 });

/** Every submitted taskUUID was written exactly once. */
async function expectSubmittedOnce(taskUUIDs: readonly string[]) {
  const counts = await submitCounts(env.emulator);
  for (const uuid of taskUUIDs) expect(counts.get(uuid), uuid).toBe(1);
}

describe('recovery across drops: nothing lost, nothing duplicated', () => {
  it('recovers an async task whose ACK was cut with the connection (resume replay)', async () => {
    const { transport } = env.open();
    await transport.connect();
    const session = transport.sessionId();
    await addFaults(env.emulator, [{ kind: 'wsClose', afterFrames: 0, count: 1 }]);
    const task = imageTask({ deliveryMethod: 'async' });
    const started = performance.now();
    const answer = await transport.send([task]);
    console.info(`async ACK recovered after a drop in ${Math.round(performance.now() - started)} ms`);
    expect(answer).toEqual({ data: [{ taskType: 'imageInference', taskUUID: task.taskUUID }], errors: [] });
    expect(transport.sessionId()).toBe(session);
    const s = await stats(env.emulator);
    expect(s.connections.closedByServer).toBe(1);
    expect(s.connections.resumed).toBe(1);
    await expectSubmittedOnce([task.taskUUID]);
  });

  it.each([0, 1, 2])(
    'completes a sync task cut after %i result frame(s), each item once',
    async (afterFrames) => {
      const { transport } = env.open();
      await transport.connect();
      await addFaults(env.emulator, [{ kind: 'wsClose', afterFrames, count: 1 }]);
      const task = imageTask({ numberResults: 3 });
      const seen: ResultItem[] = [];
      const answer = await transport.send([task], { onItem: (item) => seen.push(item) });
      expect(answer.errors).toEqual([]);
      expect(answer.data).toHaveLength(3);
      expect(seen).toHaveLength(3);
      expect(new Set(seen.map((item) => item.imageUUID)).size).toBe(3);
      expect((await stats(env.emulator)).connections.resumed).toBe(1);
      await expectSubmittedOnce([task.taskUUID]);
    },
  );

  it('re-sends a poll that was in flight when the connection dropped', async () => {
    const { transport } = env.open();
    const task = imageTask({ deliveryMethod: 'async' });
    await transport.send([task]);
    await addFaults(env.emulator, [{ kind: 'wsClose', afterFrames: 0, count: 1 }]);
    const state = await pollUntilDone(transport, task.taskUUID);
    expect(state.filter((item) => item.status === 'success')).toHaveLength(1);
    expect((await stats(env.emulator)).connections.resumed).toBe(1);
    await expectSubmittedOnce([task.taskUUID]);
  });

  it('recovers a dropped ACK (ackDrop) through getResponse, without resubmitting', async () => {
    const { transport, logs } = env.open({ ackTimeout: 100 });
    await transport.connect();
    await addFaults(env.emulator, [{ kind: 'ackDrop', count: 1 }]);
    const task = imageTask({ deliveryMethod: 'async' });
    const answer = await transport.send([task]);
    expect(answer.data).toEqual([{ taskType: 'imageInference', taskUUID: task.taskUUID }]);
    expect(logs.some((line) => line.category === 'retry' && /no ACK in time/.test(line.message))).toBe(true);
    await expectSubmittedOnce([task.taskUUID]);
  });

  it('re-sends, once, a submit the server never received (probe answered taskNotFound)', async () => {
    // A lossy network: the first frame carrying `lost` vanishes and the socket dies with it.
    const lost = imageTask();
    let swallowed = false;
    class LossySocket extends WebSocket {
      override send(data: unknown) {
        if (!swallowed && typeof data === 'string' && data.includes(lost.taskUUID)) {
          swallowed = true;
          this.terminate();
          return;
        }
        super.send(data as string);
      }
    }
    const { transport, logs } = env.open({ WebSocket: LossySocket as unknown as WebSocketConstructorLike });
    const answer = await transport.send([lost]);
    expect(answer.data).toHaveLength(1);
    expect(logs.some((line) => /never received the task/.test(line.message))).toBe(true);
    await expectSubmittedOnce([lost.taskUUID]);
  });

  it('reconnects and resumes after a clean server-side close with a code', async () => {
    const { transport, logs } = env.open();
    await transport.connect();
    const session = transport.sessionId();
    await addFaults(env.emulator, [{ kind: 'wsClose', mode: 'close', closeCode: 1012, count: 1 }]);
    await expect.poll(() => logs.some((line) => /closed \(1012/.test(line.message))).toBe(true);
    const answer = await transport.send([imageTask()]);
    expect(answer.data).toHaveLength(1);
    expect(transport.sessionId()).toBe(session);
    const s = await stats(env.emulator);
    expect(s.connections.authenticated).toBe(2);
    expect(s.connections.resumed).toBe(1);
  });

  it('keeps 300 mixed tasks exact through repeated random drops', async () => {
    const { transport } = env.open({ ackTimeout: 300 });
    await transport.connect();
    await addFaults(env.emulator, [
      { kind: 'wsClose', rate: 0.02, count: 4 },
      { kind: 'duplicateFrames', rate: 0.1 },
    ]);
    const tasks = Array.from({ length: 300 }, (_, i) =>
      imageTask(i % 3 === 0 ? { deliveryMethod: 'async' } : { numberResults: 1 + (i % 3) }),
    );
    const seen = new Map<string, Set<unknown>>();
    const answers = await Promise.all(
      tasks.map((task) =>
        transport.send([task], {
          onItem: (item) => {
            const set = seen.get(item.taskUUID) ?? new Set();
            expect(set.has(item.imageUUID)).toBe(false);
            set.add(item.imageUUID);
            seen.set(item.taskUUID, set);
          },
        }),
      ),
    );
    tasks.forEach((_task, i) => {
      const answer = answers[i];
      expect(answer?.errors).toEqual([]);
      expect(answer?.data).toHaveLength(i % 3 === 0 ? 1 : 1 + (i % 3));
    });
    const s = await stats(env.emulator);
    expect(s.faultsApplied.wsClose).toBeGreaterThan(0);
    expect(s.connections.resumed).toBe(s.faultsApplied.wsClose);
    await expectSubmittedOnce(tasks.map((task) => task.taskUUID));
  });
});
