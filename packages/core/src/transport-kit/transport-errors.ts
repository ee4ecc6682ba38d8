import { createRunwareError } from '../errors/create-runware-error';
import type { RunwareError } from '../errors/runware-error';
import type { TaskPayload } from '../spec/task';

/** What an error can say about the request it ends: the task, when the request held exactly one. */
export interface ErrorContext {
  taskType?: string | undefined;
  taskUUID?: string | undefined;
}

/** The task of a one-task request; nothing for a batch (no one task is at fault). */
export function contextOf(
  tasks: readonly Pick<TaskPayload, 'taskType' | 'taskUUID'>[] | undefined,
): ErrorContext {
  const only = tasks?.length === 1 ? tasks[0] : undefined;
  return only ? { taskType: only.taskType, taskUUID: only.taskUUID } : {};
}

/** The caller's signal fired. The server may already hold the task, so say so. */
export const abortedError = (context: ErrorContext = {}, reason?: unknown): RunwareError =>
  createRunwareError(
    'aborted',
    'The call was aborted. The server may still run the task (and bill it).',
    reason === undefined ? context : { ...context, cause: reason },
  );

/** No complete answer within `timeoutMs`; `attempts` says how many requests that covered. */
export function timeoutError(context: ErrorContext, timeoutMs: number, attempts?: number): RunwareError {
  const per = attempts === undefined ? '' : ` per attempt (${attempts} attempt${attempts === 1 ? '' : 's'})`;
  return createRunwareError('timeout', `No complete answer within ${timeoutMs} ms${per}.`, context);
}

/** The transport (or client) was closed or disconnected while the request was in flight. */
export const closedError = (context: ErrorContext, what: string): RunwareError =>
  createRunwareError('disconnected', `The ${what} was closed before the request completed.`, context);
