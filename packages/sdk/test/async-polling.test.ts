import { randomUUID } from 'node:crypto';
import { useEmulator } from '@runware/emulator/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ClientOptions, createClient, type RunwareClient } from '../src/index';

// How async tasks are polled, read from the requests the emulator captured (never from the wall
// clock): which tasks each getResponse request carried, and how many polls each task took.
// Task durations by taskType: images 150 ms, videos 4.5 s, training 8 s. 4.5 s sits midway between
// two points of the no-history ladder (3.65 and 5.47 s), so a slow ACK does not change its polls.
const emulator = useEmulator(
  { beforeAll, afterAll, beforeEach },
  { latency: { default: 5, imageInference: 150, videoInference: 4500, training: 8000 } },
);

const image = () => ({
  taskUUID: randomUUID(),
  model: 'runware:400@1',
  positivePrompt: 'a fox',
  width: 16,
  height: 16,
});
const video = () => ({
  taskUUID: randomUUID(),
  model: 'google:3@3',
  positivePrompt: 'a fox',
  width: 32,
  height: 32,
  duration: 1,
});
const training = () => ({ taskUUID: randomUUID(), model: 'exactly:illustrative@training' });

/** A fresh client (so no duration history) on `transportType`, against the file's emulator. */
async function clientOn(transportType: 'rest' | 'websocket'): Promise<RunwareClient> {
  const options: ClientOptions = {
    apiKey: emulator.apiKey,
    transportType,
    httpBaseUrl: emulator.httpUrl,
    wsBaseUrl: emulator.wsUrl,
    schemasBaseUrl: emulator.schemasUrl,
  };
  return createClient(options);
}

/** The taskUUIDs of every getResponse request captured, one set per request, oldest first. */
async function pollRequests(): Promise<Set<string>[]> {
  const byRequest = new Map<number, Set<string>>();
  for (const task of await emulator.control.tasks()) {
    if (task.taskType !== 'getResponse' || typeof task.taskUUID !== 'string') continue;
    const request = byRequest.get(task.requestId) ?? new Set<string>();
    request.add(task.taskUUID);
    byRequest.set(task.requestId, request);
  }
  return [...byRequest.values()];
}

/** Resolves once the emulator has seen `count` polls of `taskUUID`. */
async function untilPolled(taskUUID: string, count: number): Promise<void> {
  while ((await emulator.control.pollsOf(taskUUID)) < count) await new Promise((r) => setTimeout(r, 10));
}

describe.each(['rest', 'websocket'] as const)('async polling over %s', (transportType) => {
  it('polls a short task added while a long one is pending on its own schedule, without the long one', async () => {
    await using client = await clientOn(transportType);
    const long = training();
    const running = client.run(long).catch(() => undefined);
    // Six polls of the long task in, its polls are over a second apart.
    await untilPolled(long.taskUUID, 6);
    const longPollsBefore = await emulator.control.pollsOf(long.taskUUID);
    const short = image();
    const [result] = await client.run(short);
    expect(result?.taskUUID).toBe(short.taskUUID);
    const shortPolls = (await pollRequests()).filter((request) => request.has(short.taskUUID));
    expect(shortPolls.length).toBeGreaterThan(0);
    // The short task was seen done before the long task was polled again: none of its polls
    // waited for (or carried) the long task.
    for (const request of shortPolls) expect([...request]).toEqual([short.taskUUID]);
    expect(await emulator.control.pollsOf(long.taskUUID)).toBe(longPollsBefore);
    await client.close();
    await running;
  }, 30_000);
});

describe('learned cadence', () => {
  it('polls a repeated model fewer times than the first time this client ran it', async () => {
    await using client = await clientOn('rest');
    const polls: number[] = [];
    for (let run = 0; run < 2; run++) {
      const task = video();
      await client.run(task);
      polls.push(await emulator.control.pollsOf(task.taskUUID));
    }
    // The first run follows the age-based ladder (0.32, 0.48, 0.72, 1.08, 1.62, 2.43, 3.65, 5.47 s:
    // 8 polls). The second skips to the expected finish: two safety polls, then a few around it.
    const [first, second] = polls as [number, number];
    expect(first).toBe(8);
    expect(second).toBeLessThan(first);
  }, 30_000);
});
