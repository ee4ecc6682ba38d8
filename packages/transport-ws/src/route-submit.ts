import type { RawApiError, ResultItem } from '@runware/core';
import { classifyErrorCode } from '@runware/core';
import { itemKey } from './dedupe';
import type { WebSocketLogger } from './options';
import { finishEntry, recordError, report, type SubmitEntry } from './pending-sends';

export interface RoutingHooks {
  /** The server never saw this task: write it again. */
  resend(entry: SubmitEntry): void;
  /** A recovering sync task is still incomplete: make sure a getResponse is coming. */
  keepPolling(): void;
  /** A result of a multi-result sync task failed: read the task's state now, then keep polling. */
  collect(entry: SubmitEntry): void;
  log: WebSocketLogger;
}

/** Categories that speak about the whole task (or the account), never about one result slot. */
const taskWide = new Set(['validation', 'auth', 'quota', 'rateLimit', 'notFound']);

/** A task whose results are separate slots that can fail one by one. */
const hasSlots = (entry: SubmitEntry) =>
  entry.mode === 'sync' && entry.expected > 1 && entry.task.taskType !== 'modelUpload';

const namesParameter = (raw: RawApiError) =>
  typeof raw.parameter === 'string' ? raw.parameter.length > 0 : Array.isArray(raw.parameter);

/** An error that cannot be one failed result among several: the task is over. */
function endsTask(entry: SubmitEntry, raw: RawApiError): boolean {
  return !hasSlots(entry) || namesParameter(raw) || taskWide.has(classifyErrorCode(raw.code));
}

/** Polls in a row answered without the task's slots after which a failure is taken as final. */
const quietPollsLimit = 3;

const running = (item: ResultItem) => item.status === 'processing' || item.status === 'pending';
const slotStates = new Set(['processing', 'pending', 'success', 'error']);

/** A getResponse answer listing every slot of the task with its state (pushes carry one result each). */
const isListing = (entry: SubmitEntry, items: readonly ResultItem[]) =>
  items.length >= entry.expected &&
  items.every((item) => typeof item.status === 'string' && slotStates.has(item.status));

function embeddedError(item: ResultItem): RawApiError {
  const embedded = (item.error ?? {}) as Partial<RawApiError>;
  return {
    code: typeof embedded.code === 'string' ? embedded.code : 'inferenceError',
    message: typeof embedded.message === 'string' ? embedded.message : 'A result failed.',
  };
}

function markKnown(entry: SubmitEntry): void {
  entry.phase = 'known';
  entry.probing = false;
  if (entry.ackTimer) clearTimeout(entry.ackTimer);
  entry.ackTimer = undefined;
}

function endWithError(entry: SubmitEntry, raw: RawApiError): void {
  recordError(entry, raw);
  finishEntry(entry);
}

/**
 * One failed slot, reported outside a listing. Counted once per distinct error: a duplicate frame
 * or the same failure read back must not end the task before its other results (two slots failing
 * with the same message count once; the next listing settles that).
 */
function failSlot(entry: SubmitEntry, raw: RawApiError): void {
  if (recordError(entry, raw)) entry.failedSince += 1;
}

const isTerminalUpload = (item: ResultItem) => item.status === 'ready' || item.status === 'failed';

/**
 * Applies the items of one frame to a sync task. Returns whether a failed slot was reported
 * outside a listing (so the task's state is worth reading now).
 */
function applySyncItems(entry: SubmitEntry, items: readonly ResultItem[], log: WebSocketLogger): boolean {
  const listing = hasSlots(entry) && isListing(entry, items);
  let failedInListing = 0;
  let failedPushed = false;
  for (const item of items) {
    if (entry.done) return false;
    if (running(item)) continue;
    if (item.status === 'error') {
      const raw = embeddedError(item);
      if (!hasSlots(entry)) {
        endWithError(entry, raw);
        return false;
      }
      if (listing) {
        failedInListing += 1;
        recordError(entry, raw);
      } else {
        failSlot(entry, raw);
        failedPushed = true;
      }
      continue;
    }
    const key = itemKey(item);
    if (entry.seen.has(key)) continue;
    entry.seen.add(key);
    entry.count += 1;
    report(entry, item, log);
    const complete =
      entry.task.taskType === 'modelUpload' ? isTerminalUpload(item) : entry.count >= entry.expected;
    if (complete) finishEntry(entry);
  }
  if (listing) {
    // The listing is the server's word on every slot: it replaces the failures counted from pushes.
    entry.failedListed = failedInListing;
    entry.failedSince = 0;
    // Nothing is running any more: whatever did not succeed never will.
    if (!items.some(running)) finishEntry(entry);
  }
  return failedPushed;
}

/** Applies one frame's items and errors for a submitted task. */
export function routeToSubmit(
  entry: SubmitEntry,
  items: readonly ResultItem[],
  errors: readonly RawApiError[],
  hooks: RoutingHooks,
): void {
  let failedSlot = false;
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
      endWithError(entry, raw);
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
    if (endsTask(entry, raw)) {
      endWithError(entry, raw);
      continue;
    }
    // Maybe one failed result among several: the others are paid for and may still come.
    failSlot(entry, raw);
    failedSlot = true;
  }
  if (entry.done) return;
  if (failedSlot && items.length === 0 && entry.recovering && entry.quietPolls >= quietPollsLimit) {
    // Its polls keep coming back with a failure and no slots: the server gave up on the task.
    finishEntry(entry);
    return;
  }
  if (items.length > 0) {
    markKnown(entry);
    entry.quietPolls = 0;
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
    if (applySyncItems(entry, items, hooks.log)) failedSlot = true;
  }
  if (entry.done) return;
  if (hasSlots(entry) && entry.count + entry.failedListed + entry.failedSince >= entry.expected) {
    finishEntry(entry);
    return;
  }
  // Whether the server still works on the task or gave up on it, only its state tells.
  if (failedSlot) hooks.collect(entry);
  else if (entry.recovering && entry.phase === 'known') hooks.keepPolling();
}
