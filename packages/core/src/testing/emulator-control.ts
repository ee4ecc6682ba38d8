import { show } from './assertions';

/** One fault as the emulator's control API takes it (`POST /faults`); see its README for the kinds. */
export interface FaultSpec {
  kind: string;
  rate?: number;
  count?: number;
  taskType?: string;
  transport?: 'rest' | 'ws';
  [field: string]: unknown;
}

/** One captured request (a REST body or a WebSocket frame), as `GET /requests` lists it. */
export interface CapturedRequest {
  id: number;
  transport: string;
  body: unknown;
}

/** The counters of `GET /stats` the suite reads. */
export interface EmulatorStats {
  connections: { opened: number; authenticated: number; resumed: number; dropped: number };
  faultsApplied: Record<string, number>;
  errors: Record<string, number>;
}

/** A point in the request log: what the emulator received after it. */
export interface RequestMark {
  /** Requests captured since the mark. */
  requests(): Promise<CapturedRequest[]>;
  /** How many times a task with this taskUUID was submitted since the mark (getResponse polls excluded). */
  submitsOf(taskUUID: string): Promise<number>;
  /** How many getResponse polls of this taskUUID arrived since the mark. */
  pollsOf(taskUUID: string): Promise<number>;
  /** Throws unless every one of these taskUUIDs was submitted at most once since the mark. */
  assertSubmittedAtMostOnce(taskUUIDs: readonly string[]): Promise<void>;
  /** Polls the log until a task with this taskUUID arrived, so a test acts while it is in flight. */
  waitForSubmit(taskUUID: string, timeoutMs?: number): Promise<void>;
}

export interface EmulatorControl {
  addFaults(faults: readonly FaultSpec[]): Promise<void>;
  clearFaults(): Promise<void>;
  stats(): Promise<EmulatorStats>;
  /** Marks the request log now; ask the mark what came after. */
  mark(): Promise<RequestMark>;
}

type Json = Record<string, unknown>;
const isJson = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asNumber = (value: unknown): number => (typeof value === 'number' ? value : 0);
const asCounts = (value: unknown): Record<string, number> => {
  const out: Record<string, number> = {};
  if (isJson(value)) for (const [key, count] of Object.entries(value)) out[key] = asNumber(count);
  return out;
};

/** The tasks one captured request carried: a JSON array of task objects, else nothing. */
export function tasksOf(request: CapturedRequest): Json[] {
  return Array.isArray(request.body) ? request.body.filter(isJson) : [];
}

/** Counts submissions (`polls` false) or getResponse polls (`polls` true) of `taskUUID`. */
export function countTasks(requests: readonly CapturedRequest[], taskUUID: string, polls = false): number {
  let count = 0;
  for (const request of requests)
    for (const task of tasksOf(request))
      if (task.taskUUID === taskUUID && (task.taskType === 'getResponse') === polls) count += 1;
  return count;
}

/** Talks to the emulator's control API over plain fetch: no dependency on @runware/emulator. */
export function createEmulatorControl(controlUrl: string): EmulatorControl {
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${controlUrl}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`emulator control ${method} ${path}: HTTP ${response.status} ${text}`);
    return text === '' ? undefined : JSON.parse(text);
  };

  const requestsSince = async (since: number): Promise<CapturedRequest[]> => {
    const answer = await call('GET', `/requests?since=${since}`);
    const list = isJson(answer) && Array.isArray(answer.requests) ? answer.requests : [];
    return list.filter(isJson).map((entry) => ({
      id: asNumber(entry.id),
      transport: String(entry.transport),
      body: entry.body,
    }));
  };

  // The highest id seen so far: each mark only fetches what is new since the previous one.
  let lastId = 0;

  return {
    async addFaults(faults) {
      await call('POST', '/faults', { faults });
    },
    async clearFaults() {
      await call('DELETE', '/faults');
    },
    async stats() {
      const raw = await call('GET', '/stats');
      const json = isJson(raw) ? raw : {};
      const connections = isJson(json.connections) ? json.connections : {};
      return {
        connections: {
          opened: asNumber(connections.opened),
          authenticated: asNumber(connections.authenticated),
          resumed: asNumber(connections.resumed),
          dropped: asNumber(connections.dropped),
        },
        faultsApplied: asCounts(json.faultsApplied),
        errors: asCounts(json.errors),
      };
    },
    async mark() {
      for (const request of await requestsSince(lastId)) lastId = Math.max(lastId, request.id);
      const since = lastId;
      const requests = () => requestsSince(since);
      const submitsOf = async (taskUUID: string) => countTasks(await requests(), taskUUID);
      return {
        requests,
        submitsOf,
        pollsOf: async (taskUUID) => countTasks(await requests(), taskUUID, true),
        async assertSubmittedAtMostOnce(taskUUIDs) {
          const seen = await requests();
          const repeated = taskUUIDs
            .map((uuid) => ({ uuid, count: countTasks(seen, uuid) }))
            .filter((entry) => entry.count > 1);
          if (repeated.length > 0) {
            throw new Error(
              `expected every taskUUID to be submitted at most once, got ${repeated
                .map((entry) => `${entry.uuid} ×${entry.count}`)
                .join(', ')}`,
            );
          }
        },
        async waitForSubmit(taskUUID, timeoutMs = 5000) {
          const deadline = Date.now() + timeoutMs;
          while (Date.now() < deadline) {
            if ((await submitsOf(taskUUID)) > 0) return;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          throw new Error(`expected the emulator to receive task ${show(taskUUID)} within ${timeoutMs} ms`);
        },
      };
    },
  };
}
