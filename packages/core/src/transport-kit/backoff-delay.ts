import type { RetryStrategy } from '../config/config-types';

export interface BackoffOptions {
  /** The delay of the first retry, ms (the config's `retryDelay`). */
  baseMs: number;
  /** No delay exceeds this, jitter included. */
  capMs: number;
  /** The config's `retryStrategy`; default `'exponential'`. */
  strategy?: RetryStrategy | undefined;
  /** Jitter source in [0, 1); default `Math.random`. Inject one to pin delays in tests. */
  random?: (() => number) | undefined;
}

/** Share of the delay added as jitter at most, so clients failing together do not return in lock-step. */
export const backoffJitter = 0.3;

/**
 * The one backoff of every transport: the delay before retry (or reconnect) `attempt`, 1-based.
 * `exponential`: base·2^(attempt−1); `linear`: base·attempt; then up to 30 % jitter, then the cap.
 */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const n = Math.max(1, Math.floor(attempt));
  const raw = options.baseMs * (options.strategy === 'linear' ? n : 2 ** (n - 1));
  const random = Math.min(Math.max((options.random ?? Math.random)(), 0), 1);
  return Math.max(0, Math.min(Math.round(raw * (1 + backoffJitter * random)), options.capMs));
}
