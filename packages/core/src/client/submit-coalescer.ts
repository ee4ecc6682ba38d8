import { isRunwareError, RunwareError } from '../errors/runware-error';
import type { ResultItem, TaskPayload } from '../spec/task';
import type { SendOptionsV1, TransportResultV1 } from '../spec/transport-v1';
import { abortedError, contextOf } from '../transport-kit/transport-errors';

/** Tasks per coalesced request at most; more queued tasks go out as further requests. */
export const defaultMaxCoalescedTasks = 100;
/** Approximate JSON size of a coalesced request at most (a larger task still goes, alone). */
export const defaultMaxCoalescedBytes = 4 * 1024 * 1024;

export interface SubmitCoalescerOptions {
  /** Sends one request (a transport's `send`). A throw rejects every task of that request. */
  send(tasks: readonly TaskPayload[], options: SendOptionsV1): Promise<TransportResultV1>;
  /** How long (ms, > 0) the first queued task waits for others before the queue is sent. */
  windowMs: number;
  maxTasks?: number;
  maxBytes?: number;
}

/** The per-call options of one queued task. */
export interface CoalescedSendOptions {
  /** Aborting before the flush takes the task out of the queue; after it, only this call rejects. */
  signal?: AbortSignal | undefined;
  /** Tasks share a request only with tasks of the same `timeoutMs`. */
  timeoutMs?: number | undefined;
  /** Gets the pushed items of this task only. */
  onItem?: ((item: ResultItem) => void) | undefined;
}

export interface SubmitCoalescer {
  /**
   * Queues one task; resolves with this task's share of the answer of the request that carried it:
   * its items, its errors, and the errors that name no task of that request (request-wide).
   */
  submit(task: TaskPayload, options?: CoalescedSendOptions): Promise<TransportResultV1>;
  /** Sends what is queued now, without waiting for the window. */
  flush(): void;
  /** Rejects every queued (not yet sent) task with `error`. */
  failQueued(error: unknown): void;
}

interface Member {
  task: TaskPayload;
  options: CoalescedSendOptions;
  /** Settled (answered, failed or aborted): the request's answer no longer reaches it. */
  done: boolean;
  /** Listens to the call's signal: out of the queue, or out of the request in flight. */
  onAbort: () => void;
  /** Set while the member sits in a request in flight; tells the request when all have aborted. */
  onAbortInFlight?: (() => void) | undefined;
  resolve(answer: TransportResultV1): void;
  reject(error: unknown): void;
}

/**
 * Coalesces single-task submits made within `windowMs` of each other into one request: the API
 * takes a task array, and its errors are per task (`taskUUID`), so one bad task fails only its
 * own call. Tasks are grouped by `timeoutMs` (the transport takes one per request); signals stay
 * per call: the request gets a signal only when every task in it has one, and aborts when all of
 * them have aborted.
 */
