import { isRunwareError, type RunwareError } from '@runware/core';
import { rejectionOf } from '@runware/emulator/testing';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WebSocketConstructorLike } from '../src/index';
import { resolveOptions } from '../src/options';
import { imageTask, sleep, stats, wsFrames } from './support/emulator';
import { useFileEmulator } from './support/file-emulator';

const env = useFileEmulator({ default: 5, imageInference: 60 });

/** A `ws` socket the test can push inbound frames into, as if the server had sent them. */
function tappedSocket() {
  const tap: { socket: WebSocket | undefined; inject(body: unknown): void } = {
    socket: undefined,
    inject(body) {
      tap.socket?.emit('message', Buffer.from(JSON.stringify(body)), false);
    },
  };
  class Tapped extends WebSocket {
    constructor(url: string) {
      super(url);
      tap.socket = this;
    }
  }
  return { tap, WebSocket: Tapped as unknown as WebSocketConstructorLike };
}

const isError = (error: unknown): error is RunwareError => isRunwareError(error);

describe('what counts as an answer to a pending request', () => {
  it('does not answer a getResponse poll with a late ACK of the polled task', async () => {
    const { tap, WebSocket: Tapped } = tappedSocket();
    const { transport } = env.open({ WebSocket: Tapped });
    const task = imageTask({ deliveryMethod: 'async' });
    await transport.send([task]);
    const poll = transport.send([{ taskType: 'getResponse', taskUUID: task.taskUUID }]);
    // A duplicate or delayed ACK lands while the poll is outstanding.
    tap.inject({ data: [{ taskType: 'imageInference', taskUUID: task.taskUUID }] });
    const answer = await poll;
    expect(answer.data.length).toBeGreaterThan(0);
    expect(answer.data.every((item) => typeof item.status === 'string')).toBe(true);
  });

  it('does not take an item of another taskType as the result of a pending task', async () => {
    const { tap, WebSocket: Tapped } = tappedSocket();
    const { transport } = env.open({ WebSocket: Tapped });
    await transport.connect();
    const task = imageTask();
    const pending = transport.send([task]);
    tap.inject({
      data: [{ taskType: 'getTaskDetails', taskUUID: task.taskUUID, request: [], response: {} }],
    });
    tap.inject({ data: [{ taskType: 'videoInference', taskUUID: task.taskUUID, videoUUID: 'v' }] });
    // An ACK-shaped item carries no result: a sync task does not count it.
    tap.inject({ data: [{ taskType: 'imageInference', taskUUID: task.taskUUID }] });
    const answer = await pending;
    expect(answer.errors).toEqual([]);
    expect(answer.data).toHaveLength(1);
    expect(answer.data[0]).toMatchObject({ taskType: 'imageInference', taskUUID: task.taskUUID });
    expect(answer.data[0]?.imageUUID).toEqual(expect.any(String));
  });

  it('does not end a pending async submit with an item of another taskType', async () => {
    const { tap, WebSocket: Tapped } = tappedSocket();
    const { transport } = env.open({ WebSocket: Tapped });
    await transport.connect();
    const task = imageTask({ deliveryMethod: 'async' });
    const pending = transport.send([task]);
    tap.inject({
      data: [{ taskType: 'getTaskDetails', taskUUID: task.taskUUID, request: [], response: {} }],
    });
    expect(await pending).toEqual({
      data: [{ taskType: 'imageInference', taskUUID: task.taskUUID }],
      errors: [],
    });
  });
});

