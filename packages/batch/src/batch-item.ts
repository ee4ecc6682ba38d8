import type { BatchTaskParams } from './batch-types';

/**
 * One entry of a batch's input with its position: a task, or an input that is not one (a JSONL
 * line that is not JSON, or has no model), reported and skipped.
 */
export type BatchItem = { index: number; params: BatchTaskParams } | { index: number; invalid: string };

/** Checks one input value; what is not a task is named, never thrown. */
export function toBatchItem(index: number, value: unknown): BatchItem {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { index, invalid: 'a task must be a JSON object of run() params' };
  const params = value as BatchTaskParams;
  if (params.model === undefined && params.taskType === undefined)
    return { index, invalid: 'the task has no model (or taskType)' };
  return { index, params };
}
