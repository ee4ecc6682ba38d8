import type { ConnectionOptions } from 'bullmq';

/** The queue every command uses unless `--queue` names another. */
export const defaultQueueName = 'runware-batch';

/**
 * `redis://[user:password@]host[:port][/db]` (or `rediss://` for TLS) → BullMQ's connection
 * options. Parsed here rather than handed to ioredis as a string so a mistake is a clear usage
 * error, and so the URL (which can hold a Redis password) is never echoed back in a message.
 */
export function queueConnection(redisUrl: string, options: { failFast?: boolean } = {}): ConnectionOptions {
  let url: URL;
  try {
    url = new URL(redisUrl);
  } catch {
    throw new TypeError('the Redis URL is not a URL (expected redis://host:port)');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new TypeError(`the Redis URL must start with redis:// or rediss://, not ${url.protocol}//`);
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new TypeError('the Redis URL path must be a database number');
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1',
    port: url.port ? Number(url.port) : 6379,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    // Workers keep reconnecting (BullMQ's default); a one-shot command (enqueue, collect) gives
    // up after about 10 s instead of hanging on a Redis that is not there.
    ...(options.failFast
      ? { retryStrategy: (times: number) => (times > 8 ? null : Math.min(250 * times, 2_000)) }
      : {}),
  };
}

/** The URL without its password, for output. */
export function redisLabel(redisUrl: string): string {
  try {
    const url = new URL(redisUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'redis';
  }
}
