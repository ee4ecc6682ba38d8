import type { ControlOperations, EmulatorStats } from '../control/control-operations';
import type { FaultSpec } from '../control/fault-spec';
import type { ActiveFault } from '../control/faults';
import type { ModelRecord, NewModel } from '../state/model-registry';
import type { CapturedRequest } from '../state/request-log';
import type { Transport } from '../state/stats';

/** One task of a captured request, with the transport and headers that carried it. */
export interface CapturedTask {
  taskType?: string;
  taskUUID?: string;
  [param: string]: unknown;
  /** The transport the task came over. */
  via: Transport;
  /** The request's headers (keys redacted). */
  headers: Record<string, string>;
  /** The id of the captured request (a REST body or a WebSocket frame) that held it. */
  requestId: number;
}

/** Which captured requests a query looks at. */
export interface RequestFilter {
  /** Only requests captured after the one with this id (see {@link EmulatorControl.mark}). */
  since?: number;
  /** Only REST bodies or only WebSocket frames. */
  transport?: Transport;
}

/** A point in the request log: every query answers only for what came after it. */
export interface RequestMark {
  /** The id of the last request captured before the mark (0 when there was none). */
  since: number;
  requests(filter?: Omit<RequestFilter, 'since'>): Promise<CapturedRequest[]>;
  tasks(filter?: Omit<RequestFilter, 'since'>): Promise<CapturedTask[]>;
  submitsOf(taskUUID: string, filter?: Omit<RequestFilter, 'since'>): Promise<number>;
  pollsOf(taskUUID: string, filter?: Omit<RequestFilter, 'since'>): Promise<number>;
}

/**
 * The emulator's control API (`/_emulator/*`), typed: faults, reset, stats, captured requests and
 * runtime models. A "submit" is a task item other than `getResponse`, `ping` and `authentication`;
 * a "poll" is a `getResponse` item.
 */
export interface EmulatorControl {
  /** `POST /faults`; a `wsClose` without `rate`/`afterFrames` closes the open sockets at once. */
  addFaults(faults: readonly FaultSpec[]): Promise<{ added: ActiveFault[]; closedNow: number }>;
  /** `GET /faults`: the active faults and how often each fired. */
  faults(): Promise<ActiveFault[]>;
  /** `DELETE /faults`. */
  clearFaults(): Promise<void>;
  /** `POST /reset`: closes sockets and clears tasks, media, sessions, captured requests, faults, stats and runtime models. */
  reset(): Promise<void>;
  stats(): Promise<EmulatorStats>;
  /** Captured requests, oldest first (keys redacted). */
  requests(filter?: RequestFilter): Promise<CapturedRequest[]>;
  /** The tasks of the captured requests, flattened, oldest first. */
  tasks(filter?: RequestFilter): Promise<CapturedTask[]>;
  /** How many times each taskUUID was submitted. */
  submitCounts(filter?: RequestFilter): Promise<Map<string, number>>;
  /** How many times a task with this taskUUID was submitted. */
  submitsOf(taskUUID: string, filter?: RequestFilter): Promise<number>;
  /** How many getResponse polls asked about this taskUUID. */
  pollsOf(taskUUID: string, filter?: RequestFilter): Promise<number>;
  /** Marks the request log now; ask the mark what came after. */
  mark(): Promise<RequestMark>;
  /** `POST /models`: adds (or replaces) a model at runtime and bumps the registry version. */
  addModel(model: NewModel): Promise<{ model: ModelRecord; registryVersion: string }>;
}

const notSubmits = new Set(['getResponse', 'ping', 'authentication']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The tasks of captured requests, flattened, each with the request's transport and headers. */
export function tasksOf(requests: readonly CapturedRequest[]): CapturedTask[] {
  return requests.flatMap((request) =>
    (Array.isArray(request.body) ? request.body.filter(isRecord) : []).map((task) => ({
      ...task,
      via: request.transport,
      headers: request.headers,
      requestId: request.id,
    })),
  );
}

function countBy(tasks: readonly CapturedTask[], polls: boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (const task of tasks) {
    if (typeof task.taskUUID !== 'string') continue;
    const isPoll = task.taskType === 'getResponse';
    if (polls ? !isPoll : notSubmits.has(String(task.taskType))) continue;
    counts.set(task.taskUUID, (counts.get(task.taskUUID) ?? 0) + 1);
  }
  return counts;
}

/**
 * A typed client for a running emulator's control API, in process (no HTTP): pass the emulator,
 * or a handle whose `controlApi` is read at each call (so one whose emulator starts later works).
 * Third-party conformance runs that only have a URL use `@runware/core/testing`'s fetch client.
 */
export function createEmulatorControl(target: { readonly controlApi: ControlOperations }): EmulatorControl {
  // Lets I/O already queued (a socket's close, a webhook answer) reach the emulator's counters
  // first, as an HTTP round trip to the control API would.
  const api = async () => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return target.controlApi;
  };
  const requests = async ({ since = 0, transport }: RequestFilter = {}) => {
    const list = (await api()).requests(since);
    return transport === undefined ? list : list.filter((request) => request.transport === transport);
  };
  const tasks = async (filter?: RequestFilter) => tasksOf(await requests(filter));
  const submitCounts = async (filter?: RequestFilter) => countBy(await tasks(filter), false);
  const submitsOf = async (taskUUID: string, filter?: RequestFilter) =>
    (await submitCounts(filter)).get(taskUUID) ?? 0;
  const pollsOf = async (taskUUID: string, filter?: RequestFilter) =>
    countBy(await tasks(filter), true).get(taskUUID) ?? 0;

  return {
    addFaults: async (faults) => (await api()).addFaults({ faults }),
    faults: async () => (await api()).faults(),
    clearFaults: async () => (await api()).clearFaults(),
    reset: async () => (await api()).reset(),
    stats: async () => (await api()).stats(),
    requests,
    tasks,
    submitCounts,
    submitsOf,
    pollsOf,
    async mark() {
      const since = (await requests()).reduce((max, request) => Math.max(max, request.id), 0);
      return {
        since,
        requests: (filter) => requests({ ...filter, since }),
        tasks: (filter) => tasks({ ...filter, since }),
        submitsOf: (taskUUID, filter) => submitsOf(taskUUID, { ...filter, since }),
        pollsOf: (taskUUID, filter) => pollsOf(taskUUID, { ...filter, since }),
      };
    },
    addModel: async (model) => (await api()).addModel(model),
  };
}
