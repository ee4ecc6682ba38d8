import { type RunwareErrorCode, runwareErrorCodes } from '@runware/core';
import { Queue } from 'bullmq';
import type { BatchResult } from '../batch-types';
import { openResultsWriter } from '../output/results-writer';
import { abortableDelay } from '../task/abortable-delay';
import { defaultQueueName, queueConnection } from './queue-connection';
import { type QueueJobData, type QueueJobResult, skippedKey, toBatchResult } from './queue-job';

export interface CollectOptions {
  redisUrl: string;
  queueName?: string | undefined;
  /** The results JSONL (the `run` command's format); lines already in it are not written again. */
  out: string;
  /** Wait until no job is waiting, active or delayed before writing. */
  wait?: boolean | undefined;
  /** How often to look at the queue while waiting, ms. Default 1 s. */
  pollMs?: number | undefined;
  /** Called while waiting with the jobs not finished yet. */
  onWaiting?: ((pending: number) => void) | undefined;
  signal?: AbortSignal | undefined;
}

export interface CollectSummary {
  /** Lines written by this call. */
  written: number;
  /** Finished jobs whose line was already in the file. */
  alreadyWritten: number;
  done: number;
  failed: number;
  skipped: number;
  /** Jobs not finished when the results were written (0 with `wait`). */
  pending: number;
}

const pendingStates = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'paused'] as const;
const pageSize = 500;

/**
 * Writes the queue's results to a JSONL file: every completed job's return value, every job BullMQ
 * gave up on (failed with its attempts spent), and the input lines that were not tasks. Each line
 * once: the results writer reads the line numbers already in the file, so collecting again (after
 * more jobs finished, or after a crash) appends only the new ones. Lines come in completion order.
 */
export async function collectResults(options: CollectOptions): Promise<CollectSummary> {
  const queue = new Queue<QueueJobData, QueueJobResult>(options.queueName ?? defaultQueueName, {
    connection: queueConnection(options.redisUrl, { failFast: true }),
  });
  const summary: CollectSummary = {
    written: 0,
    alreadyWritten: 0,
    done: 0,
    failed: 0,
    skipped: 0,
    pending: 0,
  };
  try {
    const pendingCount = async () => {
      const counts = await queue.getJobCounts(...pendingStates);
      return Object.values(counts).reduce((sum, n) => sum + n, 0);
    };
    summary.pending = await pendingCount();
    while (options.wait && summary.pending > 0) {
      options.onWaiting?.(summary.pending);
      await abortableDelay(options.pollMs ?? 1_000, options.signal);
      summary.pending = await pendingCount();
    }

    const writer = await openResultsWriter(options.out, 'completion');
    try {
      const write = async (result: BatchResult) => {
        if (writer.has(result.index)) {
          summary.alreadyWritten += 1;
          return;
        }
        await writer.write(result);
        summary.written += 1;
        if (result.status === 'done') summary.done += 1;
        else if (result.code === 'invalidInput') summary.skipped += 1;
        else summary.failed += 1;
      };
      // Oldest first: a job finishing meanwhile (without `wait`) joins the end, never shifts a page.
      for (let start = 0; ; start += pageSize) {
        const jobs = await queue.getJobs(['completed'], start, start + pageSize - 1, true);
        for (const job of jobs) if (job?.returnvalue) await write(toBatchResult(job.returnvalue));
        if (jobs.length < pageSize) break;
      }
      for (let start = 0; ; start += pageSize) {
        const jobs = await queue.getJobs(['failed'], start, start + pageSize - 1, true);
        for (const job of jobs) {
          if (!job) continue;
          // Its attempts are spent; it may have run, so it is reported, never sent again from here.
          // The worker throws `code (rawCode): message` when its retries run out.
          const [, code = '', rawCode = 'jobFailed'] = /^(\w+) \((\w+)\):/.exec(job.failedReason ?? '') ?? [];
          await write({
            status: 'failed',
            code: (runwareErrorCodes as readonly string[]).includes(code)
              ? (code as RunwareErrorCode)
              : 'unknown',
            rawCode,
            message: job.failedReason || 'the job failed',
            index: job.data.line,
            taskUUID: job.data.taskUUID,
            cost: 0,
          });
        }
        if (jobs.length < pageSize) break;
      }
      const skipped = await (await queue.client).hgetall(skippedKey(queue));
      for (const [line, reason] of Object.entries(skipped))
        await write({
          status: 'failed',
          code: 'invalidInput',
          rawCode: 'invalidInput',
          message: reason,
          index: Number(line),
          taskUUID: '',
          cost: 0,
        });
    } finally {
      await writer.close();
    }
    return summary;
  } finally {
    await queue.close();
  }
}
