import type { RawApiError, ResultItem } from '@runware/core';
import type { ParsedFrame } from '../socket/parse-frame';
import { taskUUIDsOf } from '../socket/parse-frame';
import type { RequestTable, SubmitView } from './request-table';
import { type RoutingHooks, routeToSubmit } from './route-submit';

const none: readonly never[] = [];

/** Tasks whose taskUUID names another task: their answers share that task's taskUUID. */
const lookupTaskTypes = new Set(['getResponse', 'getTaskDetails']);

/**
 * A getResponse answer lists the polled task's slots under its own taskType, each with a `status`
 * (PROTOCOL.md §5.2). So an ACK (`{taskType, taskUUID}` only), a pushed result and a lookup's own
 * item (getTaskDetails) about the same taskUUID are not one: a poll answered with them would
 * report a state the server never gave.
 */
const answersPoll = (item: ResultItem) =>
  typeof item.status === 'string' && item.taskType !== 'getTaskDetails';

/** Another lookup's error about the same taskUUID is not the poll's. */
const pollError = (raw: RawApiError) => raw.taskType !== 'getTaskDetails';

/**
 * Whether an error about the submit's taskUUID is the submit's. The taskUUID decides; a named
 * taskType only tells apart requests sharing it: a getResponse error is the answer to our probe
 * (a caller's poll, or stale, otherwise), and an error of a third taskType is the submit's unless a
 * caller's poll took it.
 */
function submitError(entry: SubmitView, raw: RawApiError, polled: boolean): boolean {
  const type = raw.taskType;
  if (type === undefined || type === entry.task.taskType) return true;
  if (type === 'getResponse') return entry.probing;
  return !(polled && pollError(raw));
}

/**
 * Routes one frame by taskUUID, never by position: it answers the caller's getResponse polls of
 * each task it names, and feeds the task's submit, if one is pending. An item counts for the
 * submit only under the submit's taskType (its results, its ACK, or its state read by a probe).
 */
export function routeFrame(frame: ParsedFrame, table: RequestTable, hooks: RoutingHooks): void {
  for (const uuid of taskUUIDsOf(frame)) {
    const items = frame.items.get(uuid) ?? none;
    const errors = frame.errors.get(uuid) ?? none;
    const pollItems = items.every(answersPoll) ? items : items.filter(answersPoll);
    const pollErrors = errors.length === 0 || errors.every(pollError) ? errors : errors.filter(pollError);
    const polled = table.answerPolls(uuid, pollItems, pollErrors);
    const entry = table.submit(uuid);
    if (!entry) {
      if (!polled) hooks.log('receive', 'frame for no pending task (late or duplicate)', { taskUUID: uuid });
      continue;
    }
    const type = entry.task.taskType;
    const own = items.every((item) => item.taskType === type)
      ? items
      : items.filter((item) => item.taskType === type);
    const ownErrors = errors.length === 0 ? errors : errors.filter((raw) => submitError(entry, raw, polled));
    if (own.length < items.length && !lookupTaskTypes.has(type))
      hooks.log('receive', 'ignored items of another taskType for a pending task', { taskUUID: uuid });
    if (own.length > 0 || ownErrors.length > 0) routeToSubmit(entry, own, ownErrors, table, hooks);
  }
}
