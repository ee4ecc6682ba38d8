import { abortableDelay } from '../task/abortable-delay';

export interface AimdLimiter {
  /** Waits for a free slot under the current limit (and for a rate-limit pause to end). */
  acquire(signal?: AbortSignal): Promise<void>;
  release(): void;
  /** A task ended without a rate limit: the limit grows by one per `limit` such tasks. */
  onSuccess(): void;
  /** The service said slow down: halve the limit (once per pause) and pause new starts. */
  onRateLimit(retryAfterMs?: number): void;
  readonly limit: number;
  readonly inUse: number;
  /** Lowest limit reached, for reports and tests. */
  readonly lowest: number;
}

/**
 * Additive increase, multiplicative decrease, as TCP does with its window: a burst of 429s from 500
 * tasks in flight halves the limit once (the tasks that fail together are one signal), pauses new
 * starts for Retry-After (or a backoff that doubles while 429s continue, up to 30 s), and the
 * limit then climbs back one step per round of successes, never above `max`.
 */
export function createAimdLimiter(max: number, now: () => number = Date.now): AimdLimiter {
  let limit = max;
  let lowest = max;
  let inUse = 0;
  let credit = 0;
  let pausedUntil = 0;
  let backoff = 500;
  const waiting: (() => void)[] = [];

  let timer: ReturnType<typeof setTimeout> | undefined;
  const wake = () => {
    const pause = pausedUntil - now();
    if (pause > 0) {
      // Timers can fire a moment before the wall clock says the pause is over: check again then,
      // or the tasks waiting for a slot would wait for a release that never comes.
      if (waiting.length > 0 && !timer)
        timer = setTimeout(() => {
          timer = undefined;
          wake();
        }, pause + 1);
      return;
    }
    while (inUse < limit && waiting.length > 0) {
      inUse += 1;
      waiting.shift()?.();
    }
  };

  return {
    async acquire(signal) {
      for (;;) {
        const pause = pausedUntil - now();
        if (pause > 0) {
          await abortableDelay(pause, signal);
          continue;
        }
        if (inUse < limit && waiting.length === 0) {
          inUse += 1;
          return;
        }
        await new Promise<void>((resolve, reject) => {
          const onAbort = () => {
            const at = waiting.indexOf(grant);
            if (at !== -1) waiting.splice(at, 1);
            reject(signal?.reason);
          };
          const grant = () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          };
          if (signal?.aborted) return onAbort();
          signal?.addEventListener('abort', onAbort, { once: true });
          waiting.push(grant);
          wake();
        });
        return;
      }
    },
    release() {
      inUse -= 1;
      wake();
    },
    onSuccess() {
      backoff = 500;
      if (limit >= max) return;
      credit += 1;
      if (credit >= limit) {
        credit = 0;
        limit += 1;
        wake();
      }
    },
    onRateLimit(retryAfterMs) {
      const at = now();
      // One halving per pause: the other tasks of the same burst see the pause still running.
      if (at >= pausedUntil) {
        limit = Math.max(1, Math.floor(limit / 2));
        lowest = Math.min(lowest, limit);
        credit = 0;
        const wait = retryAfterMs ?? backoff;
        backoff = Math.min(backoff * 2, 30_000);
        pausedUntil = at + wait;
      }
    },
    get limit() {
      return limit;
    },
    get inUse() {
      return inUse;
    },
    get lowest() {
      return lowest;
    },
  };
}
