import type { RawApiError, ResultItem, TaskPayload } from '@runware/core';
import {
  ackItem,
  answersWithAck,
  expectedItems,
  isErrorItem,
  isRunningItem,
  itemError,
} from '@runware/core/transport-kit';
import type { Answer } from './parse-answer';

/** getResponse with the same taskUUID asks about a task without submitting it again. */
export const askAbout = (task: TaskPayload): TaskPayload => ({
  taskType: 'getResponse',
  taskUUID: task.taskUUID,
});

/** What a getResponse answer says about tasks whose submit got no usable answer. */
export interface Triage {
  /** The service never saw them (`taskNotFound`): safe to submit. */
  resend: TaskPayload[];
  /** Accepted sync tasks still running: ask again later. */
  running: TaskPayload[];
  /** The answers the lost submit would have carried. */
  data: ResultItem[];
  errors: RawApiError[];
  /** Errors naming none of the tasks (a bad key, say): they end the call. */
  wide: RawApiError[];
}

/**
 * Sorts the tasks by what the answer says. How many items a task lists, which are still running
 * and what a failed one means are the kit's rules (`expectedItems`, `isRunningItem`, `itemError`).
 */
export function triage(tasks: readonly TaskPayload[], answer: Answer): Triage {
  const out: Triage = { resend: [], running: [], data: [], errors: [], wide: [] };
  const ours = new Set(tasks.map((task) => task.taskUUID));
  out.wide = answer.errors.filter((error) => error.taskUUID === undefined || !ours.has(error.taskUUID));
  for (const task of tasks) {
    const items = answer.data.filter((item) => item.taskUUID === task.taskUUID);
    const errors = answer.errors.filter((error) => error.taskUUID === task.taskUUID);
    if (items.length === 0 && errors.length > 0 && errors.every((e) => e.code === 'taskNotFound')) {
      out.resend.push(task);
    } else if (items.length === 0 && errors.length > 0) {
      out.errors.push(...errors); // expired, say: that is the task's answer
    } else if (answersWithAck(task) && items.length > 0) {
      out.data.push(ackItem(task)); // the ACK; the engine polls on
    } else if (items.length < expectedItems(task) || items.some(isRunningItem)) {
      out.running.push(task);
    } else {
      out.data.push(...items.filter((item) => !isErrorItem(item)));
      out.errors.push(...errors, ...items.filter(isErrorItem).map(itemError));
    }
  }
  return out;
}
