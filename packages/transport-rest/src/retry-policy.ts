import type { ResolvedOptions } from './options';

type BackoffOptions = Pick<ResolvedOptions, 'retryDelayMs' | 'retryStrategy' | 'maxRetryDelayMs' | 'random'>;

/**
 * Delay before retry number `n` (0 for the first retry). Exponential adds up to 30 % jitter so
 * many clients failing together do not come back in lock-step; both are capped.
 */
export function backoffDelay(n: number, options: BackoffOptions): number {
  const { retryDelayMs, maxRetryDelayMs } = options;
  if (options.retryStrategy === 'linear') return Math.min(retryDelayMs * (n + 1), maxRetryDelayMs);
  const base = retryDelayMs * 2 ** n;
  const jitter = Math.min(Math.max(options.random(), 0), 1) * 0.3 * base;
  return Math.min(Math.round(base + jitter), maxRetryDelayMs);
}

/** The delay to wait: the server's `Retry-After` wins over the schedule, both capped. */
export function retryDelay(n: number, retryAfterMs: number | undefined, options: BackoffOptions): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, options.maxRetryDelayMs);
  return backoffDelay(n, options);
}

/** Statuses worth another attempt: request timeout, rate limit, server and gateway errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * Socket codes that mean the request never left this machine (no connection was made), so the
 * server cannot have seen the tasks and they can be sent again without asking first.
 */
const notSentCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export function neverSent(code: string | undefined): boolean {
  return code !== undefined && notSentCodes.has(code);
}
