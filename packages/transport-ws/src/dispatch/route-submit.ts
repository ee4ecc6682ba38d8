import type { RawApiError, ResultItem } from '@runware/core';
import { classifyErrorCode } from '@runware/core';
import { isAckItem, isErrorItem, isRunningItem, itemError } from '@runware/core/transport-kit';
import type { WebSocketLogger } from '../options';
import type { RequestTable, SubmitView } from './request-table';

export interface RoutingHooks {
  /** The server never saw this task: write it again. */
  resend(entry: SubmitView): void;
  /** A recovering sync task is still incomplete: make sure a getResponse is coming. */
  keepPolling(): void;
  /** A result of a multi-result sync task failed: read the task's state now, then keep polling. */
  collect(entry: SubmitView): void;
  log: WebSocketLogger;
}

/** Categories that speak about the whole task (or the account), never about one result slot. */
const taskWide = new Set(['validation', 'auth', 'quota', 'rateLimit', 'notFound']);

/** A task whose results are separate slots that can fail one by one. */
const hasSlots = (entry: SubmitView) =>
  entry.mode === 'sync' && entry.expected > 1 && entry.task.taskType !== 'modelUpload';

const namesParameter = (raw: RawApiError) =>
  typeof raw.parameter === 'string' ? raw.parameter.length > 0 : Array.isArray(raw.parameter);

/** An error that cannot be one failed result among several: the task is over. */
function endsTask(entry: SubmitView, raw: RawApiError): boolean {
  return !hasSlots(entry) || namesParameter(raw) || taskWide.has(classifyErrorCode(raw.code));
}

/**
 * getTaskDetails names the task it reads by its taskUUID: `taskNotFound` is its answer, not the
 * answer to a probe of ours (a getResponse), which would say so.
 */
const answersLookup = (entry: SubmitView, raw: RawApiError) =>
  entry.task.taskType === 'getTaskDetails' && raw.taskType !== 'getResponse';

/** Polls in a row answered without the task's slots after which a failure is taken as final. */
const quietPollsLimit = 3;

const slotStates = new Set(['processing', 'pending', 'success', 'error']);

/** A getResponse answer listing every slot of the task with its state (pushes carry one result each). */
const isListing = (entry: SubmitView, items: readonly ResultItem[]) =>
  items.length >= entry.expected &&
  items.every((item) => typeof item.status === 'string' && slotStates.has(item.status));

const isTerminalUpload = (item: ResultItem) => item.status === 'ready' || item.status === 'failed';

/**
 * Applies the items of one frame to a sync task. Returns whether a failed slot was reported
 * outside a listing (so the task's state is worth reading now).
 */
function applySyncItems(entry: SubmitView, items: readonly ResultItem[], table: RequestTable): boolean {
  const listing = hasSlots(entry) && isListing(entry, items);
  let failedInListing = 0;
  let failedPushed = false;
  for (const item of items) {
    if (entry.done) return false;
    // An ACK (a duplicate, or one of an earlier async submit of the taskUUID) is no result.
    if (isRunningItem(item) || isAckItem(item)) continue;
    if (isErrorItem(item)) {
      const raw = itemError(item);
      if (!hasSlots(entry)) {
        table.finishWithError(entry, raw);
        return false;
      }
      if (listing) {
        failedInListing += 1;
        table.recordError(entry, raw);
      } else {
        // Counted once per distinct error: a duplicate frame or the same failure read back must not
        // end the task before its other results (the next listing settles identical failures).
        table.failSlot(entry, raw);
        failedPushed = true;
      }
      continue;
    }
    if (!table.addResult(entry, item)) continue;
    const complete =
      entry.task.taskType === 'modelUpload' ? isTerminalUpload(item) : entry.count >= entry.expected;
    if (complete) table.finish(entry);
  }
  if (listing) {
    // The listing is the server's word on every slot: it replaces the failures counted from pushes.
    table.applyListing(entry, failedInListing);
    // Nothing is running any more: whatever did not succeed never will.
    if (!items.some(isRunningItem)) table.finish(entry);
  }
  return failedPushed;
}

/** Applies one frame's items and errors to a submitted task, through the request table. */
export function routeToSubmit(
  entry: SubmitView,
  items: readonly ResultItem[],
  errors: readonly RawApiError[],
  table: RequestTable,
  hooks: RoutingHooks,
): void {
  let failedSlot = false;
  for (const raw of errors) {
    if (entry.done) return;
    if (raw.code === 'taskNotFound' && !answersLookup(entry, raw)) {
      // Only a probe of ours gets this; a stale copy (replay, duplicate) is ignored.
      if (!entry.probing) continue;
      table.stopProbes([entry]);
      if (entry.phase !== 'known') {
        hooks.log('retry', 'the server never received the task: sending it again', {
          taskUUID: entry.task.taskUUID,
        });
        hooks.resend(entry);
        continue;
      }
      table.finishWithError(entry, raw);
      continue;
    }
    if (raw.code === 'conflictTaskUUID' && entry.submits > 1) {
      // Our own resubmission met the original: the server has the task, and nothing is wrong.
      table.markKnown(entry);
      if (entry.mode === 'async') table.acceptAck(entry);
      else table.markRecovering(entry);
      continue;
    }
    table.markKnown(entry);
    if (endsTask(entry, raw)) {
      table.finishWithError(entry, raw);
      continue;
    }
    // Maybe one failed result among several: the others are paid for and may still come.
    table.failSlot(entry, raw);
    failedSlot = true;
  }
  if (entry.done) return;
  if (failedSlot && items.length === 0 && entry.recovering && entry.quietPolls >= quietPollsLimit) {
    // Its polls keep coming back with a failure and no slots: the server gave up on the task.
    table.finish(entry);
    return;
  }
  if (items.length > 0) {
    table.markKnown(entry);
    table.heardItems(entry);
    if (entry.mode === 'async') {
      // The ACK, or (after a probe) the task's state: either way, it was accepted.
      const first = items[0];
      table.acceptAck(entry, first && first.status === undefined ? first : undefined);
      return;
    }
    if (applySyncItems(entry, items, table)) failedSlot = true;
  }
  if (entry.done) return;
  if (hasSlots(entry) && entry.count + entry.failedListed + entry.failedSince >= entry.expected) {
    table.finish(entry);
    return;
  }
  // Whether the server still works on the task or gave up on it, only its state tells.
  if (failedSlot) hooks.collect(entry);
  else if (entry.recovering && entry.phase === 'known') hooks.keepPolling();
}
