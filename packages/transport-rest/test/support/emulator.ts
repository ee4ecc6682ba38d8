import { type RunningEmulator, startEmulator } from '@runware/emulator';
import {
  imageTask as baseImageTask,
  createEmulatorControl,
  type FaultSpec,
  textTask,
} from '@runware/emulator/testing';
import { createRestTransport, type LogCategory, type RestTransportOptions } from '../../src/index';

// What this package's tests add to @runware/emulator/testing: REST-flavoured fixtures, and the
// control API as functions of the emulator (the names the test files use).
export type { RunningEmulator };
export { startEmulator, textTask as textStreamTask };

/** A REST transport on `emulator` with short retry delays; `extra` overrides any option. */
export const transportFor = (emulator: RunningEmulator, extra: Partial<RestTransportOptions> = {}) =>
  createRestTransport({ apiKey: emulator.apiKey, httpBaseUrl: emulator.httpUrl, retryDelay: 5, ...extra });

/** A valid sync image task (64×64); `extra` overrides any field. */
export const imageTask = (extra: Record<string, unknown> = {}) =>
  baseImageTask({ width: 64, height: 64, deliveryMethod: 'sync', ...extra });

export const addFaults = (emulator: RunningEmulator, faults: readonly FaultSpec[]) =>
  createEmulatorControl(emulator).addFaults(faults);
export const reset = (emulator: RunningEmulator) => createEmulatorControl(emulator).reset();
export const stats = (emulator: RunningEmulator) => createEmulatorControl(emulator).stats();
/** Captured REST requests (bodies and headers, keys redacted); `any` so tests reach into bodies. */
export const captured = async (emulator: RunningEmulator): Promise<any[]> =>
  createEmulatorControl(emulator).requests({ transport: 'rest' });
/** How many REST requests carried a task with this taskUUID and taskType (a submit, or a getResponse poll). */
export async function submitsOf(emulator: RunningEmulator, taskUUID: string, taskType = 'imageInference') {
  const tasks = await createEmulatorControl(emulator).tasks({ transport: 'rest' });
  const carrying = tasks.filter((task) => task.taskUUID === taskUUID && task.taskType === taskType);
  return new Set(carrying.map((task) => task.requestId)).size;
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

/**
 * A log that records like `captureLog` and, at the first retry, adds `faults` to the emulator: the
 * faults hit what comes after the first failed attempt (the resend, the probe, the polls).
 * `armed()` is that request, to await before the test ends.
 */
export function faultsFromFirstRetry(emulator: RunningEmulator, faults: readonly FaultSpec[]) {
  const captured = captureLog();
  let armed: Promise<unknown> | undefined;
  const log = (category: LogCategory, message: string, data?: unknown) => {
    captured.log(category, message, data);
    if (category === 'retry' && !armed) armed = addFaults(emulator, faults);
  };
  return { ...captured, log, armed: () => armed };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
