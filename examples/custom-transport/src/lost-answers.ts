import type { RawApiError, ResultItem, TaskPayload } from '@runware/core';
import type { Answer } from './parse-answer';

/** Reads that change nothing: resending them is harmless, so they never need asking about. */
const idempotent = new Set(['getResponse', 'getTaskDetails', 'ping', 'authentication']);
export const isIdempotent = (task: TaskPayload): boolean => idempotent.has(task.taskType);

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

const answersWithAck = (task: TaskPayload) =>
  task.deliveryMethod === 'async' || typeof task.webhookURL === 'string';
const expected = (task: TaskPayload) => (typeof task.numberResults === 'number' ? task.numberResults : 1);

/** A polled slot that failed, as the error the sync answer would have carried for it. */
function slotError(item: ResultItem): RawApiError {
  const inner =
    typeof item.error === 'object' && item.error !== null ? (item.error as Partial<RawApiError>) : {};
  return {
    code: inner.code ?? 'taskFailed',
    message: inner.message ?? 'A result of the task failed.',
    taskType: item.taskType,
    taskUUID: item.taskUUID,
  };
}

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
      out.data.push({ taskType: task.taskType, taskUUID: task.taskUUID }); // the ACK; the engine polls on
    } else if (items.length < expected(task) || items.some((item) => item.status === 'processing')) {
      out.running.push(task);
    } else {
      out.data.push(...items.filter((item) => item.status !== 'error'));
      out.errors.push(...errors, ...items.filter((item) => item.status === 'error').map(slotError));
    }
  }
  return out;
}
