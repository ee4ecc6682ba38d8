import { type RunningEmulator, startEmulator } from '@runware/emulator';
import { imageTask as baseImageTask, createEmulatorControl, type FaultSpec } from '@runware/emulator/testing';
import { createWebSocketTransport, type WebSocketTransportOptions } from '../../src/index';

// What this package's tests add to @runware/emulator/testing: WebSocket-flavoured fixtures, and the
// control API as functions of the emulator (the names the test files use).
export type { RunningEmulator };
export { startEmulator };

/** A valid sync image task; `extra` overrides any field. */
export const imageTask = (extra: Record<string, unknown> = {}) =>
  baseImageTask({ deliveryMethod: 'sync', ...extra });

export const addFaults = (emulator: RunningEmulator, faults: readonly FaultSpec[]) =>
  createEmulatorControl(emulator).addFaults(faults);
export const stats = (emulator: RunningEmulator) => createEmulatorControl(emulator).stats();
/** How many times each taskUUID was submitted over WebSocket (getResponse, ping and authentication excluded). */
export const submitCounts = (emulator: RunningEmulator) =>
  createEmulatorControl(emulator).submitCounts({ transport: 'ws' });

/** Every WebSocket frame the emulator received (a JSON array of tasks each); `any` so tests reach into them. */
export async function wsFrames(emulator: RunningEmulator): Promise<any[][]> {
  const requests = await createEmulatorControl(emulator).requests({ transport: 'ws' });
  return requests.map((request) => (Array.isArray(request.body) ? request.body : []));
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
    wsBaseUrl: emulator.wsUrl,
    retryDelay: 20,
    maxReconnectDelay: 200,
    replayGrace: 50,
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
