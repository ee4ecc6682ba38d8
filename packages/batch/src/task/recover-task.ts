import { isRunwareError } from '@runware/core';
import type { BatchClient, TaskOutcome } from '../batch-types';
import { abortableDelay } from './abortable-delay';

/** What getResponse says of a taskUUID that may have been sent. */
export type Recovery = TaskOutcome | { status: 'unknown' };

const notFoundCodes = new Set(['taskNotFound']);

/**
 * Asks the service about a task by its taskUUID until it has ended: its items when it ran, `unknown`
 * when the service never received it (taskNotFound: only then may it be sent again), failed when
 * its results expired (it ran and was billed; sending it again would pay twice).
 */
export async function recoverTask(
  client: BatchClient,
  taskUUID: string,
  expectedItems: number,
  signal?: AbortSignal,
): Promise<Recovery> {
  let wait = 250;
  for (;;) {
    let items: Record<string, unknown>[];
    try {
      items = (await client.getResponse({ taskUUID }, { signal })) as Record<string, unknown>[];
    } catch (error) {
      if (isRunwareError(error) && notFoundCodes.has(error.rawCode)) return { status: 'unknown' };
      throw error;
    }
    const settled = items.filter((item) => item.status !== 'processing');
    // Slots can appear one by one: wait for as many as the task asked for.
    if (settled.length === items.length && items.length >= expectedItems) return outcomeOf(items);
    await abortableDelay(wait, signal);
    wait = Math.min(wait * 1.5, 5_000);
  }
}

/** Items of an ended task → done, or failed with the first error when any item failed. */
export function outcomeOf(items: Record<string, unknown>[]): TaskOutcome {
  const failed = items.find((item) => item.status === 'error');
  if (!failed) return { status: 'done', items, recovered: true };
  const error = (failed.error ?? {}) as { code?: unknown; message?: unknown };
  const rawCode = typeof error.code === 'string' ? error.code : 'unknown';
  return {
    status: 'failed',
    code: 'provider',
    rawCode,
    message: typeof error.message === 'string' ? error.message : 'a result of the task failed',
    items: items.filter((item) => item.status !== 'error'),
  };
}
