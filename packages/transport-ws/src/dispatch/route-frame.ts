import type { ParsedFrame } from '../socket/parse-frame';
import { taskUUIDsOf } from '../socket/parse-frame';
import type { RequestTable } from './request-table';
import { type RoutingHooks, routeToSubmit } from './route-submit';

const none: readonly never[] = [];

/**
 * Routes one frame by taskUUID, never by position: it answers the caller's getResponse polls of
 * each task it names, and feeds the task's submit, if one is pending.
 */
export function routeFrame(frame: ParsedFrame, table: RequestTable, hooks: RoutingHooks): void {
  for (const uuid of taskUUIDsOf(frame)) {
    const items = frame.items.get(uuid) ?? none;
    const errors = frame.errors.get(uuid) ?? none;
    const polled = table.answerPolls(uuid, items, errors);
    const entry = table.submit(uuid);
    if (entry) routeToSubmit(entry, items, errors, table, hooks);
    else if (!polled)
      hooks.log('receive', 'frame for no pending task (late or duplicate)', { taskUUID: uuid });
  }
}
