import { createRunwareError } from '../errors/create-runware-error';
import { isRunwareError, type RunwareError } from '../errors/runware-error';
import type { ResultItem, TaskPayload } from '../spec/task';
import type { TransportV1 } from '../spec/transport-v1';
import { mapApiError } from './map-api-error';
import { applyState, type PendingTask } from './pending-task';

export interface PollingOptions {
  /** Shortest wait between polls, ms. */
  minIntervalMs: number;
  /** Longest wait between polls, ms. */
  maxIntervalMs: number;
  /** The wait grows with a task's age: `age × ageFraction`, clamped to [min, max]. */
  ageFraction: number;
}

/**
 * First poll after 250 ms, then a quarter of the task's age, never more than 5 s: a quick task
 * (emulator, fast image models) is seen at once, a long one (video, training) within 25% of its
 * runtime or 5 s, and since every pending task shares one request per cycle, frequent polling
 * costs one small request, not one per task.
 */
export const defaultPolling: PollingOptions = { minIntervalMs: 250, maxIntervalMs: 5000, ageFraction: 0.25 };

export interface PollScheduler {
  add(pending: PendingTask): void;
  remove(taskUUID: string): void;
  size(): number;
  /** Rejects every pending task with `error`; polling goes on for tasks added later. */
  failAll(error: RunwareError): void;
  /** Stops polling for good and rejects every pending task with `error`. */
  close(error: RunwareError): void;
}

export interface PollSchedulerDeps {
  transport: () => TransportV1;
  /** Per-request budget (config.timeout). */
  requestTimeoutMs: number;
  polling: PollingOptions;
  call: (fn: ((item: ResultItem) => unknown) | undefined, item: ResultItem) => void;
  log: (category: 'request' | 'warn' | 'error', message: string, data?: unknown) => void;
}

/** All pending async tasks of a client share one batched getResponse request per cycle. */
export function createPollScheduler(deps: PollSchedulerDeps): PollScheduler {
  const pending = new Map<string, PendingTask>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = false;
  let closed = false;

  const nextDelay = () => {
    const now = Date.now();
    let delay = deps.polling.maxIntervalMs;
    for (const task of pending.values()) {
      const age = now - task.submittedAt;
      const wanted = Math.min(
        deps.polling.maxIntervalMs,
        Math.max(deps.polling.minIntervalMs, age * deps.polling.ageFraction),
      );
      delay = Math.min(delay, wanted, Math.max(0, task.deadline - now));
    }
    return delay;
  };

  const schedule = () => {
    if (closed || timer || inFlight || pending.size === 0) return;
    timer = setTimeout(() => {
      timer = undefined;
      void tick();
    }, nextDelay());
  };

  const expire = () => {
    const now = Date.now();
    for (const [id, task] of pending) {
      if (now < task.deadline) continue;
      pending.delete(id);
      task.settle({
        error: createRunwareError(
          'timeout',
          `Task ${id} did not finish within ${Math.round(task.deadline - task.submittedAt)} ms (pollTimeout or the call's timeout).`,
          {
            taskType: task.task.taskType,
            taskUUID: id,
          },
        ),
      });
    }
  };

  const tick = async () => {
    expire();
    if (pending.size === 0 || closed) return;
    const batch = [...pending.values()];
    const polls: TaskPayload[] = batch.map((task) => ({
      taskType: 'getResponse',
      taskUUID: task.task.taskUUID,
    }));
    const furthest = Math.max(...batch.map((task) => task.deadline)) - Date.now();
    inFlight = true;
    try {
      const answer = await deps
        .transport()
        .send(polls, { timeoutMs: Math.max(1, Math.min(furthest, deps.requestTimeoutMs)) });
      const byTask = new Map<string, ResultItem[]>();
      for (const item of answer.data) byTask.set(item.taskUUID, [...(byTask.get(item.taskUUID) ?? []), item]);
      for (const raw of answer.errors) {
        const task = raw.taskUUID ? pending.get(raw.taskUUID) : undefined;
        if (raw.taskUUID && !task) continue;
        // An error without a taskUUID concerns the whole poll (an auth failure, say): every task in it.
        for (const target of task ? [task] : batch) {
          if (!pending.delete(target.task.taskUUID)) continue;
          target.settle({
            error: mapApiError(raw, target.task, { statusCode: answer.status, modelSlug: target.modelSlug }),
          });
        }
      }
      for (const task of batch) {
        const items = byTask.get(task.task.taskUUID);
        if (items && pending.has(task.task.taskUUID) && applyState(task, items, deps.call))
          pending.delete(task.task.taskUUID);
      }
    } catch (error) {
      // A failed poll is retried next cycle while the tasks have time left; a final error ends them.
      const retryable = isRunwareError(error) && error.retryable;
      deps.log(retryable ? 'warn' : 'error', 'getResponse poll failed', {
        error: isRunwareError(error) ? error.toJSON() : String(error),
      });
      if (!retryable) {
        const final = isRunwareError(error)
          ? error
          : createRunwareError('unknownError', `getResponse poll failed: ${String(error)}`);
        for (const task of batch) if (pending.delete(task.task.taskUUID)) task.settle({ error: final });
      }
    } finally {
      inFlight = false;
    }
    expire();
    schedule();
  };

  const failAll = (error: RunwareError) => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const failing = [...pending.values()];
    pending.clear();
    for (const task of failing) task.settle({ error });
  };

  return {
    add(task) {
      pending.set(task.task.taskUUID, task);
      schedule();
    },
    remove(taskUUID) {
      pending.delete(taskUUID);
      if (pending.size === 0 && timer) {
        clearTimeout(timer);
        timer = undefined;
      }
    },
    size: () => pending.size,
    failAll,
    close(error) {
      closed = true;
      failAll(error);
    },
  };
}
