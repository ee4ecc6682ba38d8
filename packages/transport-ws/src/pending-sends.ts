import type { RawApiError, ResultItem, RunwareError, TaskPayload, TransportResultV1 } from '@runware/core';
import { expectedItems } from '@runware/core';
import { errorKey, itemKey } from './dedupe';
import type { WebSocketLogger } from './options';

/** One send() call: resolves once every one of its tasks has its answer. */
export interface SendGroup {
  remaining: number;
  data: ResultItem[];
  errors: RawApiError[];
  onItem: ((item: ResultItem) => void) | undefined;
  settled: boolean;
  resolve(result: TransportResultV1): void;
  reject(error: RunwareError): void;
  /** Releases timers and listeners; called once, whichever way the group ends. */
  cleanup(): void;
}

/**
 * A submitted task. `phase`: `queued` (on no socket yet), `sent` (written, fate unknown: it may
 * never have reached the server), `known` (the server has it: an ACK, an item, an error).
 */
export interface SubmitEntry {
  kind: 'submit';
  mode: 'sync' | 'async';
  task: TaskPayload;
  group: SendGroup;
  phase: 'queued' | 'sent' | 'known';
  /** A getResponse for it is outstanding on the current socket. */
  probing: boolean;
  /** A known sync task whose items are collected through getResponse after a drop. */
  recovering: boolean;
  /** How many times this transport wrote it on a socket. */
  submits: number;
  expected: number;
  count: number;
  seen: Set<string>;
  errorsSeen: Set<string>;
  ackTimer: ReturnType<typeof setTimeout> | undefined;
  done: boolean;
}

/** A getResponse the caller sent: answered by the next state frame for its taskUUID. */
export interface PollEntry {
  kind: 'poll';
  task: TaskPayload;
  group: SendGroup;
  done: boolean;
}

export type Entry = SubmitEntry | PollEntry;

export interface RoutingHooks {
  /** The server never saw this task: write it again. */
  resend(entry: SubmitEntry): void;
  /** A recovering sync task is still incomplete: make sure a getResponse is coming. */
  keepPolling(): void;
  log: WebSocketLogger;
}

const asyncLike = (task: TaskPayload) =>
  task.deliveryMethod === 'async' || typeof task.webhookURL === 'string';

export function newSubmitEntry(task: TaskPayload, group: SendGroup): SubmitEntry {
  return {
    kind: 'submit',
    mode: asyncLike(task) ? 'async' : 'sync',
    task,
    group,
    phase: 'queued',
    probing: false,
    recovering: false,
    submits: 0,
    expected: expectedItems(task),
    count: 0,
    seen: new Set(),
    errorsSeen: new Set(),
    ackTimer: undefined,
    done: false,
  };
}

/** Marks one entry answered; the group resolves with its last entry. */
export function finishEntry(entry: Entry): void {
  if (entry.done) return;
  entry.done = true;
  if (entry.kind === 'submit' && entry.ackTimer) clearTimeout(entry.ackTimer);
  const group = entry.group;
  group.remaining -= 1;
  if (group.remaining > 0 || group.settled) return;
  group.settled = true;
  group.cleanup();
  group.resolve({ data: group.data, errors: group.errors });
}

/** Ends a group early (timeout, abort, disconnect, give-up): its tasks stop being routed. */
export function failGroup(group: SendGroup, entries: readonly Entry[], error: RunwareError): void {
  if (group.settled) return;
  group.settled = true;
  for (const entry of entries) {
    entry.done = true;
    if (entry.kind === 'submit' && entry.ackTimer) clearTimeout(entry.ackTimer);
  }
  group.cleanup();
  group.reject(error);
}

function markKnown(entry: SubmitEntry): void {
  entry.phase = 'known';
  entry.probing = false;
  if (entry.ackTimer) clearTimeout(entry.ackTimer);
  entry.ackTimer = undefined;
}

