/** How a client polls its async tasks (see packages/core/README.md, "What the engine does"). */
export interface PollingOptions {
  /** Shortest wait between two polls of one task, ms; also the step of the dense polls. Default 50. */
  minIntervalMs: number;
  /** Longest wait between two polls of one task, ms. Default 5000. */
  maxIntervalMs: number;
  /**
   * Without history, each poll of a task comes `age × ageFraction` after the last (clamped to
   * [minIntervalMs, maxIntervalMs]): with 0.5, every poll is 1.5 times as old as the one before.
   * Default 0.5.
   */
  ageFraction: number;
  /** Without history, the first poll of a task, ms after it was accepted. Default 320. */
  firstPollMs?: number;
  /**
   * A poll also carries the tasks due within this many ms after it, so tasks submitted together
   * share their requests. Default 50.
   */
  coalesceMs?: number;
  /**
   * Learn how long tasks of each model and taskType take (from the completions this client saw)
   * and poll densely around the expected finish. Default true.
   */
  adaptive?: boolean;
  /** Models whose durations are remembered (least recently used forgotten first). Default 256. */
  maxModels?: number;
}

/**
 * Without history: first poll 320 ms after the task was accepted, then each 1.5 times as old as
 * the last (interval at most 5 s): 0.32, 0.48, 0.72, 1.08, 1.62, 2.43, 3.65, 5.47, 8.2, 12.3 s…
 * With history, dense 50 ms+ polls around the expected finish. Tasks due within 50 ms share a poll.
 */
export const defaultPolling: Required<PollingOptions> = {
  minIntervalMs: 50,
  maxIntervalMs: 5000,
  ageFraction: 0.5,
  firstPollMs: 320,
  coalesceMs: 50,
  adaptive: true,
  maxModels: 256,
};

/** `defaultPolling` under the options given; an option set to undefined keeps its default. */
export function resolvePolling(polling: Partial<PollingOptions> = {}): Required<PollingOptions> {
  const resolved = { ...defaultPolling };
  for (const [key, value] of Object.entries(polling))
    if (value !== undefined) (resolved as Record<string, unknown>)[key] = value;
  return resolved;
}
