import { randomUUID } from 'node:crypto';
import { type RunningEmulator, startEmulator } from '@runware/emulator';
import { createWebSocketTransport, type WebSocketTransportOptions } from '../../src/index';

export type { RunningEmulator };
export { startEmulator };

/** The valid task of the brief; `extra` overrides any field. */
export function imageTask(extra: Record<string, unknown> = {}) {
  return {
    taskType: 'imageInference',
    taskUUID: randomUUID(),
    model: 'runware:400@1',
    width: 16,
    height: 16,
    deliveryMethod: 'sync',
    ...extra,
  };
}

/** Test-side JSON is `any`, so assertions can reach into bodies without casts (tests only). */
export async function control(emulator: RunningEmulator, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${emulator.controlUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

export const addFaults = (emulator: RunningEmulator, faults: unknown[]) =>
  control(emulator, '/faults', { faults });
export const reset = (emulator: RunningEmulator) => control(emulator, '/reset', {});
export const stats = (emulator: RunningEmulator) => control(emulator, '/stats');

/** Every WebSocket frame the emulator received (a JSON array of tasks each). */
export async function wsFrames(emulator: RunningEmulator): Promise<any[][]> {
  const { requests } = await control(emulator, '/requests');
  return requests
    .filter((r: { transport: string }) => r.transport === 'ws')
    .map((r: { body: unknown }) => (Array.isArray(r.body) ? r.body : []));
}

/** How many times each taskUUID was submitted (getResponse, ping and authentication excluded). */
export async function submitCounts(emulator: RunningEmulator): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const frame of await wsFrames(emulator)) {
    for (const task of frame) {
      if (['getResponse', 'ping', 'authentication'].includes(task.taskType)) continue;
      counts.set(task.taskUUID, (counts.get(task.taskUUID) ?? 0) + 1);
    }
  }
  return counts;
}

export interface LogLine {
  category: string;
  message: string;
  data?: unknown;
}

/** A transport on the emulator, with fast timings and a captured log. */
export function transportFor(emulator: RunningEmulator, extra: Partial<WebSocketTransportOptions> = {}) {
  const logs: LogLine[] = [];
  const transport = createWebSocketTransport({
    apiKey: emulator.apiKey,
    url: emulator.wsUrl,
    retryDelayMs: 20,
    maxReconnectDelayMs: 200,
    replayGraceMs: 50,
    random: () => 0,
    log: (category, message, data) => logs.push({ category, message, data }),
    ...extra,
  });
  return { transport, logs };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls an async task with getResponse until it has `n` successes. */
export async function pollUntilDone(
  transport: ReturnType<typeof createWebSocketTransport>,
  taskUUID: string,
  n = 1,
): Promise<any[]> {
  for (let i = 0; i < 200; i++) {
    const answer = await transport.send([{ taskType: 'getResponse', taskUUID }]);
    const done = answer.data.filter((item) => item.status === 'success');
    if (done.length >= n || answer.errors.length > 0) return answer.data;
    await sleep(20);
  }
  throw new Error(`task ${taskUUID} never finished`);
}
