import { randomUUID } from 'node:crypto';
import { isRunwareError } from '@runware/core';
import { useEmulator } from '@runware/emulator/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRestTransport } from '../src/index';
import { addFaults, captured, captureLog, imageTask, stats, transportFor } from './support/emulator';

const emulator = useEmulator({ beforeAll, afterAll, afterEach }, { latency: { default: 5 } });

describe('send()', () => {
  it('identifies itself as the rest transport with streaming', () => {
    const transport = transportFor(emulator);
    expect(transport.specificationVersion).toBe('v1');
    expect(transport.name).toBe('rest');
    expect(transport.capabilities).toEqual({ streaming: true, push: false, resume: false });
  });

  it('returns a sync task’s results, with the headers the API expects', async () => {
    const task = imageTask({ numberResults: 2 });
    const result = await transportFor(emulator, { userAgent: 'runware-test/1.0' }).send([task]);
    expect(result.status).toBe(200);
    expect(result.errors).toEqual([]);
    expect(result.data).toHaveLength(2);
    for (const item of result.data) {
      expect(item).toMatchObject({ taskType: 'imageInference', taskUUID: task.taskUUID });
      expect(item.imageURL).toMatch(/^http/);
    }
    const [request] = await captured(emulator);
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1');
    expect(request.body).toEqual([task]);
    expect(request.headers).toMatchObject({
      authorization: '[redacted]',
      'content-type': 'application/json',
      'user-agent': 'runware-test/1.0',
    });
  });

  it('returns the acknowledgement of an async task', async () => {
    const task = imageTask({ deliveryMethod: 'async' });
    const result = await transportFor(emulator).send([task]);
    expect(result).toEqual({
      data: [{ taskType: 'imageInference', taskUUID: task.taskUUID }],
      errors: [],
      status: 200,
    });
  });

  it('passes getResponse polls through, one POST for the batch', async () => {
    const transport = transportFor(emulator);
    const task = imageTask({ deliveryMethod: 'async' });
    await transport.send([task]);
    const poll = await transport.send([{ taskType: 'getResponse', taskUUID: task.taskUUID }]);
    expect(poll.data[0]).toMatchObject({ taskType: 'imageInference', taskUUID: task.taskUUID });
    expect(['processing', 'success']).toContain(poll.data[0]?.status);
    expect((await stats(emulator)).getResponse.requests).toBe(1);
  });

  it('keeps the other results of a batch where one task fails', async () => {
    const good = imageTask();
    // An SDXL model's schema checks types (the curated runware:400@1 one is open).
    const bad = imageTask({ model: 'civitai:133005@782002', positivePrompt: 'a boat', width: 'wide' });
    const result = await transportFor(emulator).send([good, bad]);
    expect(result.data.map((i) => i.taskUUID)).toEqual([good.taskUUID]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ taskUUID: bad.taskUUID, parameter: 'width' });
    expect(result.errors[0]?.code).toBe('invalidWidth');
    expect(result.status).toBe(400);
    expect((await stats(emulator)).requests.rest).toBe(1);
  });

  it('keeps an itemError of a sync task as a task error (422, not retried)', async () => {
    await addFaults(emulator, [{ kind: 'itemError', count: 1, code: 'inferenceError' }]);
    const task = imageTask();
    const result = await transportFor(emulator).send([task]);
    expect(result.status).toBe(422);
    expect(result.errors[0]).toMatchObject({ code: 'inferenceError', taskUUID: task.taskUUID });
    expect((await stats(emulator)).requests.rest).toBe(1);
  });

  it('does not retry a 400 answer', async () => {
    const { log, retries } = captureLog();
    const result = await transportFor(emulator, { log }).send([imageTask({ model: 'nobody' })]);
    expect(result.status).toBeGreaterThanOrEqual(400);
    expect(result.status).toBeLessThan(500);
    expect(retries()).toEqual([]);
    expect((await stats(emulator)).requests.rest).toBe(1);
  });

  it('answers a bad key with auth errors in the result, and never repeats the key', async () => {
    const badKey = `bad-key-${randomUUID()}`;
    const { log, lines } = captureLog();
    const transport = createRestTransport({
      apiKey: badKey,
      httpBaseUrl: emulator.httpUrl,
      log,
      retryDelay: 5,
    });
    const result = await transport.send([imageTask()]);
    expect(result.status).toBe(401);
    expect(result.data).toEqual([]);
    expect(result.errors[0]).toMatchObject({ code: 'invalidApiKey', taskType: 'authentication' });
    expect(JSON.stringify(result)).not.toContain(badKey);
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(lines)).not.toContain(badKey);
    expect((await stats(emulator)).requests.rest).toBe(1);
  });

  it('never puts the key in a URL or a log line, even across retries and failures', async () => {
    const { log, lines } = captureLog();
    const transport = transportFor(emulator, { log });
    await addFaults(emulator, [{ kind: 'httpError', status: 503, count: 1 }]);
    await transport.send([imageTask()]);
    await transport.send([imageTask({ deliveryMethod: 'async' })]);
    const closedPort = createRestTransport({
      apiKey: emulator.apiKey,
      httpBaseUrl: 'http://127.0.0.1:9/v1',
      maxRetries: 1,
      retryDelay: 1,
      log,
    });
    const failure = await closedPort.send([imageTask()]).catch((e: unknown) => e);
    expect(isRunwareError(failure) && failure.message).not.toContain(emulator.apiKey);
    const requests = await captured(emulator);
    expect(requests.length).toBeGreaterThanOrEqual(3);
    for (const request of requests) expect(request.path).not.toContain(emulator.apiKey);
    expect(lines.some((l) => l.category === 'retry')).toBe(true);
    expect(lines.some((l) => l.category === 'error')).toBe(true);
    expect(JSON.stringify(lines)).not.toContain(emulator.apiKey);
    for (const line of lines) expect(line.message).not.toContain(emulator.apiKey);
  });

  it('rejects options it cannot work with', () => {
    expect(() => createRestTransport({ apiKey: '' })).toThrowError(/apiKey/);
    expect(() => createRestTransport({ apiKey: 'k', maxRetries: -1 })).toThrowError(/maxRetries/);
    expect(() => createRestTransport({ apiKey: 'k', timeout: 0 })).toThrowError(/timeout/);
  });
});
