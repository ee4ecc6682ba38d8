import type { RawApiError, ResultItem, TaskPayload } from '../spec/task';

/**
 * How many result items a finished task lists: `promptVersions` for promptEnhance (PROTOCOL.md
 * §8: one item per version), `numberResults` for everything else, 1 when absent or not a positive
 * integer.
 */
export function expectedItems(task: TaskPayload): number {
  const n = task.taskType === 'promptEnhance' ? task.promptVersions : task.numberResults;
  return Number.isInteger(n) && (n as number) > 0 ? (n as number) : 1;
}

/** A polled slot the server still works on; `pending` is an older spelling of `processing`. */
export const isRunningItem = (item: ResultItem): boolean =>
  item.status === 'processing' || item.status === 'pending';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** A slot that failed: `status: 'error'`, or (in a push) an item carrying an `error` object. */
export const isErrorItem = (item: ResultItem): boolean =>
  item.status === 'error' || (item.status === undefined && isObject(item.error));

/** The code a failed item carries when the server gave none (PROTOCOL.md §5 uses `inferenceError`). */
export const defaultItemErrorCode = 'inferenceError';

/** The error inside a failed item, as the error a sync answer would have carried for that slot. */
export function itemError(item: ResultItem): RawApiError {
  const embedded = isObject(item.error) ? item.error : {};
  const { code, message } = embedded;
  return {
    ...embedded,
    code: code && typeof code === 'string' ? code : defaultItemErrorCode,
    message: typeof message === 'string' ? message : 'A result of the task failed.',
    taskType: item.taskType,
    taskUUID: item.taskUUID,
  };
}

/** Tasks the server answers with an acknowledgement instead of results (async and webhook). */
export const answersWithAck = (task: TaskPayload): boolean =>
  task.deliveryMethod === 'async' || typeof task.webhookURL === 'string';

/** The acknowledgement of `task`: its type and UUID, nothing else. */
export const ackItem = (task: Pick<TaskPayload, 'taskType' | 'taskUUID'>): ResultItem => ({
  taskType: task.taskType,
  taskUUID: task.taskUUID,
});

/** An acknowledgement names the task and carries nothing else (no status, no result field). */
export function isAckItem(item: ResultItem): boolean {
  for (const key in item) if (key !== 'taskType' && key !== 'taskUUID') return false;
  return true;
}

/** Reads that change nothing on the server: sending them twice is harmless. */
const idempotentTaskTypes = new Set(['getResponse', 'getTaskDetails', 'ping', 'authentication']);

export const isIdempotentTask = (task: TaskPayload): boolean => idempotentTaskTypes.has(task.taskType);

/** Items grouped by taskUUID, in arrival order; items without a string taskUUID are dropped. */
export function groupByTask<T extends { taskUUID?: unknown }>(items: Iterable<T>): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const uuid = item.taskUUID;
    if (typeof uuid === 'string') groups.get(uuid)?.push(item) ?? groups.set(uuid, [item]);
  }
  return groups;
}
