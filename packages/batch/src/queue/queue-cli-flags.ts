import { UsageError } from '../cli/cli-io';
import { defaultQueueName, queueConnection } from './queue-connection';

/** The flags of the queue commands (`enqueue`, `worker`, `collect`), for node:util parseArgs. */
export const queueOptions = {
  redis: { type: 'string' },
  queue: { type: 'string' },
} as const;

export const queueHelp = `Queue:
  --redis URL            Redis for the BullMQ queue, redis://[user:pass@]host:port[/db]
                         (default: the RUNWARE_BATCH_REDIS environment variable)
  --queue NAME           the queue (default: ${defaultQueueName}); one queue per input file`;

/** `--redis` (or RUNWARE_BATCH_REDIS) and `--queue`, checked. */
export function queueTarget(
  values: { redis?: string | undefined; queue?: string | undefined },
  env: NodeJS.ProcessEnv,
): { redisUrl: string; queueName: string } {
  const redisUrl = values.redis ?? env.RUNWARE_BATCH_REDIS;
  if (!redisUrl) throw new UsageError('no Redis: pass --redis URL or set RUNWARE_BATCH_REDIS');
  try {
    queueConnection(redisUrl);
  } catch (error) {
    throw new UsageError(`--redis: ${(error as Error).message}`);
  }
  const queueName = values.queue ?? defaultQueueName;
  if (queueName === '' || queueName.includes(':')) throw new UsageError('--queue must be a name without ":"');
  return { redisUrl, queueName };
}

/** A whole number ≥ `min` from a flag. */
export function integerFlag(name: string, value: string | undefined, min = 1): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}`);
  return n;
}

/** `--rate 10/s`, `600/m` or `5/1500ms`: at most `max` jobs started per `durationMs`, queue-wide. */
export function rateFlag(value: string | undefined): { max: number; durationMs: number } | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(s|m|(\d+)ms)$/.exec(value.trim());
  const max = Number(match?.[1]);
  if (!match || !Number.isInteger(max) || max < 1)
    throw new UsageError('--rate must look like 10/s, 600/m or 5/1500ms');
  const durationMs = match[2] === 's' ? 1_000 : match[2] === 'm' ? 60_000 : Number(match[3]);
  if (!(durationMs >= 1)) throw new UsageError('--rate needs a duration of at least 1 ms');
  return { max, durationMs };
}