function addError(entry: SubmitEntry, raw: RawApiError): void {
  const key = errorKey(raw);
  if (entry.errorsSeen.has(key)) return;
  entry.errorsSeen.add(key);
  entry.group.errors.push({
    ...raw,
    taskUUID: entry.task.taskUUID,
    taskType: raw.taskType ?? entry.task.taskType,
  });
  finishEntry(entry);
}

function report(entry: SubmitEntry, item: ResultItem, log: WebSocketLogger): void {
  entry.group.data.push(item);
  try {
    entry.group.onItem?.(item);
  } catch (error) {
    // A throwing callback must not break dispatch for every other task on the socket.
    log('warn', 'onItem threw; the item is still delivered', {
      taskUUID: item.taskUUID,
      error: String(error),
    });
  }
}

const isTerminalUpload = (item: ResultItem) => item.status === 'ready' || item.status === 'failed';

/** Applies one frame's items and errors for a submitted task. */
export function routeToSubmit(
  entry: SubmitEntry,
  items: readonly ResultItem[],
  errors: readonly RawApiError[],
  hooks: RoutingHooks,
): void {
  for (const raw of errors) {
    if (entry.done) return;
    if (raw.code === 'taskNotFound') {
      // Only a probe of ours gets this; a stale copy (replay, duplicate) is ignored.
      if (!entry.probing) continue;
      entry.probing = false;
      if (entry.phase !== 'known') {
        hooks.log('retry', 'the server never received the task: sending it again', {
          taskUUID: entry.task.taskUUID,
        });
        hooks.resend(entry);
        continue;
      }
      addError(entry, raw);
      continue;
    }
    if (raw.code === 'conflictTaskUUID' && entry.submits > 1) {
      // Our own resubmission met the original: the server has the task, and nothing is wrong.
      markKnown(entry);
      if (entry.mode === 'async') {
        entry.group.data.push({ taskType: entry.task.taskType, taskUUID: entry.task.taskUUID });
        finishEntry(entry);
      } else entry.recovering = true;
      continue;
    }
    markKnown(entry);
    addError(entry, raw);
  }
  if (entry.done || items.length === 0) {
    if (!entry.done && entry.recovering && entry.phase === 'known') hooks.keepPolling();
    return;
  }
  markKnown(entry);
  if (entry.mode === 'async') {
    // The ACK, or (after a probe) the task's state: either way, it was accepted.
    const first = items[0];
    const ack =
      first && first.status === undefined
        ? first
        : { taskType: entry.task.taskType, taskUUID: entry.task.taskUUID };
    entry.group.data.push(ack);
    finishEntry(entry);
    return;
  }
  for (const item of items) {
    if (entry.done) return;
    if (item.status === 'processing' || item.status === 'pending') continue;
    if (item.status === 'error') {
      const embedded = (item.error ?? {}) as Partial<RawApiError>;
      addError(entry, {
        code: typeof embedded.code === 'string' ? embedded.code : 'inferenceError',
        message: typeof embedded.message === 'string' ? embedded.message : 'A result failed.',
      });
      return;
    }
    const key = itemKey(item);
    if (entry.seen.has(key)) continue;
    entry.seen.add(key);
    entry.count += 1;
    report(entry, item, hooks.log);
    const complete =
      entry.task.taskType === 'modelUpload' ? isTerminalUpload(item) : entry.count >= entry.expected;
    if (complete) finishEntry(entry);
  }
  if (!entry.done && entry.recovering) hooks.keepPolling();
}

/** Answers every waiting getResponse of one taskUUID with this frame's state. */
export function routeToPolls(
  waiters: readonly PollEntry[],
  items: readonly ResultItem[],
  errors: readonly RawApiError[],
): void {
  for (const waiter of waiters) {
    if (waiter.done) continue;
    waiter.group.data.push(...items);
    waiter.group.errors.push(...errors);
    finishEntry(waiter);
  }
}