describe('errors that settle their request', () => {
  it('settles getTaskDetails of an unknown taskUUID with taskNotFound', async () => {
    const { transport } = env.open();
    const taskUUID = crypto.randomUUID();
    const answer = await transport.send([{ taskType: 'getTaskDetails', taskUUID }], { timeoutMs: 3000 });
    expect(answer.data).toEqual([]);
    expect(answer.errors).toEqual([expect.objectContaining({ code: 'taskNotFound', taskUUID })]);
  });

  it('settles getTaskDetails with taskUUID null at once', async () => {
    const { transport } = env.open();
    const started = Date.now();
    const answer = await transport.send(
      [{ taskType: 'getTaskDetails', taskUUID: null as unknown as string }],
      {
        timeoutMs: 3000,
      },
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(answer.data).toEqual([]);
    expect(answer.errors).toEqual([
      expect.objectContaining({ code: 'missingTaskUUID', parameter: 'taskUUID', taskType: 'getTaskDetails' }),
    ]);
  });

  it('settles a getResponse with taskUUID null, next to a valid task of the same send', async () => {
    const { transport } = env.open();
    const task = imageTask();
    const answer = await transport.send([task, { taskType: 'getResponse', taskUUID: undefined as never }], {
      timeoutMs: 3000,
    });
    expect(answer.data.map((item) => item.taskUUID)).toEqual([task.taskUUID]);
    expect(answer.errors.map((error) => error.code)).toEqual(['missingTaskUUID']);
  });
});

describe('lookups across a drop', () => {
  it('re-sends a getTaskDetails lost with the socket instead of taking a getResponse probe as its answer', async () => {
    let swallowed = false;
    class Lossy extends WebSocket {
      constructor(url: string) {
        super(url);
      }
      override send(data: string): void {
        if (!swallowed && data.includes('"getTaskDetails"')) {
          // The frame is lost with the connection: the server never sees it.
          swallowed = true;
          setTimeout(() => this.terminate(), 10);
          return;
        }
        super.send(data);
      }
    }
    const { transport } = env.open({ WebSocket: Lossy as unknown as WebSocketConstructorLike });
    const task = imageTask({ deliveryMethod: 'async' });
    await transport.send([task]);
    const answer = await transport.send([{ taskType: 'getTaskDetails', taskUUID: task.taskUUID }], {
      timeoutMs: 3000,
    });
    expect(swallowed).toBe(true);
    expect(answer.errors).toEqual([]);
    expect(answer.data).toEqual([
      expect.objectContaining({ taskType: 'getTaskDetails', taskUUID: task.taskUUID }),
    ]);
  });
});

describe('requests the server could not take', () => {
  it('rejects a task over the 32 MiB frame limit at once, without sending it', async () => {
    const { transport } = env.open();
    await transport.connect();
    const task = imageTask({ positivePrompt: 'x'.repeat(32 * 1024 * 1024) });
    const started = Date.now();
    const error = await rejectionOf(transport.send([task]), isError);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toMatchObject({
      rawCode: 'invalidRequestSize',
      parameter: 'params',
      taskUUID: task.taskUUID,
    });
    const frames = await wsFrames(env.emulator);
    expect(frames.flat().some((sent) => sent.taskUUID === task.taskUUID)).toBe(false);
  });

  it('names the oversized task of a batch', async () => {
    const { transport } = env.open();
    const small = imageTask();
    const big = imageTask({ positivePrompt: 'é'.repeat(17 * 1024 * 1024) });
    const error = await rejectionOf(transport.send([small, big]), isError);
    expect(error).toMatchObject({
      rawCode: 'invalidRequestSize',
      parameter: 'params.1',
      taskUUID: big.taskUUID,
    });
  });

  it.each([
    [
      'a circular reference',
      () => {
        const task: Record<string, unknown> = imageTask();
        task.self = task;
        return task;
      },
    ],
    ['a BigInt', () => imageTask({ seed: 10n })],
  ])('rejects params with %s as validation, and close() releases everything', async (_, make) => {
    const { transport } = env.open();
    const task = make();
    const error = await rejectionOf(transport.send([task as never]), isError);
    expect(error).toMatchObject({ code: 'validation', parameter: 'params', taskUUID: task.taskUUID });
    // Nothing may surface later (an uncaught TypeError once a socket opens) or stay open.
    await sleep(100);
    await transport.close();
    await sleep(50);
    expect((await stats(env.emulator)).connections.open).toBe(0);
    // The transport still works afterwards.
    const again = await transport.send([imageTask()]);
    expect(again.data).toHaveLength(1);
    await transport.close();
  });
});

describe('maxResponseSize', () => {
  it('defaults to 128 MiB, allows Infinity and refuses a negative size', () => {
    expect(resolveOptions({ apiKey: 'k' }).maxResponseSize).toBe(134_217_728);
    expect(resolveOptions({ apiKey: 'k', maxResponseSize: Number.POSITIVE_INFINITY }).maxResponseSize).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(() => resolveOptions({ apiKey: 'k', maxResponseSize: -1 })).toThrow(
      expect.objectContaining({ rawCode: 'invalidConfig', parameter: 'maxResponseSize' }),
    );
  });

  // A JPG of 512×512 as base64 is tens of KB; an answer by URL is a few hundred bytes.
  const big = () => imageTask({ outputType: 'base64Data', outputFormat: 'JPG', width: 512, height: 512 });

  it('fails the request whose answer is too large (ws maxPayload), then keeps working', async () => {
    const { transport } = env.open({ maxResponseSize: 2048 });
    const error = await rejectionOf(transport.send([big()], { timeoutMs: 5000 }), isError);
    expect(error.rawCode).toBe('responseTooLarge');
    const small = await transport.send([imageTask()], { timeoutMs: 5000 });
    expect(small.data).toHaveLength(1);
  });

  it('checks the message size on an injected WebSocket', async () => {
    const { WebSocket: Tapped } = tappedSocket();
    const { transport } = env.open({ maxResponseSize: 2048, WebSocket: Tapped });
    const error = await rejectionOf(transport.send([big()], { timeoutMs: 5000 }), isError);
    expect(error.rawCode).toBe('responseTooLarge');
    const small = await transport.send([imageTask()], { timeoutMs: 5000 });
    expect(small.data).toHaveLength(1);
  });
});

describe('getTaskDetails of a task pending on the same transport', () => {
  it('reads the running task instead of failing with conflictTaskUUID, and the task still completes', async () => {
    const { transport } = env.open();
    const task = imageTask();
    const running = transport.send([task]);
    const details = await transport.send([{ taskType: 'getTaskDetails', taskUUID: task.taskUUID }], {
      timeoutMs: 3000,
    });
    expect(details.errors).toEqual([]);
    expect(details.data).toEqual([
      expect.objectContaining({ taskType: 'getTaskDetails', taskUUID: task.taskUUID }),
    ]);
    const answer = await running;
    expect(answer.errors).toEqual([]);
    expect(answer.data).toEqual([
      expect.objectContaining({ taskType: 'imageInference', taskUUID: task.taskUUID }),
    ]);
  });

  it('gives a getTaskDetails error to the lookup, not to the pending task', async () => {
    const { tap, WebSocket: Tapped } = tappedSocket();
    const { transport } = env.open({ WebSocket: Tapped });
    await transport.connect();
    const task = imageTask();
    const running = transport.send([task]);
    tap.inject({
      errors: [{ code: 'taskExpired', message: 'gone', taskType: 'getTaskDetails', taskUUID: task.taskUUID }],
    });
    const answer = await running;
    expect(answer.errors).toEqual([]);
    expect(answer.data[0]).toMatchObject({ taskType: 'imageInference', taskUUID: task.taskUUID });
  });
});
