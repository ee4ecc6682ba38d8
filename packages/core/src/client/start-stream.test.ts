import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunwareError } from '../errors/runware-error';
import type { TransportV1 } from '../spec/transport-v1';
import { type StreamContext, startStream } from './start-stream';

/** A streaming transport whose body sends one chunk, then only keep-alive comments. */
function context(extra: Partial<StreamContext> = {}): StreamContext {
  const transport = {
    specificationVersion: 'v1',
    name: 'scripted',
    capabilities: { streaming: true, push: false, resume: false },
    async send() {
      return { data: [], errors: [] };
    },
    async stream(task: { taskUUID: string }) {
      const encoder = new TextEncoder();
      let timer: ReturnType<typeof setInterval> | undefined;
      return new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(
            encoder.encode(`data: {"taskUUID":"${task.taskUUID}","delta":{"text":"Hi"}}\n\n`),
          );
          timer = setInterval(() => controller.enqueue(encoder.encode(': keepalive\n\n')), 1000);
        },
        cancel() {
          clearInterval(timer);
        },
      });
    },
    async close() {},
  } as unknown as TransportV1;
  return {
    streamTransport: () => transport,
    registry: undefined,
    validator: undefined,
    validate: false,
    ...extra,
  };
}

const params = { taskType: 'textInference', model: 'any:1@1', messages: [{ role: 'user', content: 'hi' }] };

afterEach(() => {
  vi.useRealTimers();
});

async function failedAfter(ctx: StreamContext, options: Record<string, unknown> = {}) {
  vi.useFakeTimers();
  const stream = await startStream(ctx, params, options);
  let failedAt: number | undefined;
  const start = Date.now();
  const text = stream.text().catch((error: unknown) => {
    failedAt = Date.now() - start;
    return error as RunwareError;
  });
  await vi.advanceTimersByTimeAsync(200_000);
  return { error: (await text) as RunwareError, failedAt };
}

describe('startStream: idle timeout', () => {
  it('takes streamIdleTimeout from its context', async () => {
    const { error, failedAt } = await failedAfter(context({ streamIdleTimeout: 5000 }));
    expect(error.code).toBe('timeout');
    expect(failedAt).toBe(5000);
  });

  it('falls back to 120 000 ms', async () => {
    const { error, failedAt } = await failedAfter(context());
    expect(error.code).toBe('timeout');
    expect(failedAt).toBe(120_000);
  });

  it('lets a call override it', async () => {
    const { failedAt } = await failedAfter(context({ streamIdleTimeout: 5000 }), { streamIdleTimeout: 2000 });
    expect(failedAt).toBe(2000);
  });
});
