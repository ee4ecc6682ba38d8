import { randomUUID } from 'node:crypto';
import { imageTask, startTestEmulator, useEmulator } from '@runware/emulator/testing';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import WebSocket from 'ws';
import {
  createWebSocketTransport,
  type WebSocketConstructorLike,
  type WebSocketTransportOptions,
} from '../src/index';

// The rules every transport shares (@runware/core/transport-kit), checked over a real socket: the
// places where this transport used to disagree with the others.
const emulator = useEmulator({ beforeAll, afterAll }, { latency: { default: 5, videoInference: 5000 } });

interface LogLine {
  category: string;
  message: string;
  data?: unknown;
}

/** A transport on `target` with fast timings, a captured log, and a handle on its socket. */
function open(
  extra: Partial<WebSocketTransportOptions> = {},
  target: { apiKey: string; wsUrl: string } = emulator,
) {
  const logs: LogLine[] = [];
  const sockets: WebSocket[] = [];
  class Tapped extends WebSocket {
    constructor(url: string) {
      super(url);
      sockets.push(this);
    }
  }
  const transport = createWebSocketTransport({
    apiKey: target.apiKey,
    wsBaseUrl: target.wsUrl,
    retryDelay: 20,
    maxReconnectDelay: 200,
    replayGrace: 50,
    WebSocket: Tapped as unknown as WebSocketConstructorLike,
    log: (category, message, data) => logs.push({ category, message, data }),
    ...extra,
  });
  onTestFinished(() => transport.disconnect());
  /** Delivers `frame` as if the server had sent it on the current socket. */
  const inject = (frame: unknown) =>
    sockets
      .at(-1)
      ?.emit('message', Buffer.from(typeof frame === 'string' ? frame : JSON.stringify(frame)), false);
  return { transport, logs, inject };
}

/** A sync task the emulator takes 5 s to answer, so frames injected meanwhile arrive first. */
const slowTask = () =>
  imageTask({ taskType: 'videoInference', model: 'klingai:5@3', duration: 5, deliveryMethod: 'sync' });

describe('reconnect backoff', () => {
  it('spaces reconnect attempts by retryStrategy linear, with the shared jitter and cap', async () => {
    const own = await startTestEmulator({ latency: { default: 5, videoInference: 5000 } });
    const { transport, logs } = open(
      {
        retryStrategy: 'linear',
        retryDelay: 20,
        maxReconnectDelay: 60,
        maxReconnectAttempts: 4,
        random: () => 0.5,
      },
      own,
    );
    await transport.connect();
    const pending = transport.send([slowTask()]).catch((error: unknown) => error);
    await own.close();
    expect(await pending).toMatchObject({ rawCode: 'reconnectionFailed' });
    const delays = logs
      .map((line) => /^reconnect attempt \d+ in (\d+) ms$/.exec(line.message)?.[1])
      .filter((delay) => delay !== undefined)
      .map(Number);
    // 20·n·(1 + 0.3·0.5), the last one capped at maxReconnectDelay.
    expect(delays).toEqual([23, 46, 60, 60]);
  });
});

describe('failed result items', () => {
  it.each([
    ['an item carrying an error object and no status', { error: { message: 'the provider failed' } }],
    [
      'an item with status error and an empty code',
      { status: 'error', error: { code: '', message: 'the provider failed' } },
    ],
  ])('%s surfaces as inferenceError', async (_case, fields) => {
    const { transport, inject } = open();
    await transport.connect();
    const task = slowTask();
    const pending = transport.send([task]);
    inject({ data: [{ taskType: task.taskType, taskUUID: task.taskUUID, ...fields }] });
    const answer = await pending;
    expect(answer.data).toEqual([]);
    expect(answer.errors).toEqual([
      expect.objectContaining({
        code: 'inferenceError',
        message: 'the provider failed',
        taskUUID: task.taskUUID,
        taskType: task.taskType,
      }),
    ]);
  });
});

describe('the log', () => {
  it('never carries the API key, in messages or data, and marks it ***', async () => {
    const { transport, logs, inject } = open();
    await transport.connect();
    const key = emulator.apiKey;
    // Frames that echo the key: an error naming no task (logged with its data, its code in the
    // message) and a malformed frame (logged with its text).
    inject({ errors: [{ code: key, message: `no such key ${key}` }] });
    inject(`{"echo":"${key}"}`);
    const answer = await transport.send([imageTask({ deliveryMethod: 'sync' })]);
    expect(answer.data).toHaveLength(1);
    const text = JSON.stringify(logs);
    expect(text).not.toContain(key);
    expect(logs.filter((line) => JSON.stringify(line).includes('***')).length).toBeGreaterThanOrEqual(2);
    expect(text).not.toContain('[redacted]');
  });
});

describe('expected result counts', () => {
  it('resolves promptEnhance with promptVersions: 3 with its 3 items', async () => {
    const { transport } = open();
    const task = {
      taskType: 'promptEnhance',
      taskUUID: randomUUID(),
      model: 'runware:llama-3-1-8b@prompt-enhancer',
      prompt: 'a lighthouse at dusk',
      promptMaxLength: 300,
      promptVersions: 3,
    };
    const answer = await transport.send([task], { timeoutMs: 10_000 });
    expect(answer.errors).toEqual([]);
    expect(answer.data).toHaveLength(3);
    expect(new Set(answer.data.map((item) => item.text)).size).toBe(3);
  });
});
