import { randomUUID } from 'node:crypto';
import { isRunwareError } from '@runware/core';
import { imageTask, rejectionOf, useEmulator } from '@runware/emulator/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRestTransport } from '../src/index';
import { captureLog } from './support/emulator';

// Rules every transport shares, from @runware/core/transport-kit, where this transport once had
// its own copies that disagreed with core: how many items a task lists, the code of a failed item
// and how the key is hidden. (The linear backoff's jitter is checked in retries.test.ts.)

const emulator = useEmulator(
  { beforeAll, afterAll, afterEach },
  { latency: { default: 5, promptEnhance: 1000 } },
);

const promptEnhanceTask = (extra: Record<string, unknown> = {}) => ({
  taskType: 'promptEnhance',
  taskUUID: randomUUID(),
  model: 'runware:llama-3-1-8b@prompt-enhancer',
  prompt: 'a kite over the dunes',
  promptMaxLength: 300,
  promptVersions: 3,
  ...extra,
});

/**
 * The emulator lists every slot of a running task, unfinished ones as `processing`; the API may
 * list only the results that have finished. This fetch (a pass-through to the emulator) shows
 * getResponse answers that way once a result has finished, so a poll can see part of a task.
 */
const finishedResultsOnly: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const sent = JSON.parse(String(init?.body ?? '[]')) as { taskType?: string }[];
  if (sent[0]?.taskType !== 'getResponse') return response;
  const body = (await response.json()) as { data?: { status?: string }[] };
  if (body.data?.some((item) => item.status === 'success'))
    body.data = body.data.filter((item) => item.status !== 'processing');
  return new Response(JSON.stringify(body), {
    status: response.status,
    statusText: response.statusText,
    headers: { 'content-type': 'application/json' },
  });
};

describe('result items', () => {
  it('waits for every version of a promptEnhance task (promptVersions, not numberResults)', async () => {
    // Versions finish at 1000, 1250 and 1500 ms; the submit times out at 800 ms, so the task is
    // collected with getResponse and polls see one, then two versions before the third.
    const transport = createRestTransport({
      apiKey: emulator.apiKey,
      httpBaseUrl: emulator.httpUrl,
      fetch: finishedResultsOnly,
      timeout: 800,
      retryDelay: 5,
    });
    const task = promptEnhanceTask();
    const result = await transport.send([task]);
    expect(result.errors).toEqual([]);
    expect(result.data).toHaveLength(3);
    for (const item of result.data)
      expect(item).toMatchObject({ taskType: 'promptEnhance', taskUUID: task.taskUUID, status: 'success' });
    expect(new Set(result.data.map((item) => item.text)).size).toBe(3);
    expect(await emulator.control.submitsOf(task.taskUUID)).toBe(1);
  });

  it('reports a failed item that carries no code as inferenceError', async () => {
    // The server runs the task and answers 502; the retry meets conflictTaskUUID and the results
    // are collected with getResponse, where slot 1 failed with an empty code.
    await emulator.control.addFaults([
      { kind: 'httpError', status: 502, phase: 'after', count: 1 },
      { kind: 'itemError', index: 1, code: '', message: 'the model crashed', count: 1 },
    ]);
    const task = imageTask({ numberResults: 2 });
    const result = await createRestTransport({
      apiKey: emulator.apiKey,
      httpBaseUrl: emulator.httpUrl,
      retryDelay: 5,
    }).send([task]);
    expect(result.data).toHaveLength(1);
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'inferenceError',
        message: 'the model crashed',
        taskType: 'imageInference',
        taskUUID: task.taskUUID,
      }),
    ]);
  });
});

describe('the API key', () => {
  /** A fetch whose errors quote the Authorization header, as some proxies and runtimes do. */
  const echoingFetch =
    (failures: number): typeof fetch =>
    async (input, init) => {
      if (failures-- > 0) {
        const authorization = new Headers(init?.headers).get('authorization');
        throw Object.assign(new TypeError(`fetch failed (Authorization: ${authorization})`), {
          code: 'ECONNREFUSED',
        });
      }
      return fetch(input, init);
    };

  it('is *** in log lines and error messages, even when a fetch error quotes it', async () => {
    const key = emulator.apiKey;
    const { log, lines } = captureLog();
    const options = { apiKey: key, httpBaseUrl: emulator.httpUrl, retryDelay: 5, log };

    const retried = await createRestTransport({ ...options, fetch: echoingFetch(1) }).send([imageTask()]);
    expect(retried.status).toBe(200);
    const retry = lines.find((line) => line.category === 'retry');
    expect(retry?.message).toContain('Bearer ***');

    const failing = createRestTransport({ ...options, fetch: echoingFetch(10), maxRetries: 0 });
    const error = await rejectionOf(failing.send([imageTask()]), isRunwareError);
    expect(error.code).toBe('connection');
    expect(error.message).toContain('Bearer ***');
    expect(error.message).not.toContain(key);
    expect(lines.find((line) => line.category === 'error')?.message).toContain('Bearer ***');

    expect(JSON.stringify(lines)).not.toContain(key);
    expect(JSON.stringify(lines)).not.toContain('[redacted]');
  });
});
