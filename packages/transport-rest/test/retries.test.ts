import { isRunwareError, type RunwareError } from '@runware/core';
import { rejectionOf, unusedPort, useEmulator } from '@runware/emulator/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRestTransport } from '../src/index';
import { addFaults, captureLog, imageTask, sleep, stats, submitsOf, transportFor } from './support/emulator';

const emulator = useEmulator({ beforeAll, afterAll, afterEach }, { latency: { default: 5 } });

const rejection = (promise: Promise<unknown>): Promise<RunwareError> => rejectionOf(promise, isRunwareError);

describe('retries on answered failures', () => {
  it('retries a 503 burst and succeeds on the third request', async () => {
    await addFaults(emulator, [{ kind: 'httpError', status: 503, count: 2 }]);
    const { log, retries } = captureLog();
    const task = imageTask();
    const result = await transportFor(emulator, { log }).send([task]);
    expect(result.status).toBe(200);
    expect(result.data[0]).toMatchObject({ taskUUID: task.taskUUID });
    expect((await stats(emulator)).requests.rest).toBe(3);
    expect(retries().map((l) => l.data.status)).toEqual([503, 503]);
  });

  it('honours Retry-After (in seconds) over its own schedule', async () => {
    await addFaults(emulator, [{ kind: 'httpError', status: 429, retryAfter: 1, count: 1 }]);
    const { log, retries } = captureLog();
    const started = performance.now();
    const result = await transportFor(emulator, { log }).send([imageTask()]);
    const elapsed = performance.now() - started;
    expect(result.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(1000);
    expect(retries()[0]?.data).toMatchObject({ status: 429, retryAfterMs: 1000, delayMs: 1000 });
  });

  it('caps Retry-After at maxRetryDelay', async () => {
    await addFaults(emulator, [{ kind: 'httpError', status: 429, retryAfter: 30, count: 1 }]);
    const { log, retries } = captureLog();
    const started = performance.now();
    const result = await transportFor(emulator, { log, maxRetryDelay: 150 }).send([imageTask()]);
    const elapsed = performance.now() - started;
    expect(result.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(150);
    expect(elapsed).toBeLessThan(3000);
    expect(retries()[0]?.data).toMatchObject({ retryAfterMs: 30_000, delayMs: 150 });
  });

  // The one backoff of every transport: retryDelay·n (linear) or retryDelay·2^(n−1), each plus up
  // to 30 % jitter (half of it here). The REST transport once left linear waits without jitter.
  it.each([
    ['linear', [23, 46, 69]],
    ['exponential', [23, 46, 92]],
  ] as const)('waits on the %s schedule, jitter included', async (retryStrategy, expected) => {
    await addFaults(emulator, [{ kind: 'httpError', status: 502, count: 3 }]);
    const { log, retries } = captureLog();
    const transport = transportFor(emulator, { log, retryStrategy, retryDelay: 20, random: () => 0.5 });
    const started = performance.now();
    const result = await transport.send([imageTask()]);
    const elapsed = performance.now() - started;
    expect(result.status).toBe(200);
    expect(retries().map((l) => l.data.delayMs)).toEqual(expected);
    expect(elapsed).toBeGreaterThanOrEqual(expected.reduce((a, b) => a + b, 0));
  });

  it('returns the last error answer once retries run out', async () => {
    await addFaults(emulator, [{ kind: 'httpError', status: 503, count: 10 }]);
    const result = await transportFor(emulator, { maxRetries: 2 }).send([imageTask()]);
    expect(result.status).toBe(503);
    expect(result.data).toEqual([]);
    expect(result.errors).toEqual([expect.objectContaining({ code: 'serviceUnavailable' })]);
    // Three submits, then getResponse (a 5xx may come after the work): 503 too, and once more.
    expect((await stats(emulator)).requests.rest).toBe(5);
  });
});

describe('abort', () => {
  it('rejects at once, with no request, when the signal is already aborted', async () => {
    const error = await rejection(
      transportFor(emulator).send([imageTask()], { signal: AbortSignal.abort() }),
    );
    expect(error.code).toBe('aborted');
    expect(error.rawCode).toBe('aborted');
    expect((await stats(emulator)).requests.rest).toBe(0);
  });

  it('stops waiting for a retry when aborted, and sends nothing more', async () => {
    await addFaults(emulator, [{ kind: 'httpError', status: 503, count: 5 }]);
    const controller = new AbortController();
    const log = captureLog();
    const transport = transportFor(emulator, {
      retryDelay: 10_000,
      log: (category, message, data) => {
        log.log(category, message, data);
        if (category === 'retry') setTimeout(() => controller.abort(), 20);
      },
    });
    const started = performance.now();
    const error = await rejection(transport.send([imageTask()], { signal: controller.signal }));
    expect(error.code).toBe('aborted');
    expect(performance.now() - started).toBeLessThan(2000);
    await sleep(100);
    expect((await stats(emulator)).requests.rest).toBe(1);
  });
});

describe('unanswered requests', () => {
  const slow = useEmulator(
    { beforeAll, afterAll, afterEach },
    { latency: { default: 5, imageInference: 2000 } },
  );

  it('cancels the request in flight when aborted', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const error = await rejection(transportFor(slow).send([imageTask()], { signal: controller.signal }));
    expect(error.code).toBe('aborted');
    expect(performance.now() - started).toBeLessThan(1000);
    await sleep(100);
    expect((await stats(slow)).requests.rest).toBe(1);
  });

  it('throws timeout after the per-attempt budget runs out on every attempt, without resubmitting', async () => {
    const { log, retries } = captureLog();
    const task = imageTask();
    const started = performance.now();
    const error = await rejection(transportFor(slow, { log, timeout: 200, maxRetries: 2 }).send([task]));
    expect(error.code).toBe('timeout');
    expect(error.rawCode).toBe('timeout');
    expect(error.taskUUID).toBe(task.taskUUID);
    expect(performance.now() - started).toBeLessThan(1900);
    expect(retries().map((l) => l.data.reason)).toEqual(['timeout', 'timeout']);
    expect(await submitsOf(slow, task.taskUUID)).toBe(1);
    expect((await stats(slow)).errors.conflictTaskUUID).toBeUndefined();
  });

  it('the per-call timeoutMs overrides the transport’s', async () => {
    const task = imageTask();
    const error = await rejection(transportFor(slow, { maxRetries: 0 }).send([task], { timeoutMs: 100 }));
    expect(error.code).toBe('timeout');
    expect(error.message).toContain('100 ms');
  });

  it('throws connection (connectionFailed) when nothing listens, after retrying', async () => {
    const port = await unusedPort();
    const { log, retries } = captureLog();
    const transport = createRestTransport({
      apiKey: emulator.apiKey,
      httpBaseUrl: `http://127.0.0.1:${port}/v1`,
      retryDelay: 5,
      maxRetries: 2,
      log,
    });
    const error = await rejection(transport.send([imageTask()]));
    expect(error.code).toBe('connection');
    expect(error.rawCode).toBe('connectionFailed');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(retries().map((l) => l.data.reason)).toEqual(['network', 'network']);
  });
});
