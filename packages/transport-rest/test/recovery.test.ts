import { createEmulatorControl, useEmulator } from '@runware/emulator/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRestTransport } from '../src/index';
import {
  addFaults,
  captured,
  captureLog,
  faultsFromFirstRetry,
  imageTask,
  stats,
  submitsOf,
  transportFor,
} from './support/emulator';

const emulator = useEmulator({ beforeAll, afterAll, afterEach }, { latency: { default: 5 } });

describe('never resubmitting an accepted task', () => {
  it('recovers a dropped async acknowledgement through getResponse, without a second submit', async () => {
    await addFaults(emulator, [{ kind: 'ackDrop', count: 1 }]);
    const { log, lines } = captureLog();
    const task = imageTask({ deliveryMethod: 'async' });
    const result = await transportFor(emulator, { log }).send([task]);
    expect(result).toEqual({
      data: [{ taskType: 'imageInference', taskUUID: task.taskUUID }],
      errors: [],
      status: 200,
    });
    const counters = await stats(emulator);
    expect(counters.faultsApplied.ackDrop).toBe(1);
    expect(await submitsOf(emulator, task.taskUUID)).toBe(1);
    expect(await submitsOf(emulator, task.taskUUID, 'getResponse')).toBe(1);
    expect(counters.errors.conflictTaskUUID).toBeUndefined();
    expect(lines.find((l) => l.category === 'retry')?.data.reason).toBe('network');
  });

  it('recovers every task of a batch whose acknowledgement was dropped', async () => {
    await addFaults(emulator, [{ kind: 'ackDrop', count: 1 }]);
    const a = imageTask({ deliveryMethod: 'async' });
    const b = imageTask({ deliveryMethod: 'async', numberResults: 2 });
    const ping = { taskType: 'ping', taskUUID: '', ping: true };
    const result = await transportFor(emulator).send([a, b, ping]);
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual(
      expect.arrayContaining([
        { taskType: 'imageInference', taskUUID: a.taskUUID },
        { taskType: 'imageInference', taskUUID: b.taskUUID },
        { taskType: 'ping', pong: true },
      ]),
    );
    expect(await submitsOf(emulator, a.taskUUID)).toBe(1);
    expect(await submitsOf(emulator, b.taskUUID)).toBe(1);
    // The probe asks about both tasks in one request; the idempotent ping is simply resent.
    const probes = (await captured(emulator)).filter((r) => r.body[0]?.taskType === 'getResponse');
    expect(probes).toHaveLength(1);
    expect(probes[0].body).toEqual([
      { taskType: 'getResponse', taskUUID: a.taskUUID },
      { taskType: 'getResponse', taskUUID: b.taskUUID },
    ]);
  });

  it('retries the getResponse probe itself when it fails, still without a second submit', async () => {
    await addFaults(emulator, [{ kind: 'ackDrop', count: 1 }]);
    // Once the submit has gone unanswered, make the next request (the probe) fail with 503.
    const { lines, log } = faultsFromFirstRetry(emulator, [{ kind: 'httpError', status: 503, count: 1 }]);
    const task = imageTask({ deliveryMethod: 'async' });
    const result = await transportFor(emulator, { log, retryDelay: 100, retryStrategy: 'linear' }).send([
      task,
    ]);
    expect(result.data).toEqual([{ taskType: 'imageInference', taskUUID: task.taskUUID }]);
    expect(lines.filter((l) => l.category === 'retry').map((l) => l.data.reason)).toEqual([
      'network',
      'status',
    ]);
    expect(await submitsOf(emulator, task.taskUUID)).toBe(1);
    expect(await submitsOf(emulator, task.taskUUID, 'getResponse')).toBe(2);
  });

  it('returns a sync task’s results when the server ran it but answered 502', async () => {
    await addFaults(emulator, [{ kind: 'httpError', status: 502, phase: 'after', count: 1 }]);
    const { log, lines } = captureLog();
    const task = imageTask({ numberResults: 2 });
    const result = await transportFor(emulator, { log }).send([task]);
    expect(result.status).toBe(200);
    expect(result.errors).toEqual([]);
    expect(result.data).toHaveLength(2);
    for (const item of result.data) {
      expect(item).toMatchObject({ taskType: 'imageInference', taskUUID: task.taskUUID, status: 'success' });
      expect(item.imageURL).toMatch(/^http/);
    }
    expect(
      lines.some((l) => l.category === 'warn' && l.message.includes('accepted by an earlier attempt')),
    ).toBe(true);
    expect((await stats(emulator)).getResponse.requests).toBeGreaterThanOrEqual(1);
  });

  it('acknowledges an async task the server ran before answering 503', async () => {
    await addFaults(emulator, [{ kind: 'httpError', status: 503, phase: 'after', count: 1 }]);
    const task = imageTask({ deliveryMethod: 'async' });
    const result = await transportFor(emulator).send([task]);
    expect(result).toEqual({
      data: [{ taskType: 'imageInference', taskUUID: task.taskUUID }],
      errors: [],
      status: 200,
    });
  });

  it('reports failed slots of a recovered sync task as task errors', async () => {
    await addFaults(emulator, [
      { kind: 'httpError', status: 502, phase: 'after', count: 1 },
      { kind: 'itemError', index: 1, code: 'inferenceError', count: 1 },
    ]);
    const task = imageTask({ numberResults: 2 });
    const result = await transportFor(emulator).send([task]);
    expect(result.data).toHaveLength(1);
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'inferenceError',
        taskUUID: task.taskUUID,
        taskType: 'imageInference',
      }),
    ]);
  });

  /** Drops the submit's answer, then refuses every request (the probes) with 429. */
  async function probesRefused() {
    await addFaults(emulator, [{ kind: 'ackDrop', count: 1 }]);
    const { lines, log } = faultsFromFirstRetry(emulator, [{ kind: 'httpError', status: 429, count: 10 }]);
    return {
      lines,
      transport: transportFor(emulator, { log, retryDelay: 100, retryStrategy: 'linear', maxRetries: 2 }),
    };
  }

  it('answers an unanswered async task with its ACK when asking about it fails to the end, not as refused', async () => {
    const { lines, transport } = await probesRefused();
    const task = imageTask({ deliveryMethod: 'async' });
    const result = await transport.send([task]);
    // The server holds it: the engine's polling will find its results (or taskNotFound).
    expect(result.data).toEqual([{ taskType: 'imageInference', taskUUID: task.taskUUID }]);
    expect(result.errors).toEqual([]);
    expect(await submitsOf(emulator, task.taskUUID)).toBe(1);
    expect(await submitsOf(emulator, task.taskUUID, 'getResponse')).toBe(2);
    expect(
      lines.some((l) => l.category === 'warn' && /could not ask about 1 unanswered/.test(l.message)),
    ).toBe(true);
  });

  it('asks once more when the question before failing is refused, and answers what the server holds', async () => {
    // The first submit runs the task and answers 503; the resend and the first question are refused.
    await addFaults(emulator, [{ kind: 'httpError', status: 503, phase: 'after', count: 1 }]);
    const { log } = faultsFromFirstRetry(emulator, [{ kind: 'httpError', status: 503, count: 2 }]);
    const task = imageTask({ deliveryMethod: 'async' });
    const result = await transportFor(emulator, {
      log,
      retryDelay: 100,
      retryStrategy: 'linear',
      maxRetries: 1,
    }).send([task]);
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual([{ taskType: 'imageInference', taskUUID: task.taskUUID }]);
    expect(await submitsOf(emulator, task.taskUUID, 'getResponse')).toBe(2);
  });

  it('surfaces a conflict for a taskUUID the caller reused in another call', async () => {
    const transport = transportFor(emulator);
    const task = imageTask();
    await transport.send([task]);
    const again = await transport.send([task]);
    expect(again.status).toBe(409);
    expect(again.errors).toEqual([
      expect.objectContaining({ code: 'conflictTaskUUID', taskUUID: task.taskUUID }),
    ]);
  });
});

