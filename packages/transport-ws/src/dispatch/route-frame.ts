import type { RawApiError, ResultItem } from '@runware/core';
import type { ParsedFrame } from '../socket/parse-frame';
import { taskUUIDsOf } from '../socket/parse-frame';
import type { RequestTable, SubmitView } from './request-table';
import { type RoutingHooks, routeToSubmit } from './route-submit';

const none: readonly never[] = [];

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

const isDetails = (item: { taskType?: unknown }) => item.taskType === 'getTaskDetails';

/**
 * Whether an error about the submit's taskUUID is the submit's. The taskUUID decides; a named
 * taskType only tells apart requests sharing it: a getResponse error is the answer to our probe
 * (a caller's poll, or stale, otherwise), a getTaskDetails error is the lookup's, and an error of a
 * third taskType is the submit's unless a caller's poll took it.
 */
function submitError(entry: SubmitView, raw: RawApiError, polled: boolean): boolean {
  const type = raw.taskType;
  if (type === undefined || type === entry.task.taskType) return true;
  if (type === 'getResponse') return entry.probing;
  if (type === 'getTaskDetails') return false;
  return !(polled && pollError(raw));
}

/** The part of a list that passes `keep`, without a copy when all of it does. */
const only = <T>(list: readonly T[], keep: (value: T) => boolean): readonly T[] =>
  list.every(keep) ? list : list.filter(keep);

/**
 * Routes one frame by taskUUID, never by position: it answers the caller's getResponse polls of
 * each task it names, a getTaskDetails reading that task, and feeds the task's submit, if one is
 * pending. An item counts for the submit only under the submit's taskType (its results, its ACK, or
 * its state read by a probe).
 */
export function routeFrame(frame: ParsedFrame, table: RequestTable, hooks: RoutingHooks): void {
  for (const uuid of taskUUIDsOf(frame)) {
    const items = frame.items.get(uuid) ?? none;
    const errors = frame.errors.get(uuid) ?? none;
    const polled = table.answerPolls(uuid, only(items, answersPoll), only(errors, pollError));
    const entry = table.submit(uuid);
    const lookup = table.lookup(uuid);
    if (!entry && !lookup) {
      if (!polled) hooks.log('receive', 'frame for no pending task (late or duplicate)', { taskUUID: uuid });
      continue;
    }
    if (lookup) {
      // An error naming no taskType is the lookup's only when no submit shares its taskUUID.
      const lookupItems = items.filter(isDetails);
      const lookupErrors = errors.filter((raw) => isDetails(raw) || (!entry && raw.taskType === undefined));
      if (lookupItems.length > 0 || lookupErrors.length > 0)
        routeToSubmit(lookup, lookupItems, lookupErrors, table, hooks);
    }
    if (!entry) continue;
    const type = entry.task.taskType;
    const own = only(items, (item) => item.taskType === type);
    const ownErrors = errors.length === 0 ? errors : errors.filter((raw) => submitError(entry, raw, polled));
    if (own.length < items.length && items.some((item) => item.taskType !== type && !isDetails(item)))
      hooks.log('receive', 'ignored items of another taskType for a pending task', { taskUUID: uuid });
    if (own.length > 0 || ownErrors.length > 0) routeToSubmit(entry, own, ownErrors, table, hooks);
  }
}
