import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { isRunwareError, RunwareError } from '@runware/core';
import { type BatchItem, toBatchItem } from './batch-item';
import type {
  BatchClient,
  BatchProgress,
  BatchResult,
  BatchSummary,
  BatchTaskParams,
  TaskOutcome,
} from './batch-types';
import { createAimdLimiter } from './concurrency/aimd-limiter';
import type { BatchJournal } from './journal/batch-journal';
import { createFileJournal } from './journal/file-journal';
import { createMemoryJournal } from './journal/memory-journal';
import { abortableDelay } from './task/abortable-delay';
import { attemptTask } from './task/attempt-task';
import { costOf } from './task/cost-of';
import { fingerprintOf } from './task/fingerprint';

export interface RunBatchOptions {
  /**
   * Where taskUUIDs are recorded before their tasks are sent: a file path (a file journal, created
   * when missing and resumed when present) or a journal of your own. Without one the batch cannot
   * resume after a crash.
   */
  journal?: string | BatchJournal | undefined;
  /** Most tasks in flight at once (default 16). Rate limits lower it for a while; it never goes above. */
  concurrency?: number | undefined;
  /** Stops the batch: no new task starts, tasks in flight are abandoned (a resume recovers them). */
  signal?: AbortSignal | undefined;
  /** Called every `progressIntervalMs` (default 250) and once at the end. */
  onProgress?: ((progress: BatchProgress) => void) | undefined;
  progressIntervalMs?: number | undefined;
  /**
   * Called once per task that ends in this run, awaited before the journal records the end: a crash
   * before it resolves makes a resumed batch recover the task (never resend it) and call it again.
   */
  onResult?: ((result: BatchResult, context: { signal: AbortSignal }) => unknown) | undefined;
  /**
   * Entries finished outside the journal (the CLI's results file holds their lines: a crash came
   * between writing a line and journaling its end). Skipped like the journal's finished ones.
   */
  isFinished?: ((index: number) => boolean) | undefined;
  /** Tries per task after rate limits, timeouts and connection errors (default 8). */
  maxAttempts?: number | undefined;
}

/** Codes that would fail every other task the same way: the batch stops instead (resume later). */
const stopCodes = new Set(['auth', 'quota']);

/**
 * Runs every task of `tasks` (any iterable or async iterable of run() params, consumed as it goes)
 * with bounded concurrency, and resolves with a summary. Each task gets a taskUUID that is in the
 * journal before it is sent; run it again with the same journal (and the same tasks, in the same
 * order) after a crash and finished tasks are skipped, tasks that may have been sent are recovered
 * with getResponse, and only the ones the service never received are sent (with the same taskUUID).
 */
export async function runBatch(
  client: BatchClient,
  tasks: Iterable<BatchTaskParams> | AsyncIterable<BatchTaskParams>,
  options: RunBatchOptions = {},
): Promise<BatchSummary> {
  return runBatchItems(client, indexed(tasks), options);
}

async function* indexed(
  tasks: Iterable<BatchTaskParams> | AsyncIterable<BatchTaskParams>,
): AsyncGenerator<BatchItem> {
  let index = 0;
  for await (const params of tasks) {
    yield toBatchItem(index, params);
    index += 1;
  }
}

