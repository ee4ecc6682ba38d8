import { type Job, Queue, Worker } from 'bullmq';
import type { BatchClient } from '../batch-types';
import { abortableDelay } from '../task/abortable-delay';
import { attemptTask } from '../task/attempt-task';
import { costOf } from '../task/cost-of';
import { defaultQueueName, queueConnection } from './queue-connection';
import type { QueueJobData, QueueJobResult } from './queue-job';

export interface QueueWorkerOptions {
  redisUrl: string;
  queueName?: string | undefined;
  /** The Runware client (its API key stays in this process; jobs never carry it). */
  client: BatchClient;
  /** Jobs this worker runs at once. Default 8. */
  concurrency?: number | undefined;
  /** Shown as the jobs' `processedBy`. */
  name?: string | undefined;
  /**
   * How long a job's lock lives without renewal, ms. A worker that dies loses its jobs' locks after
   * this; another worker's stall check then puts them back on the queue. Default 30 s.
   */
  lockDurationMs?: number | undefined;
  /** How often this worker looks for stalled jobs, ms. Default half the lock duration. */
  stalledIntervalMs?: number | undefined;
  /** How many times a job may stall (its worker died) before BullMQ fails it. Default 100. */
  maxStalledCount?: number | undefined;
  /** Jobs in flight across every worker of the queue (`queue.setGlobalConcurrency`). */
  globalConcurrency?: number | undefined;
  /** Jobs started per `durationMs` across every worker (BullMQ's limiter, kept in Redis). */
  rate?: { max: number; durationMs: number } | undefined;
  /** Retries in this process (timeouts, dropped connections) before the job fails and BullMQ retries it. Default 8. */
  maxTries?: number | undefined;
  /** Redis or BullMQ trouble the worker recovers from by itself (reconnects), for a log line. */
  onError?: ((error: Error) => void) | undefined;
  /** Every job that ended here. */
  onResult?: ((result: QueueJobResult) => void) | undefined;
}

export interface QueueWorker {
  readonly worker: Worker<QueueJobData, QueueJobResult>;
  readonly counts: { done: number; failed: number; recovered: number; errors: number; cost: number };
  /** Stops taking jobs, lets the ones in flight end, and disconnects. */
  close(): Promise<void>;
}

/**
 * A BullMQ worker running queued tasks. Whether a job may already have been sent comes from
 * BullMQ: `attemptsStarted` is incremented in Redis, atomically with the move to active, every
 * time any worker takes the job (so it is > 1 after a stall, a failure or a rate-limit requeue),
 * and `stalledCounter` counts the times a dead worker's job was handed back. Such a job is
 * recovered by its taskUUID first (`attemptTask`), never sent blindly again.
 */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const queueName = options.queueName ?? defaultQueueName;
  const connection = queueConnection(options.redisUrl);
  const lockDuration = options.lockDurationMs ?? 30_000;
  const maxTries = options.maxTries ?? 8;
  const counts = { done: 0, failed: 0, recovered: 0, errors: 0, cost: 0 };
  // For queue-wide settings and the manual rate limit; the worker has its own connections.
  const queue = new Queue<QueueJobData>(queueName, { connection });
  if (options.globalConcurrency !== undefined) await queue.setGlobalConcurrency(options.globalConcurrency);
  let rateLimitWait = 1_000;

  const processor = async (job: Job<QueueJobData, QueueJobResult>): Promise<QueueJobResult> => {
    const { line, taskUUID, params } = job.data;
    let mayHaveBeenSent = job.attemptsStarted > 1 || job.stalledCounter > 0;
    let wait = 500;
    for (let tries = 1; ; tries += 1) {
      const attempt = await attemptTask(options.client, taskUUID, params, { mayHaveBeenSent });
      if (attempt.status !== 'retry') {
        rateLimitWait = 1_000;
        return { ...attempt, line, taskUUID, cost: costOf(attempt) };
      }
      // It may have run: from now on it is recovered by its taskUUID before any send.
      mayHaveBeenSent = true;
      const { error } = attempt;
      if (error.code === 'rateLimit' && options.rate) {
        // With a limiter, BullMQ pauses every worker of the queue and puts this job back on the
        // queue (attemptsStarted grows, so its next run recovers first).
        const pause = rateLimitWait;
        rateLimitWait = Math.min(rateLimitWait * 2, 30_000);
        await queue.rateLimit(pause);
        throw Worker.RateLimitError();
      }
      if (tries >= maxTries) throw new Error(`${error.code} (${error.rawCode}): ${error.message}`);
      // Without a limiter a manual rate limit would not pause the queue: wait here instead.
      await abortableDelay(error.code === 'rateLimit' ? rateLimitWait : wait);
      if (error.code === 'rateLimit') rateLimitWait = Math.min(rateLimitWait * 2, 30_000);
      wait = Math.min(wait * 2, 10_000);
    }
  };

  const worker = new Worker<QueueJobData, QueueJobResult>(queueName, processor, {
    connection,
    concurrency: options.concurrency ?? 8,
    lockDuration,
    stalledInterval: options.stalledIntervalMs ?? Math.max(500, Math.floor(lockDuration / 2)),
    maxStalledCount: options.maxStalledCount ?? 100,
    ...(options.name ? { name: options.name } : {}),
    ...(options.rate ? { limiter: { max: options.rate.max, duration: options.rate.durationMs } } : {}),
  });
  worker.on('completed', (_job, result) => {
    if (result.status === 'done') counts.done += 1;
    else counts.failed += 1;
    if (result.status === 'done' && result.recovered) counts.recovered += 1;
    counts.cost += result.cost;
    options.onResult?.(result);
  });
  worker.on('failed', () => {
    counts.errors += 1;
  });
  // Without a listener an 'error' event (Redis gone for a moment) would crash the process; the
  // worker reconnects by itself.
  worker.on('error', (error) => options.onError?.(error));
  await worker.waitUntilReady();

  return {
    worker,
    counts,
    async close() {
      try {
        await worker.close();
      } finally {
        await queue.close();
      }
    },
  };
}
