import { isRunwareError, type RunwareError } from '@runware/core';
import type { BatchClient, BatchTaskParams, TaskOutcome } from '../batch-types';
import { recoverTask } from './recover-task';

/** One try at a task: its end, or an error after which it may be tried again (same taskUUID). */
export type Attempt = TaskOutcome | { status: 'retry'; error: RunwareError };

/** Errors after which the task may or may not have run: tried again, recovering first. */
const retryCodes = new Set(['rateLimit', 'timeout', 'connection', 'serverError']);

/**
 * The exactly-once step every batch mode shares. A task that may have been sent before (its
 * taskUUID is in the journal, or its queue job was already started) is first recovered with
 * getResponse; it is sent only when the service does not know its taskUUID, and always with it, so
 * the service itself refuses a second run (`conflictTaskUUID`, which sends us back to recovery).
 */
export async function attemptTask(
  client: BatchClient,
  taskUUID: string,
  params: BatchTaskParams,
  options: { mayHaveBeenSent: boolean; signal?: AbortSignal | undefined },
): Promise<Attempt> {
  const expected = typeof params.numberResults === 'number' ? params.numberResults : 1;
  try {
    if (options.mayHaveBeenSent) {
      const recovered = await recoverTask(client, taskUUID, expected, options.signal);
      if (recovered.status !== 'unknown') return recovered;
    }
    return await sendTask(client, taskUUID, params, options.signal);
  } catch (error) {
    if (!isRunwareError(error)) throw error;
    // The service has this taskUUID (it ran, or runs, the task): the next try recovers it.
    if (error.rawCode === 'conflictTaskUUID') return { status: 'retry', error };
    if (retryCodes.has(error.code)) return { status: 'retry', error };
    if (error.code === 'aborted') throw error;
    return { status: 'failed', code: error.code, rawCode: error.rawCode, message: error.message };
  }
}

async function sendTask(
  client: BatchClient,
  taskUUID: string,
  params: BatchTaskParams,
  signal: AbortSignal | undefined,
): Promise<TaskOutcome> {
  const settled: Record<string, unknown>[] = [];
  const task = { includeCost: true, ...params, taskUUID };
  try {
    const items = (await client.run(
      task as never,
      {
        signal,
        onResult: (item: Record<string, unknown>) => {
          settled.push(item);
        },
      } as never,
    )) as Record<string, unknown>[];
    return { status: 'done', items, recovered: false };
  } catch (error) {
    // Some results of a multi-result task can succeed before another fails: they were billed, keep them.
    const delivered = settled.filter((item) => item.status !== 'error');
    if (isRunwareError(error) && delivered.length > 0 && error.code !== 'aborted')
      return {
        status: 'failed',
        code: error.code,
        rawCode: error.rawCode,
        message: error.message,
        items: delivered,
      };
    throw error;
  }
}
