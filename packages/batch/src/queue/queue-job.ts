import type { Queue } from 'bullmq';
import type { BatchResult, BatchTaskParams, TaskOutcome } from '../batch-types';

/**
 * What a job holds: the input line, the taskUUID the enqueue assigned (every worker that ever
 * runs the job sends, or recovers, this same taskUUID), and the task's params. Never the API key:
 * workers hold it, Redis does not.
 */
export interface QueueJobData {
  line: number;
  taskUUID: string;
  params: BatchTaskParams;
}

/** A job's return value: its task's end, as a results line needs it. */
export type QueueJobResult = TaskOutcome & { line: number; taskUUID: string; cost: number };

/** The job's id: from its line, so enqueueing the same file again adds nothing (BullMQ keeps the first). */
export const jobIdForLine = (line: number): string => `line-${line}`;

/**
 * Lines of the input that are not tasks, `line → reason`, in one Redis hash beside the queue's
 * keys (`bull:<queue>:runware:skipped`): they never become jobs, so no worker sees them, and
 * `collect` writes them as skipped lines.
 */
export const skippedKey = (queue: Queue): string => queue.toKey('runware:skipped');

/** A job's return value → the BatchResult `resultLine` writes. */
export function toBatchResult(result: QueueJobResult): BatchResult {
  const { line, taskUUID, cost, ...outcome } = result;
  return { ...(outcome as TaskOutcome), index: line, taskUUID, cost };
}
