import {
  createEmulatorControl,
  dayZeroModel,
  type RunningEmulator,
  unusedPort,
} from '@runware/emulator/testing';

/** A fault of the schemas service (503 unless `fault` says otherwise). */
export const addFault = (
  emulator: RunningEmulator,
  fault: { status?: number; delayMs?: number; count?: number },
) => createEmulatorControl(emulator).addFaults([{ kind: 'serviceError', service: 'schemas', ...fault }]);
export const clearFaults = (emulator: RunningEmulator) => createEmulatorControl(emulator).clearFaults();
/** Adds the day-zero model of the brief; answers the new registry version. */
export const addNewModel = async (emulator: RunningEmulator): Promise<string> =>
  (await createEmulatorControl(emulator).addModel(dayZeroModel)).registryVersion;

/** A schemas base URL on which nothing listens. */
export const closedPortUrl = async (): Promise<string> => `http://127.0.0.1:${await unusedPort()}/schemas`;

export interface SeenRequest {
  url: string;
  ifNoneMatch: string | null;
  /** The status, or 'error' when the fetch rejected. */
  status: number | 'error' | 'pending';
}

/**
 * The global fetch, recording each call; `replace` may answer instead of the network (only for a
 * body the emulator cannot serve, such as a malformed registry.json).
 */
export function countingFetch(replace?: (call: number) => Response | undefined) {
  const seen: SeenRequest[] = [];
  const settled: Promise<unknown>[] = [];
  const wrapped: typeof globalThis.fetch = async (input, init) => {
    const entry: SeenRequest = {
      url: String(input),
      ifNoneMatch: new Headers(init?.headers).get('if-none-match'),
      status: 'pending',
    };
    seen.push(entry);
    const substitute = replace?.(seen.length);
    // The body is read here, so `idle()` knows the registry has everything it will read.
    const answer = (substitute ? Promise.resolve(substitute) : fetch(input, init)).then(async (response) =>
      response.status === 304 ? response : new Response(await response.text(), response),
    );
    settled.push(answer.catch(() => undefined));
    try {
      const response = await answer;
      entry.status = response.status;
      return response;
    } catch (error) {
      entry.status = 'error';
      throw error;
    }
  };
  /** Waits until every fetch started so far has answered. */
  const idle = async () => {
    let count = -1;
    while (count !== settled.length) {
      count = settled.length;
      await Promise.all(settled);
    }
    // The registry applies the body in a few microtasks; one macrotask later it is done.
    await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return { fetch: wrapped, seen, idle };
}

/** A clock the test moves by hand (the TTL reads it). */
export function manualClock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

export interface LogLine {
  category: string;
  message: string;
  data: unknown;
}

export function captureLog() {
  const lines: LogLine[] = [];
  return {
    lines,
    log: (category: string, message: string, data?: unknown) => void lines.push({ category, message, data }),
  };
}

/** Retries `check` until it passes or `timeoutMs` runs out (for work the registry does in the background). */
export async function eventually(check: () => Promise<void> | void, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
