import { randomUUID } from 'node:crypto';
import { type RunningEmulator, startEmulator } from '@runware/emulator';
import { createRestTransport, type LogCategory, type RestTransportOptions } from '../../src/index';

export type { RunningEmulator };
export { startEmulator };

/** A REST transport on `emulator` with short retry delays; `extra` overrides any option. */
export const transportFor = (emulator: RunningEmulator, extra: Partial<RestTransportOptions> = {}) =>
  createRestTransport({ apiKey: emulator.apiKey, baseUrl: emulator.httpUrl, retryDelayMs: 5, ...extra });

/** The valid sync task of the brief; `extra` overrides any field. */
export function imageTask(extra: Record<string, unknown> = {}) {
  return {
    taskType: 'imageInference',
    taskUUID: randomUUID(),
    model: 'runware:400@1',
    width: 64,
    height: 64,
    deliveryMethod: 'sync',
    ...extra,
  };
}

export function textStreamTask(extra: Record<string, unknown> = {}) {
  return {
    taskType: 'textInference',
    taskUUID: randomUUID(),
    model: 'google:gemma@4-31b',
    deliveryMethod: 'stream',
    messages: [{ role: 'user', content: 'Tell me about lighthouses' }],
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
/** Captured REST requests (bodies and headers, keys redacted by the emulator). */
export const captured = async (emulator: RunningEmulator): Promise<any[]> =>
  (await control(emulator, '/requests')).requests.filter(
    (r: { transport: string }) => r.transport === 'rest',
  );

/** How many times the emulator received a task with this taskUUID and taskType (a submit, not a poll). */
export async function submitsOf(emulator: RunningEmulator, taskUUID: string, taskType = 'imageInference') {
  const requests = await captured(emulator);
  return requests.filter((r) =>
    (r.body as { taskUUID: string; taskType: string }[]).some(
      (t) => t.taskUUID === taskUUID && t.taskType === taskType,
    ),
  ).length;
}

export interface LogLine {
  category: LogCategory;
  message: string;
  data: any;
}

/** A `log` option that records every line. */
export function captureLog() {
  const lines: LogLine[] = [];
  const log = (category: LogCategory, message: string, data?: unknown) => {
    lines.push({ category, message, data });
  };
  return { log, lines, retries: () => lines.filter((l) => l.category === 'retry') };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
