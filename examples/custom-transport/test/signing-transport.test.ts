import { isRunwareError, type RunwareError } from '@runware/core';
import { rejectionOf } from '@runware/emulator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSigningTransport } from '../src/signing-transport';
import { type Harness, imageTask, readAll, startHarness, submitsOf, textTask } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

/** What `promise` rejects with, which must be a RunwareError. */
const rejection = (promise: PromiseLike<unknown>): Promise<RunwareError> =>
  rejectionOf(promise, isRunwareError);

describe('createSigningTransport', () => {
  it('sends a batch: sync results, async ACKs and task errors, as the service answered', async () => {
    const transport = h.transport();
    const sync = imageTask({ deliveryMethod: 'sync', numberResults: 2 });
    const async = imageTask({ deliveryMethod: 'async' });
    const bad = imageTask({ deliveryMethod: 'sync', model: 'runware:999999@1' });
    const result = await transport.send([sync, async, bad]);
    expect(result.data.filter((item) => item.taskUUID === sync.taskUUID)).toHaveLength(2);
    expect(result.data.filter((item) => item.taskUUID === async.taskUUID)).toHaveLength(1);
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'modelNotFound', taskUUID: bad.taskUUID }),
    ]);
    expect(result.status).toBe(404);
    await transport.close();
  });

  it('retries a 429, honouring Retry-After, and submits the task once', async () => {
    const transport = h.transport();
    const since = await h.mark();
    await h.fault({ kind: 'httpError', status: 429, retryAfter: 1, count: 1 });
    const task = imageTask({ deliveryMethod: 'sync' });
    const started = Date.now();
    const result = await transport.send([task]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(result.errors).toEqual([]);
    expect(result.data).toHaveLength(1);
    // The 429 turned the first request away before the task was taken: one accepted submit.
    expect(submitsOf(await since(), task.taskUUID)).toBe(2);
    await transport.close();
  });

  it('asks with getResponse after a 5xx, and resends only a task the service never took', async () => {
    const transport = h.transport();
    const since = await h.mark();
    await h.fault({ kind: 'httpError', status: 503, count: 1 });
    const task = imageTask({ deliveryMethod: 'async' });
    const result = await transport.send([task]);
    expect(result.data).toEqual([{ taskType: 'imageInference', taskUUID: task.taskUUID }]);
    const seen = await since();
    expect(submitsOf(seen, task.taskUUID)).toBe(2); // refused by the fault, then accepted
    expect(submitsOf(seen, task.taskUUID, true)).toBe(1); // asked about in between
    await transport.close();
  });

  it('recovers a sync task accepted before a 5xx, without resending it', async () => {
    const transport = h.transport();
    const since = await h.mark();
    await h.fault({ kind: 'httpError', status: 500, phase: 'after', count: 1 });
    const task = imageTask({ deliveryMethod: 'sync', numberResults: 2 });
    const result = await transport.send([task]);
    expect(result.errors).toEqual([]);
    expect(result.data.map((item) => item.taskUUID)).toEqual([task.taskUUID, task.taskUUID]);
    expect(submitsOf(await since(), task.taskUUID)).toBe(1);
    await transport.close();
  });

  it('recovers an async ACK lost with the connection (ackDrop), without resending', async () => {
    const transport = h.transport();
    const since = await h.mark();
    await h.fault({ kind: 'ackDrop', count: 1 });
    const task = imageTask({ deliveryMethod: 'async' });
    const result = await transport.send([task]);
    expect(result.data).toEqual([{ taskType: 'imageInference', taskUUID: task.taskUUID }]);
    expect(submitsOf(await since(), task.taskUUID)).toBe(1);
    await transport.close();
  });

  it('gives up with `connection` when the proxy cannot be reached', async () => {
    const transport = createSigningTransport({
      proxyUrl: 'http://127.0.0.1:1/v1',
      clientId: 'c',
      secret: 's',
      retryDelayMs: 10,
    });
    expect((await rejection(transport.send([imageTask()]))).code).toBe('connection');
  });

  it('aborts with `aborted`, times out with `timeout`', async () => {
    const transport = h.transport();
    const controller = new AbortController();
    const pending = rejection(
      transport.send([imageTask({ deliveryMethod: 'sync' })], { signal: controller.signal }),
    );
    controller.abort();
    expect((await pending).code).toBe('aborted');
    await h.fault({ kind: 'ackDelay', ms: 2_000, count: 1 });
    const slow = transport.send([imageTask({ deliveryMethod: 'async' })], { timeoutMs: 200 });
    expect((await rejection(slow)).code).toBe('timeout');
    await transport.close();
  });

  it('close() rejects pending sends with `connection`, is idempotent, and refuses new calls', async () => {
    const transport = h.transport();
    await h.fault({ kind: 'ackDelay', ms: 2_000, count: 1 });
    const pending = rejection(transport.send([imageTask({ deliveryMethod: 'async' })]));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await transport.close();
    await transport.close();
    expect((await pending).code).toBe('connection');
    expect((await rejection(transport.send([imageTask()]))).code).toBe('connection');
  });

  it('streams SSE, and throws a RunwareError for an error before the stream', async () => {
    const transport = h.transport();
    const body = await transport.stream?.(textTask());
    if (!body) throw new Error('no stream');
    const text = await readAll(body);
    expect(text).toContain('data: ');
    expect(text).toContain('[DONE]');
    const error = await rejection(
      Promise.resolve(transport.stream?.(textTask({ model: 'runware:999999@1' }))),
    );
    expect(error).toMatchObject({ code: 'notFound', rawCode: 'modelNotFound', statusCode: 404 });
    await transport.close();
  });
});
