import type { RawApiError, ResultItem, RunwareError, TaskPayload, TransportResultV1 } from '@runware/core';
import { expectedItems } from '@runware/core';
import { errorKey } from './dedupe';
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
  /** A known sync task also collected through getResponse: after a drop, or after a failed result. */
  recovering: boolean;
  /** How many times this transport wrote it on a socket. */
  submits: number;
  expected: number;
  /** Distinct successes reported. */
  count: number;
  /** Failed result slots in the last full listing of the task's slots (a getResponse answer). */
  failedListed: number;
  /** Distinct failures reported since that listing (or since the start): pushed error frames. */
  failedSince: number;
  /** getResponse polls written for it since the last frame carrying its items. */
  quietPolls: number;
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
    failedListed: 0,
    failedSince: 0,
    quietPolls: 0,
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

/** Adds an error to the task's group once per distinct error; true when it was new. */
export function recordError(entry: SubmitEntry, raw: RawApiError): boolean {
  const key = errorKey(raw);
  if (entry.errorsSeen.has(key)) return false;
  entry.errorsSeen.add(key);
  entry.group.errors.push({
    ...raw,
    taskUUID: entry.task.taskUUID,
    taskType: raw.taskType ?? entry.task.taskType,
  });
  return true;
}

/** Hands one result item to the group and the caller's onItem. */
export function report(entry: SubmitEntry, item: ResultItem, log: WebSocketLogger): void {
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
