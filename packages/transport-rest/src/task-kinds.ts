import type { RawApiError, ResultItem, TaskPayload } from '@runware/core';

/** Reads that change nothing on the server: sending them twice is harmless. */
const idempotentTaskTypes = new Set(['getResponse', 'getTaskDetails', 'ping', 'authentication']);

export const isIdempotent = (task: TaskPayload): boolean => idempotentTaskTypes.has(task.taskType);

/** Tasks the server answers with an acknowledgement instead of results (async and webhook). */
export const answersWithAck = (task: TaskPayload): boolean =>
  task.deliveryMethod === 'async' || typeof task.webhookURL === 'string';

export const ackOf = (task: TaskPayload): ResultItem => ({
  taskType: task.taskType,
  taskUUID: task.taskUUID,
});

/** How many result items a finished task lists (at least; promptEnhance may list more). */
export function expectedItems(task: TaskPayload): number {
  const n = task.numberResults;
  return typeof n === 'number' && Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1;
}

/** A polled slot that is still running; `pending` is an older spelling of `processing`. */
export const isPendingItem = (item: ResultItem): boolean =>
  item.status === 'processing' || item.status === 'pending';

export const isErrorItem = (item: ResultItem): boolean => item.status === 'error';

/** A polled `status: 'error'` slot, as the error a sync answer would have carried for it. */
export function errorFromItem(item: ResultItem): RawApiError {
  const embedded = (typeof item.error === 'object' && item.error !== null ? item.error : {}) as Record<
    string,
    unknown
  >;
  return {
    ...embedded,
    code: typeof embedded.code === 'string' ? embedded.code : 'taskFailed',
    message: typeof embedded.message === 'string' ? embedded.message : 'A result of the task failed.',
    taskType: item.taskType,
    taskUUID: item.taskUUID,
  };
}
