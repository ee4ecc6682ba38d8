import { isRunwareError, type RunwareError } from '@runware/core';
import { rejectionOf, startTestEmulator, useEmulator } from '@runware/emulator/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRestTransport, type RestTransportOptions } from '../src/index';
import { captured, imageTask, sleep, textStreamTask } from './support/emulator';

/**
 * `maxConnections` bounds the sockets a transport opens, counted where they arrive: at the
 * emulator (`httpConnections.peakOpen`). Each burst gets an emulator of its own, so sockets kept
 * alive by an earlier burst (the global fetch pools them per origin) are not counted.
 */
/**
 * At most `limit` sockets were open at once. A socket the server or the runtime closed and the
 * client replaced can be counted open at the emulator for a moment beside its replacement (the
 * close is seen after the new connection), so one replacement may show as `limit + 1`; anything
 * more is a socket the cap let through.
 */
function expectWithin(httpConnections: { accepted: number; peakOpen: number }, limit: number) {
  expect(httpConnections.peakOpen).toBeGreaterThan(0);
  const replaced = httpConnections.accepted > limit ? 1 : 0;
  expect(httpConnections.peakOpen).toBeLessThanOrEqual(limit + replaced);
  expect(httpConnections.accepted).toBeLessThanOrEqual(limit + 4);
}

async function burst(options: Partial<RestTransportOptions>, count = 1000) {
  const emulator = await startTestEmulator({ latency: { default: 5, imageInference: 5 } });
  try {
    const transport = createRestTransport({
      apiKey: emulator.apiKey,
      httpBaseUrl: emulator.httpUrl,
      ...options,
    });
    const tasks = Array.from({ length: count }, () => imageTask({ width: 8, height: 8 }));
    const results = await Promise.all(tasks.map((task) => transport.send([task])));
    await transport.close();
    const { httpConnections } = await emulator.control.stats();
    const answered = results.filter((r) => r.status === 200 && r.errors.length === 0 && r.data.length === 1);
    return { answered: answered.length, httpConnections };
  } finally {
    await emulator.close();
  }
}

// `fetch: globalThis.fetch` stands for every fetch the transport does not pool itself: the global
// one (browsers, edge runtimes, Node without undici; Node's opens a socket per concurrent request)
// or one the caller injects. Without `fetch`, Node uses undici's Agent (the `node` project) and
// the edge project uses edge-runtime's global fetch.
describe('1,000 concurrent sends', () => {
  it('over the global fetch open at most maxConnections sockets, and all complete', async () => {
    const { answered, httpConnections } = await burst({ fetch: globalThis.fetch, maxConnections: 16 });
    expect(answered).toBe(1000);
    expectWithin(httpConnections, 16);
  });

  it('over the global fetch stay within the default of 64', async () => {
    const { answered, httpConnections } = await burst({ fetch: globalThis.fetch });
    expect(answered).toBe(1000);
    expectWithin(httpConnections, 64);
  });

  it('over the runtime default fetch (undici on Node) open at most maxConnections sockets', async () => {
    const { answered, httpConnections } = await burst({ maxConnections: 16 });
    expect(answered).toBe(1000);
    expectWithin(httpConnections, 16);
  });

  it('over the runtime default fetch stay within the default of 64', async () => {
    const { answered, httpConnections } = await burst({});
    expect(answered).toBe(1000);
    expectWithin(httpConnections, 64);
  });
});

describe('waiting for a connection', () => {
  // Slow answers, so the one connection stays taken while the others wait.
  const emulator = useEmulator(
    { beforeAll, afterAll, afterEach },
    { latency: { default: 5, imageInference: 400 } },
  );
  const rejection = (promise: Promise<unknown>): Promise<RunwareError> =>
    rejectionOf(promise, isRunwareError);
  const single = () =>
    createRestTransport({ apiKey: emulator.apiKey, httpBaseUrl: emulator.httpUrl, maxConnections: 1 });
  const sentTasks = async () => (await captured(emulator)).flatMap((request) => request.body);

  it('ends at once on abort, and the waiting task is never sent', async () => {
    const transport = single();
    const first = imageTask();
    const waiting = imageTask();
    const settled: string[] = [];
    const running = transport.send([first]).finally(() => settled.push('running'));
    const controller = new AbortController();
    const queued = transport.send([waiting], { signal: controller.signal });
    await sleep(50);
    controller.abort(new Error('changed my mind'));
    const error = await rejection(queued);
    settled.push('aborted');
    expect(error.code).toBe('aborted');
    expect((await running).data).toHaveLength(1);
    // It left the line while the request ahead of it still held the connection.
    expect(settled).toEqual(['aborted', 'running']);
    const uuids = (await sentTasks()).map((task: { taskUUID: string }) => task.taskUUID);
    expect(uuids).toContain(first.taskUUID);
    expect(uuids).not.toContain(waiting.taskUUID);
    await transport.close();
  });

  it('ends on close() with the connection error, like a request in flight', async () => {
    const transport = single();
    if (!transport.stream) throw new Error('the REST transport streams');
    const running = transport.send([imageTask()]);
    const queued = [transport.send([imageTask()]), transport.stream(textStreamTask())];
    const errors = Promise.all([running, ...queued].map(rejection));
    await sleep(50);
    await transport.close();
    for (const error of await errors)
      expect(error).toMatchObject({ code: 'connection', rawCode: 'disconnected' });
    expect(await sentTasks()).toHaveLength(1);
  });

  it('serves the waiting sends in order, one connection at a time', async () => {
    const own = await startTestEmulator({ latency: { default: 5, imageInference: 20 } });
    const transport = createRestTransport({
      apiKey: own.apiKey,
      httpBaseUrl: own.httpUrl,
      maxConnections: 1,
    });
    const tasks = [imageTask(), imageTask(), imageTask(), imageTask()];
    const results = await Promise.all(tasks.map((task) => transport.send([task])));
    expect(results.map((r) => r.data[0]?.taskUUID)).toEqual(tasks.map((t) => t.taskUUID));
    const order = (await own.control.requests({ transport: 'rest' })).map(
      (request) => (request.body as { taskUUID: string }[])[0]?.taskUUID,
    );
    expect(order).toEqual(tasks.map((t) => t.taskUUID));
    expect((await own.control.stats()).httpConnections.peakOpen).toBe(1);
    await transport.close();
    await own.close();
  });
});

describe('the maxConnections option', () => {
  it.each([0, -1, 1.5, '8', Number.NaN])('rejects %s naming the field', (value) => {
    let error: unknown;
    try {
      createRestTransport({ apiKey: 'k', maxConnections: value as number });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ rawCode: 'invalidConfig', parameter: 'maxConnections' });
  });

  it('accepts a positive integer and Infinity (no cap)', () => {
    expect(() => createRestTransport({ apiKey: 'k', maxConnections: 1 })).not.toThrow();
    expect(() => createRestTransport({ apiKey: 'k', maxConnections: Infinity })).not.toThrow();
  });
});
