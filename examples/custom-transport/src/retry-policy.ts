/**
 * When to try again, and how long to wait first. What is retryable (408, 429, 5xx), `Retry-After`
 * and "the request never left this machine" come from `@runware/core/transport-kit`, as does the
 * backoff, so this transport agrees with every other one.
 */
import { backoffDelay } from '@runware/core/transport-kit';

/**
 * A 5xx may come after the service accepted the tasks (a gateway dropping the answer, a crash
 * while replying), so the tasks' fate is unknown. 408 and 429 mean "not taken": safe to resend.
 */
export const mayHaveRun = (status: number): boolean => status >= 500;

/**
 * The wait before retry `retry` (1-based): the service's `Retry-After` when it sent one, else the
 * kit's exponential backoff from `baseMs` with jitter. Both capped at `capMs`.
 */
export function retryDelay(retry: number, retryAfterMs: number | undefined, baseMs: number, capMs: number) {
  return retryAfterMs === undefined ? backoffDelay(retry, { baseMs, capMs }) : Math.min(retryAfterMs, capMs);
}
