import { backoffDelay } from '@runware/core/transport-kit';
import type { ResolvedOptions } from '../options';

export interface ReconnectPolicy {
  /** Delay before reconnect attempt `attempt` (1-based), ms. */
  delay(attempt: number): number;
  /** Whether attempt `attempt` (1-based) may run. */
  allows(attempt: number): boolean;
}

/**
 * The reconnect schedule: the SDK's one backoff (`retryDelay` grown by `retryStrategy`, up to 30 %
 * jitter, capped at `maxReconnectDelay`), for at most `maxReconnectAttempts` attempts.
 */
export function createReconnectPolicy(
  settings: Pick<
    ResolvedOptions,
    'retryDelay' | 'retryStrategy' | 'maxReconnectDelay' | 'maxReconnectAttempts' | 'random'
  >,
): ReconnectPolicy {
  const backoff = {
    baseMs: settings.retryDelay,
    capMs: settings.maxReconnectDelay,
    strategy: settings.retryStrategy,
    random: settings.random,
  };
  return {
    delay: (attempt) => backoffDelay(attempt, backoff),
    allows: (attempt) => attempt <= settings.maxReconnectAttempts,
  };
}
