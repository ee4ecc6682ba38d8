import { useEmulator } from '@runware/emulator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { itemKey } from '../src/dispatch/dedupe-keys';
import type { WebSocketConstructorLike } from '../src/index';
import { parseFrame } from '../src/socket/parse-frame';
import { createReconnectPolicy } from '../src/socket/reconnect-policy';
import { imageTask, transportFor } from './support/emulator';

describe('frame reading', () => {
  it('groups items and errors by taskUUID, drops pongs and items without taskUUID, reads the session', () => {
    const frame = parseFrame(
      JSON.stringify({
        data: [
          { taskType: 'ping', pong: true },
          { taskType: 'authentication', connectionSessionUUID: 's1' },
          { taskType: 'imageInference', taskUUID: 'b' },
          { taskType: 'imageInference', taskUUID: 'a' },
          { taskType: 'imageInference' },
          { taskType: 'imageInference', taskUUID: 'b', n: 2 },
        ],
        errors: [
          { code: 'x', message: 'y', taskUUID: 'a' },
          { code: 'internalServerError', message: 'z' },
        ],
      }),
    );
    if (frame.kind !== 'frame') throw new Error('expected a frame');
    expect(frame.pong).toBe(true);
    expect(frame.sessionId).toBe('s1');
    expect(frame.items.get('b')).toHaveLength(2);
    expect(frame.items.get('a')).toHaveLength(1);
    expect(frame.errors.get('a')?.[0]?.code).toBe('x');
    expect(frame.unscoped.map((e) => e.code)).toEqual(['internalServerError']);
  });

  it('accepts every error spelling and the outer taskUUID', () => {
    const single = parseFrame('{"error":{"code":"invalidApiKey","message":"no"}}');
    const outer = parseFrame('{"error":{"code":"providerError","message":"no"},"taskUUID":"t"}');
    const legacy = parseFrame('{"error":true,"errorId":19,"errorMessage":"Invalid api key"}');
    expect(single.kind === 'frame' && single.unscoped[0]?.code).toBe('invalidApiKey');
    expect(outer.kind === 'frame' && outer.errors.get('t')?.[0]?.code).toBe('providerError');
    expect(legacy.kind === 'frame' && legacy.unscoped[0]?.message).toBe('Invalid api key');
  });

  it.each(['{"data": [', '{"data": "x"}', '[1,2]', '{"unexpected":true}', 'nope'])(
    'flags %s as malformed',
    (text) => {
      expect(parseFrame(text).kind).toBe('malformed');
    },
  );

  it('gives a pushed item and its getResponse copy (status success, other key order) one identity', () => {
    expect(itemKey({ taskType: 't', taskUUID: 'u', imageUUID: 'i' })).toBe(
      itemKey({ imageUUID: 'i', taskUUID: 'u', taskType: 't', status: 'success' }),
    );
    expect(itemKey({ taskType: 't', taskUUID: 'u', imageUUID: 'i' })).not.toBe(
      itemKey({ taskType: 't', taskUUID: 'u', imageUUID: 'j' }),
    );
  });
});

describe('reconnect policy', () => {
  it('follows the shared backoff: min(base·2^(k−1)·(1 + 0.3·jitter), cap)', () => {
    const policy = createReconnectPolicy({
      retryDelay: 1000,
      retryStrategy: 'exponential',
      maxReconnectDelay: 30_000,
      maxReconnectAttempts: 7,
      random: () => 0.5,
    });
    expect([1, 2, 3, 4, 5, 6, 7].map((k) => policy.delay(k))).toEqual([
      1150, 2300, 4600, 9200, 18_400, 30_000, 30_000,
    ]);
    expect(policy.allows(7)).toBe(true);
    expect(policy.allows(8)).toBe(false);
  });
});

describe('errors without a taskUUID', () => {
  const emulator = useEmulator({ beforeAll, afterAll }, { latency: { default: 5, imageInference: 100 } });

  it('are logged, not delivered to every pending task', async () => {
    let socket: WebSocket | undefined;
    class Tapped extends WebSocket {
      constructor(url: string) {
        super(url);
        socket = this;
      }
    }
    const { transport, logs } = transportFor(emulator, {
      WebSocket: Tapped as unknown as WebSocketConstructorLike,
    });
    await transport.connect();
    const pending = transport.send([imageTask()]);
    // An unscoped server error arrives while the task runs.
    socket?.emit(
      'message',
      Buffer.from('{"errors":[{"code":"internalServerError","message":"hiccup"}]}'),
      false,
    );
    const answer = await pending;
    expect(answer.errors).toEqual([]);
    expect(answer.data).toHaveLength(1);
    expect(logs.some((line) => line.category === 'warn' && /without taskUUID/.test(line.message))).toBe(true);
    await transport.disconnect();
  });
});
