import { backoffDelay } from '@runware/core/transport-kit';
import type { ResolvedOptions } from '../options';

/**
 * The wait before retry `retry` (1-based): the server's `Retry-After` when it sent one, else the
 * backoff of every transport; both capped at `maxRetryDelay`.
 */
export const retryWait = (
  retry: number,
  retryAfterMs: number | undefined,
  options: Pick<ResolvedOptions, 'retryDelay' | 'retryStrategy' | 'maxRetryDelay' | 'random'>,
): number =>
  retryAfterMs !== undefined
    ? Math.min(retryAfterMs, options.maxRetryDelay)
    : backoffDelay(retry, {
        baseMs: options.retryDelay,
        capMs: options.maxRetryDelay,
        strategy: options.retryStrategy,
        random: options.random,
      });
