import { randomUUID } from 'node:crypto';
import { type JobsOptions, Queue } from 'bullmq';
import type { BatchTaskParams } from '../batch-types';
import { readTaskLines } from '../input/read-task-lines';
import { abortError } from '../task/abortable-delay';
import { defaultQueueName, queueConnection } from './queue-connection';
import { jobIdForLine, type QueueJobData, skippedKey } from './queue-job';

export interface EnqueueOptions {
  redisUrl: string;
  queueName?: string | undefined;
  /** The JSONL file of tasks (one run() params object per line). */
  file: string;
  /** Jobs per `addBulk` call (one Redis round trip each). Default 500. */
  chunkSize?: number | undefined;
  /** A line that is not a task: reported, recorded for `collect`, never enqueued. */
  onInvalid?: ((line: number, reason: string) => void) | undefined;
  /** Stops between chunks; the jobs added so far stay, and enqueueing the file again adds the rest. */
  signal?: AbortSignal | undefined;
}

export interface EnqueueSummary {
  /** Jobs this call added. */
  added: number;
  /** Lines whose job was already on the queue (an earlier enqueue of the file): left as they were. */
  alreadyQueued: number;
  /** Lines that are not tasks. */
  invalid: number;
}

/**
 * Thrown errors only (a bug, Redis trouble): task errors complete the job with a failed outcome.
 * Retries go through recovery, so they are safe. Stalls (a worker that died) do not count here:
 * the worker's `maxStalledCount` bounds them.
 */
const jobOptions: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1_000 },
  // Results are collected from the completed (and failed) sets: keep every job.
  removeOnComplete: false,
  removeOnFail: false,
};

/**
 * Puts every task of a JSONL file on a BullMQ queue, streaming it. Each task's taskUUID is chosen
 * now and stored in its job, so whichever worker runs (or re-runs) it sends that taskUUID and the
 * service runs the task once. Job ids come from line numbers: enqueueing the file again adds only
 * lines that are not on the queue yet, so one queue holds one input file.
 */
export async function enqueueTasks(options: EnqueueOptions): Promise<EnqueueSummary> {
  const queueName = options.queueName ?? defaultQueueName;
  const chunkSize = options.chunkSize ?? 500;
  const queue = new Queue<QueueJobData>(queueName, {
    connection: queueConnection(options.redisUrl, { failFast: true }),
  });
  const summary: EnqueueSummary = { added: 0, alreadyQueued: 0, invalid: 0 };
  try {
    const redis = await queue.client;
    let chunk: QueueJobData[] = [];
    const flush = async () => {
      if (chunk.length === 0) return;
      const jobs = chunk;
      chunk = [];
      // Only for the summary: BullMQ itself ignores an add whose jobId exists (the first data wins).
      const pipeline = redis.pipeline();
      for (const job of jobs) pipeline.runCommand('exists', [queue.toKey(jobIdForLine(job.line))]);
      const exists = await pipeline.exec();
      const present = new Set(jobs.filter((_, at) => exists?.[at]?.[1] === 1).map((job) => job.line));
      await queue.addBulk(
        jobs.map((data) => ({ name: 'task', data, opts: { ...jobOptions, jobId: jobIdForLine(data.line) } })),
      );
      summary.alreadyQueued += present.size;
      summary.added += jobs.length - present.size;
    };
    for await (const item of readTaskLines(options.file)) {
      if (options.signal?.aborted) throw abortError();
      if ('invalid' in item) {
        summary.invalid += 1;
        await redis.hset(skippedKey(queue), { [String(item.index)]: item.invalid });
        options.onInvalid?.(item.index, item.invalid);
        continue;
      }
      chunk.push({ line: item.index, taskUUID: randomUUID(), params: withoutSecrets(item.params) });
      if (chunk.length >= chunkSize) await flush();
    }
    await flush();
    return summary;
  } finally {
    await queue.close();
  }
}

/** A key pasted into a task by mistake would otherwise sit in Redis: the workers' key is used. */
function withoutSecrets(params: BatchTaskParams): BatchTaskParams {
  const { apiKey: _apiKey, taskUUID: _taskUUID, ...rest } = params;
  return rest;
}