export function createSubmitCoalescer(options: SubmitCoalescerOptions): SubmitCoalescer {
  const maxTasks = Math.max(1, options.maxTasks ?? defaultMaxCoalescedTasks);
  const maxBytes = options.maxBytes ?? defaultMaxCoalescedBytes;
  let queue: Member[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const settle = (member: Member, outcome: { answer: TransportResultV1 } | { error: unknown }) => {
    if (member.done) return;
    member.done = true;
    member.options.signal?.removeEventListener('abort', member.onAbort);
    if ('answer' in outcome) member.resolve(outcome.answer);
    else member.reject(outcome.error);
  };

  function flush(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const taken = queue;
    queue = [];
    const groups = new Map<number | undefined, Member[]>();
    for (const member of taken) {
      const key = member.options.timeoutMs;
      const group = groups.get(key);
      if (group) group.push(member);
      else groups.set(key, [member]);
    }
    for (const group of groups.values()) for (const chunk of chunked(group)) dispatch(chunk);
  }

  function chunked(group: Member[]): Member[][] {
    const chunks: Member[][] = [];
    let current: Member[] = [];
    let bytes = 0;
    for (const member of group) {
      const size = approxJsonSize(member.task);
      if (current.length > 0 && (current.length >= maxTasks || bytes + size > maxBytes)) {
        chunks.push(current);
        current = [];
        bytes = 0;
      }
      current.push(member);
      bytes += size;
    }
    if (current.length > 0) chunks.push(current);
    return chunks;
  }

  function dispatch(members: Member[]): void {
    const tasks = members.map((member) => member.task);
    const only = members.length === 1 ? members[0] : undefined;
    const byUUID = new Map(members.map((member) => [member.task.taskUUID, member]));
    // A request shared with a call that has no signal must go on; otherwise it stops once all abort.
    const controller =
      !only && members.every((member) => member.options.signal) ? new AbortController() : undefined;
    if (controller) {
      for (const member of members) {
        member.onAbortInFlight = () => {
          if (members.every((m) => m.done)) controller.abort(member.options.signal?.reason);
        };
      }
    }
    const sendOptions: SendOptionsV1 = {
      signal: only ? only.options.signal : controller?.signal,
      timeoutMs: members[0]?.options.timeoutMs,
      onItem: (item) => {
        const member = typeof item.taskUUID === 'string' ? byUUID.get(item.taskUUID) : undefined;
        if (member && !member.done) member.options.onItem?.(item);
      },
    };
    let sent: Promise<TransportResultV1>;
    try {
      sent = options.send(tasks, sendOptions);
    } catch (error) {
      sent = Promise.reject(error);
    }
    sent.then(
      (answer) => {
        const uuids = new Set(byUUID.keys());
        for (const member of members)
          settle(member, { answer: only ? answer : shareOf(answer, member.task.taskUUID, uuids) });
      },
      (error: unknown) => {
        for (const member of members) settle(member, { error: only ? error : forTask(error, member.task) });
      },
    );
  }

  return {
    submit(task, submitOptions = {}) {
      return new Promise<TransportResultV1>((resolve, reject) => {
        const { signal } = submitOptions;
        if (signal?.aborted) return reject(abortedError(contextOf([task]), signal.reason));
        const member: Member = {
          task,
          options: submitOptions,
          done: false,
          resolve,
          reject,
          onAbort: () => {
            const index = queue.indexOf(member);
            if (index >= 0) queue.splice(index, 1);
            if (queue.length === 0 && timer !== undefined) {
              clearTimeout(timer);
              timer = undefined;
            }
            settle(member, { error: abortedError(contextOf([task]), signal?.reason) });
            member.onAbortInFlight?.();
          },
        };
        signal?.addEventListener('abort', member.onAbort, { once: true });
        queue.push(member);
        timer ??= setTimeout(flush, options.windowMs);
      });
    },
    flush,
    failQueued(error) {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const taken = queue;
      queue = [];
      for (const member of taken) settle(member, { error });
    },
  };
}

/**
 * One task's share of a coalesced answer: its items and errors, plus the errors that belong to no
 * task of the request (an error without a taskUUID fails every task of the request).
 */
function shareOf(answer: TransportResultV1, taskUUID: string, uuids: ReadonlySet<string>): TransportResultV1 {
  return {
    data: answer.data.filter((item) => item.taskUUID === taskUUID),
    errors: answer.errors.filter(
      (error) => error.taskUUID === taskUUID || !error.taskUUID || !uuids.has(error.taskUUID),
    ),
    ...(answer.status === undefined ? {} : { status: answer.status }),
  };
}

/** A request-wide RunwareError, copied with the task's context (as a lone request would have it). */
function forTask(error: unknown, task: TaskPayload): unknown {
  if (!isRunwareError(error) || error.taskUUID !== undefined) return error;
  return new RunwareError(error.code, error.message, {
    rawCode: error.rawCode,
    parameter: error.parameter,
    documentation: error.documentation,
    taskType: error.taskType ?? task.taskType,
    taskUUID: task.taskUUID,
    statusCode: error.statusCode,
    validationErrors: error.validationErrors,
    cause: (error as { cause?: unknown }).cause,
  });
}

/** A cheap estimate of a task's JSON length: strings dominate (inline media), the rest is small. */
export function approxJsonSize(value: unknown, depth = 0): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value !== 'object' || value === null || depth > 64) return 8;
  let size = 2;
  if (Array.isArray(value)) for (const entry of value) size += approxJsonSize(entry, depth + 1) + 1;
  else
    for (const [key, entry] of Object.entries(value))
      size += key.length + 4 + approxJsonSize(entry, depth + 1);
  return size;
}