/** `runBatch` for inputs that carry their own positions and bad entries (the CLI's JSONL lines). */
export async function runBatchItems(
  client: BatchClient,
  items: AsyncIterable<BatchItem>,
  options: RunBatchOptions = {},
): Promise<BatchSummary> {
  const max = options.concurrency ?? 16;
  if (!Number.isInteger(max) || max < 1)
    throw new RunwareError('validation', 'concurrency must be a whole number ≥ 1', {
      rawCode: 'invalidConcurrency',
      parameter: 'concurrency',
    });
  const maxAttempts = options.maxAttempts ?? 8;
  const journal =
    typeof options.journal === 'string'
      ? createFileJournal(options.journal)
      : (options.journal ?? createMemoryJournal());
  const ownsJournal = typeof options.journal === 'string' || options.journal === undefined;
  const started = Date.now();
  const limiter = createAimdLimiter(max);
  const stop = new AbortController();
  // Every run() and wait in flight listens to it: hundreds at once is expected, not a leak.
  setMaxListeners(0, stop.signal);
  const onAbort = () => stop.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) onAbort();

  const counts = {
    done: 0,
    failed: 0,
    skipped: 0,
    invalid: 0,
    alreadyFinished: 0,
    recovered: 0,
    cost: 0,
    seen: 0,
    inFlight: 0,
  };
  const failedByCode: Record<string, number> = {};
  let inputDone = false;
  let stopped: BatchSummary['stopped'];
  let callbackError: unknown;
  // Ends whose onResult has not resolved yet: bounded, so a slow consumer slows the input down.
  let endsPending = 0;
  const endsWaiters: (() => void)[] = [];
  const maxEndsPending = max * 4 + 256;
  const running = new Set<Promise<void>>();

  const progress = (): BatchProgress => ({
    done: counts.done,
    failed: counts.failed,
    skipped: counts.skipped,
    inFlight: counts.inFlight,
    concurrency: limiter.limit,
    cost: counts.cost,
    elapsedMs: Date.now() - started,
    seen: counts.seen,
    inputDone,
  });
  const timer = options.onProgress
    ? setInterval(() => options.onProgress?.(progress()), options.progressIntervalMs ?? 250)
    : undefined;
  timer?.unref?.();

  const halt = (reason: NonNullable<BatchSummary['stopped']>) => {
    stopped ??= reason;
    stop.abort(new RunwareError('aborted', `the batch stopped (${reason})`, { rawCode: 'aborted' }));
  };

  async function end(index: number, taskUUID: string, outcome: TaskOutcome): Promise<void> {
    const cost = costOf(outcome);
    counts.cost += cost;
    if (outcome.status === 'done') {
      counts.done += 1;
      if (outcome.recovered) counts.recovered += 1;
    } else if (outcome.code !== 'invalidInput') {
      counts.failed += 1;
      failedByCode[outcome.code] = (failedByCode[outcome.code] ?? 0) + 1;
      if (stopCodes.has(outcome.code)) halt(outcome.code as 'auth' | 'quota');
    }
    endsPending += 1;
    try {
      await options.onResult?.({ ...outcome, index, taskUUID, cost }, { signal: stop.signal });
      journal.finish(
        index,
        outcome.status === 'failed' && outcome.code === 'invalidInput' ? 'skipped' : outcome.status,
      );
    } catch (error) {
      // A consumer that gave up because the batch is stopping: the task stays unfinished.
      if (!(stop.signal.aborted && isRunwareError(error) && error.code === 'aborted')) {
        callbackError ??= error;
        halt('aborted');
      }
    } finally {
      endsPending -= 1;
      endsWaiters.shift()?.();
    }
  }

  async function runOne(
    index: number,
    params: BatchTaskParams,
    state: Awaited<ReturnType<BatchJournal['load']>>,
  ): Promise<void> {
    counts.inFlight += 1;
    let released = false;
    const release = () => {
      if (!released) {
        released = true;
        counts.inFlight -= 1;
        limiter.release();
      }
    };
    try {
      const fingerprint = fingerprintOf(params);
      const prior = state.assigned(index);
      if (prior && prior.fingerprint !== fingerprint)
        throw new RunwareError(
          'validation',
          `the task at ${index} is not the one the journal gave taskUUID ${prior.taskUUID} to: was the input changed?`,
          { rawCode: 'journalMismatch', parameter: 'tasks' },
        );
      const taskUUID = prior?.taskUUID ?? randomUUID();
      if (!prior) await journal.assign(index, taskUUID, fingerprint);
      let mayHaveBeenSent = prior !== undefined;
      for (let attempt = 1; ; attempt += 1) {
        const result = await attemptTask(client, taskUUID, params, { mayHaveBeenSent, signal: stop.signal });
        if (result.status !== 'retry') {
          if (result.status === 'done') limiter.onSuccess();
          release();
          await end(index, taskUUID, result);
          return;
        }
        mayHaveBeenSent = true;
        const { error } = result;
        if (attempt >= maxAttempts) {
          release();
          await end(index, taskUUID, {
            status: 'failed',
            code: error.code,
            rawCode: error.rawCode,
            message: error.message,
          });
          return;
        }
        if (error.code === 'rateLimit') {
          // Give the slot back and queue again under the lowered limit, after the pause.
          limiter.onRateLimit();
          release();
          await limiter.acquire(stop.signal);
          released = false;
          counts.inFlight += 1;
        } else if (error.rawCode !== 'conflictTaskUUID') {
          await abortableDelay(Math.min(500 * 2 ** attempt, 15_000), stop.signal);
        }
      }
    } catch (error) {
      release();
      // Stopped: the task stays assigned in the journal and a resume recovers it.
      if (isRunwareError(error) && error.code === 'aborted' && stop.signal.aborted) return;
      callbackError ??= error;
      halt('aborted');
    }
  }

  try {
    const state = await journal.load();
    for await (const item of items) {
      if (stop.signal.aborted) break;
      counts.seen += 1;
      if (state.isFinished(item.index) || options.isFinished?.(item.index)) {
        counts.skipped += 1;
        counts.alreadyFinished += 1;
        continue;
      }
      if ('invalid' in item) {
        counts.skipped += 1;
        counts.invalid += 1;
        // Reported through onResult and counted as skipped, not failed: it was never a task.
        await end(item.index, '', {
          status: 'failed',
          code: 'invalidInput',
          rawCode: 'invalidInput',
          message: item.invalid,
        });
        continue;
      }
      while (endsPending >= maxEndsPending) await new Promise<void>((resolve) => endsWaiters.push(resolve));
      try {
        await limiter.acquire(stop.signal);
      } catch {
        break;
      }
      const task = runOne(item.index, item.params, state);
      running.add(task);
      void task.finally(() => running.delete(task));
    }
    inputDone = !stop.signal.aborted;
    while (running.size > 0) await Promise.all(running);
    await journal.flush();
  } finally {
    if (timer) clearInterval(timer);
    options.signal?.removeEventListener('abort', onAbort);
    if (ownsJournal) await journal.close();
  }
  if (options.signal?.aborted) stopped ??= 'aborted';
  options.onProgress?.(progress());
  if (callbackError !== undefined) throw callbackError;
  return {
    done: counts.done,
    failed: counts.failed,
    failedByCode,
    skipped: counts.skipped,
    alreadyFinished: counts.alreadyFinished,
    invalid: counts.invalid,
    recovered: counts.recovered,
    cost: counts.cost,
    elapsedMs: Date.now() - started,
    ...(stopped ? { stopped } : {}),
  };
}
