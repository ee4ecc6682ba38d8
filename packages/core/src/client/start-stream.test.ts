import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRunwareError } from '../errors/create-runware-error';
import type { RunwareError } from '../errors/runware-error';
import type { RegistryV1 } from '../spec/registry-v1';
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

describe('startStream: documentation of an error', () => {
  const registry: RegistryV1 = {
    specificationVersion: 'v1',
    lookup: async (model) =>
      model === 'google-gemma'
        ? { air: 'google:gemma@4-31b', taskType: 'textInference', slug: 'google-gemma' }
        : undefined,
    taskTypeOfKey: async () => undefined,
    refresh: async () => {},
  };

  it('links the curated model page to a server error before the stream, keeping its fields', async () => {
    const cause = new Error('HTTP 400');
    const transport = {
      specificationVersion: 'v1',
      name: 'scripted',
      capabilities: { streaming: true, push: false, resume: false },
      async stream(task: { taskUUID: string }) {
        throw createRunwareError('invalidMessages', 'bad messages', {
          parameter: 'messages',
          statusCode: 400,
          taskType: 'textInference',
          taskUUID: task.taskUUID,
          cause,
        });
      },
    } as unknown as TransportV1;
    const error = await startStream(
      { ...context(), streamTransport: () => transport, registry },
      { model: 'google-gemma', messages: [] },
      {},
    ).then(
      () => undefined,
      (reason: unknown) => reason as RunwareError,
    );
    expect(error).toMatchObject({
      code: 'validation',
      rawCode: 'invalidMessages',
      message: 'bad messages',
      parameter: 'messages',
      statusCode: 400,
      taskType: 'textInference',
      taskUUID: expect.any(String),
    });
    expect(error?.cause).toBe(cause);
    expect(error?.documentation).toBe('https://runware.ai/docs/models/google-gemma#request-messages');
  });

  it('links the curated model page the registry names, at the parameter', async () => {
    const transport = {
      specificationVersion: 'v1',
      name: 'scripted',
      capabilities: { streaming: true, push: false, resume: false },
      async send() {
        return { data: [], errors: [] };
      },
      async stream(task: { taskUUID: string }) {
        const event = {
          taskUUID: task.taskUUID,
          errors: [{ code: 'invalidMessages', message: 'x', parameter: 'messages' }],
        };
        return new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(`data: ${JSON.stringify(event)}\n\n`));
            controller.close();
          },
        });
      },
      async close() {},
    } as unknown as TransportV1;
    const stream = await startStream(
      { ...context(), streamTransport: () => transport, registry },
      { model: 'google-gemma', messages: [] },
      {},
    );
    const error = await stream.result().then(
      () => undefined,
      (reason: unknown) => reason as RunwareError,
    );
    expect(error).toMatchObject({ code: 'validation', parameter: 'messages', taskType: 'textInference' });
    expect(error?.documentation).toBe('https://runware.ai/docs/models/google-gemma#request-messages');
  });
});