describe('a sync task slower than the per-attempt budget', () => {
  // 450 ms against a 400 ms budget: the first attempt must time out (latency is a minimum), and
  // the recovery poll at ~655 ms keeps ~200 ms of slack over the task's end even on a loaded machine.
  const slow = useEmulator({ beforeAll, afterAll }, { latency: { default: 5, imageInference: 450 } });

  it('is collected with getResponse after the first attempt times out, not resubmitted', async () => {
    const { log, lines } = captureLog();
    const transport = createRestTransport({
      apiKey: slow.apiKey,
      httpBaseUrl: slow.httpUrl,
      timeout: 400,
      retryDelay: 5,
      log,
    });
    const task = imageTask();
    const result = await transport.send([task]);
    expect(result.status).toBe(200);
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual([expect.objectContaining({ taskUUID: task.taskUUID, status: 'success' })]);
    expect(await submitsOf(slow, task.taskUUID)).toBe(1);
    expect((await stats(slow)).errors.conflictTaskUUID).toBeUndefined();
    expect(lines.filter((l) => l.category === 'retry').map((l) => l.data.reason)).toEqual(['timeout']);
  });

  it('fails it with an error of its own saying it may have run when asking about it fails to the end', async () => {
    // Once the first attempt has timed out, refuse every request (the probes) with 429.
    const { log, armed } = faultsFromFirstRetry(slow, [{ kind: 'httpError', status: 429, count: 10 }]);
    const transport = createRestTransport({
      apiKey: slow.apiKey,
      httpBaseUrl: slow.httpUrl,
      timeout: 400,
      retryDelay: 100,
      retryStrategy: 'linear',
      maxRetries: 1,
      log,
    });
    const task = imageTask();
    const result = await transport.send([task]);
    await armed();
    await createEmulatorControl(slow).clearFaults();
    expect(result.data).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'rateLimitExceeded',
        taskUUID: task.taskUUID,
        message: expect.stringMatching(/it may have run.*getResponse/),
      }),
    ]);
    expect(await submitsOf(slow, task.taskUUID)).toBe(1);
  });
});
