import { isRunwareError, type RunwareError } from '@runware/core';
import { rejectionOf, useEmulator } from '@runware/emulator/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRestTransport } from '../src/index';
import {
  addFaults,
  captured,
  imageTask,
  sleep,
  stats,
  textStreamTask,
  transportFor,
} from './support/emulator';

const emulator = useEmulator(
  { beforeAll, afterAll, afterEach },
  { latency: { default: 5, imageInference: 1500 }, tokenDelayMs: 5 },
);

const rejection = (promise: Promise<unknown>): Promise<RunwareError> => rejectionOf(promise, isRunwareError);

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>)
    text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

const dataEvents = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).trim());

describe('stream()', () => {
  it('returns the SSE body, asked for with Accept: text/event-stream', async () => {
    const task = textStreamTask({ includeUsage: true });
    const body = await transportFor(emulator).stream?.(task);
    if (!body) throw new Error('stream() is missing');
    const events = dataEvents(await readAll(body));
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e));
    expect(chunks.every((c) => c.taskUUID === task.taskUUID)).toBe(true);
    expect(chunks.at(-1)).toMatchObject({ finishReason: expect.any(String), usage: expect.any(Object) });
    const [request] = await captured(emulator);
    expect(request.headers.accept).toBe('text/event-stream');
    expect(request.body).toEqual([task]);
  });

  it('throws the pre-stream error as a RunwareError with the status', async () => {
    const task = textStreamTask({ model: 'nobody:none@1' });
    const error = await rejection(transportFor(emulator).stream?.(task) ?? Promise.resolve());
    expect(error.code).toBe('notFound');
    expect(error.rawCode).toBe('modelNotFound');
    expect(error.statusCode).toBe(404);
    expect(error.taskUUID).toBe(task.taskUUID);
    expect(error.taskType).toBe('textInference');
  });

  it('throws auth for a bad key, without the key in the message', async () => {
    const badKey = 'not-a-valid-runware-key';
    const transport = createRestTransport({ apiKey: badKey, httpBaseUrl: emulator.httpUrl });
    const error = await rejection(transport.stream?.(textStreamTask()) ?? Promise.resolve());
    expect(error.code).toBe('auth');
    expect(error.statusCode).toBe(401);
    expect(JSON.stringify(error.toJSON())).not.toContain(badKey);
  });

  it('does not retry a stream', async () => {
    await addFaults(emulator, [{ kind: 'httpError', status: 503, count: 1 }]);
    const error = await rejection(transportFor(emulator).stream?.(textStreamTask()) ?? Promise.resolve());
    expect(error.code).toBe('serverError');
    expect(error.statusCode).toBe(503);
    expect((await stats(emulator)).requests.rest).toBe(1);
  });

  it('ends the body with a RunwareError when aborted mid-stream', async () => {
    const controller = new AbortController();
    const body = await transportFor(emulator).stream?.(textStreamTask({ settings: { maxTokens: 200 } }), {
      signal: controller.signal,
    });
    if (!body) throw new Error('stream() is missing');
    const reader = body.getReader();
    await reader.read();
    controller.abort();
    const error = await reader.read().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isRunwareError(error) && error.code).toBe('aborted');
  });

  it('applies a per-call timeout to the whole stream', async () => {
    const body = await transportFor(emulator).stream?.(textStreamTask({ settings: { maxTokens: 400 } }), {
      timeoutMs: 150,
    });
    if (!body) throw new Error('stream() is missing');
    const error = await readAll(body).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isRunwareError(error) && error.code).toBe('timeout');
  });
});

describe('close()', () => {
  it('rejects sends in flight with connection, is idempotent, and is not final', async () => {
    const transport = transportFor(emulator);
    const inFlight = rejection(transport.send([imageTask()]));
    await sleep(100);
    await transport.close();
    await transport.close();
    const error = await inFlight;
    expect(error.code).toBe('connection');
    expect((await stats(emulator)).requests.rest).toBe(1);
    // The next call reconnects (REST holds no session), as the client's disconnect() promises.
    const later = await transport.send([imageTask({ deliveryMethod: 'async' })]);
    expect(later.errors).toEqual([]);
    await transport.close();
  });

  it('cuts an open stream with connection', async () => {
    const transport = transportFor(emulator);
    const body = await transport.stream?.(textStreamTask({ settings: { maxTokens: 400 } }));
    if (!body) throw new Error('stream() is missing');
    const reading = readAll(body).then(
      () => undefined,
      (e: unknown) => e,
    );
    await sleep(30);
    await transport.close();
    const error = await reading;
    expect(isRunwareError(error) && error.code).toBe('connection');
  });
});
