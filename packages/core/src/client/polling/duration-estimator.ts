/** What a client expects of a task's duration, in ms since the task was accepted. */
export interface DurationEstimate {
  /** The typical duration (the centre of the learned log-duration). */
  expectedMs: number;
  /** How far a duration strays from `expectedMs` (one spread of the log-duration, in ms; ≥ the floor). */
  spreadMs: number;
  /**
   * The part of the spread the durations themselves showed (log scale): 0 while every measurement
   * agreed, whatever their brackets' width.
   */
  variation: number;
  /** Measurements behind the estimate. */
  samples: number;
}

/** One measurement: the task finished after `lowMs` (seen running) and by `highMs` (seen done). */
export interface DurationBracket {
  lowMs: number;
  highMs: number;
}

export interface DurationEstimatorOptions {
  /** Keys remembered; the least recently used goes first. Default 256. */
  maxKeys?: number;
  /** Weight kept by the past at each new measurement (0–1). Default 0.8 (about the last 5 count). */
  decay?: number;
  /** Smallest `spreadMs` reported, ms. Default 25. */
  floorMs?: number;
}

export interface DurationEstimator {
  /**
   * Adds one measurement for `key` from the brackets of the tasks that finished in one poll. They
   * count once together (their median), because they share the poll's timing error.
   */
  observe(key: string, brackets: readonly DurationBracket[]): void;
  /** The current estimate for `key`, or undefined when it has none. */
  estimate(key: string): DurationEstimate | undefined;
  /** Keys remembered. */
  size(): number;
}

interface KeyState {
  /** Decayed sums, weighted by each measurement's precision p: Σp, Σp·x, Σp·residual², Σp·width² (a decayed count: p = 1/width²). */
  weight: number;
  weightedMean: number;
  weightedResiduals: number;
  weightedWidths: number;
  samples: number;
}

// A bracket is never trusted to better than ±0.5 % (log 0.005); `floorMs` covers timer jitter.
const minWidth = 0.005;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/**
 * Learns how long tasks of a key (a model, a taskType) take, from interval-censored measurements:
 * a poll only tells that a task finished between the last poll that saw it running and the one
 * that saw it done. It keeps, per key, a precision-weighted EWMA of the log-duration (a narrow
 * bracket from dense polling outweighs a wide one from the sparse first run, so the estimate
 * converges in a few runs instead of averaging its first guess in) and of the squared residual
 * plus the bracket's own half-width (the spread: true variation plus what a bracket cannot tell).
 * A residual beyond 3 spreads moves the centre by 3 spreads at most (an outlier widens the spread,
 * which makes the schedule more careful, before it moves the centre). O(1) per key, LRU-bounded.
 */
export function createDurationEstimator(options: DurationEstimatorOptions = {}): DurationEstimator {
  const maxKeys = Math.max(1, options.maxKeys ?? 256);
  const decay = Math.min(1, Math.max(0, options.decay ?? 0.8));
  const floorMs = Math.max(0, options.floorMs ?? 25);
  const keys = new Map<string, KeyState>();

  const touch = (key: string, state: KeyState) => {
    keys.delete(key);
    keys.set(key, state);
    while (keys.size > maxKeys) {
      const oldest = keys.keys().next().value as string;
      keys.delete(oldest);
    }
  };

  const read = (state: KeyState) => {
    const variance = Math.max(0, state.weightedResiduals / state.weight);
    return {
      mean: state.weightedMean / state.weight,
      spread: Math.sqrt(variance + Math.max(0, state.weightedWidths / state.weight)),
      variation: Math.sqrt(variance),
    };
  };

  return {
    observe(key, brackets) {
      const points: number[] = [];
      const widths: number[] = [];
      for (const { lowMs, highMs } of brackets) {
        if (!(highMs > 0) || !Number.isFinite(highMs)) continue;
        // Seen done at the first poll: no lower bound; assume it took at least half the time.
        const low = Math.min(highMs, Math.max(lowMs, highMs / 2));
        points.push(Math.log((low + highMs) / 2));
        widths.push(Math.max(minWidth, Math.log(highMs / low) / 2));
      }
      if (points.length === 0) return;
      const x = median(points);
      const width = median(widths);
      const precision = 1 / (width * width);
      const state = keys.get(key);
      if (!state) {
        touch(key, {
          weight: precision,
          weightedMean: precision * x,
          weightedResiduals: 0,
          weightedWidths: 1,
          samples: 1,
        });
        return;
      }
      const { mean, spread, variation } = read(state);
      const residual = x - mean;
      // What the brackets alone would make the residual (uniform within each: width²/3), is not
      // variation of the durations.
      const blur = (spread * spread - variation * variation + width * width) / 3;
      const excess = Math.max(0, residual * residual - blur);
      const limit = 3 * Math.max(spread, minWidth);
      const moved = mean + Math.max(-limit, Math.min(limit, residual));
      state.weight = decay * state.weight + precision;
      state.weightedMean = decay * state.weightedMean + precision * moved;
      state.weightedResiduals = decay * state.weightedResiduals + precision * excess;
      state.weightedWidths = decay * state.weightedWidths + 1;
      state.samples += 1;
      touch(key, state);
    },
    estimate(key) {
      const state = keys.get(key);
      if (!state) return undefined;
      touch(key, state);
      const { mean, spread, variation } = read(state);
      const expectedMs = Math.exp(mean);
      return {
        expectedMs,
        spreadMs: Math.max(floorMs, expectedMs * (Math.exp(spread) - 1)),
        variation,
        samples: state.samples,
      };
    },
    size: () => keys.size,
  };
}
