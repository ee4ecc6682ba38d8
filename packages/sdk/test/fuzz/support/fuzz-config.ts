import fc from 'fast-check';

/**
 * Fuzz budget. By default every property is seeded (the same cases on every run) and bounded in
 * time, so `npm test` stays fast. Longer runs:
 *   RUNWARE_FUZZ_RUNS=2000   cases per property (the time limit then grows with it)
 *   RUNWARE_FUZZ_SEED=1234   another seed (`random` for a fresh one each run)
 *   RUNWARE_FUZZ_TIME_MS=600000   wall-clock cap per property
 */
const env = process.env;
const runsOverride =
  Number(env.RUNWARE_FUZZ_RUNS) > 0 ? Math.floor(Number(env.RUNWARE_FUZZ_RUNS)) : undefined;

export const fuzzSeed: number =
  env.RUNWARE_FUZZ_SEED === 'random'
    ? Math.floor(Math.random() * 2 ** 31)
    : Number.isFinite(Number(env.RUNWARE_FUZZ_SEED)) &&
        env.RUNWARE_FUZZ_SEED !== undefined &&
        env.RUNWARE_FUZZ_SEED !== ''
      ? Number(env.RUNWARE_FUZZ_SEED)
      : 20261202;

/** Wall-clock budget of one property (generation and shrinking), ms. */
export function budgetMs(defaultMs: number): number {
  if (Number(env.RUNWARE_FUZZ_TIME_MS) > 0) return Number(env.RUNWARE_FUZZ_TIME_MS);
  return runsOverride ? Math.max(defaultMs, runsOverride * 500) : defaultMs;
}

/**
 * fast-check parameters of one property: `runs` cases by default. New cases stop being tried after
 * `ms` (see `timed`); a failure then gets up to 7 * `ms` more to shrink to a minimal counterexample.
 */
export function fuzzParams<T>(runs: number, ms = 4000): fc.Parameters<T> {
  return {
    seed: fuzzSeed,
    numRuns: runsOverride ?? runs,
    interruptAfterTimeLimit: budgetMs(ms) * 8,
    markInterruptAsFailure: false,
    endOnFailure: false,
    verbose: 1,
    // Replays one reported counterexample: RUNWARE_FUZZ_SEED=<seed> RUNWARE_FUZZ_PATH=<path> (with -t).
    ...(env.RUNWARE_FUZZ_PATH ? { path: env.RUNWARE_FUZZ_PATH } : {}),
  };
}

/**
 * Bounds the generation phase of a property in time: once `ms` have passed and no case has failed
 * yet, further cases are not run (they count as passed); after a failure every shrink step runs.
 */
export function timed<A extends unknown[]>(
  ms: number,
  body: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  let deadline: number | undefined;
  let failed = false;
  return async (...args: A) => {
    deadline ??= Date.now() + budgetMs(ms);
    if (!failed && Date.now() > deadline) return;
    // RUNWARE_FUZZ_TRACE=1 prints each case before it runs (to find a case that hangs the process).
    if (env.RUNWARE_FUZZ_TRACE) process.stderr.write(`[fuzz case] ${fc.stringify(args).slice(0, 600)}\n`);
    try {
      await body(...args);
    } catch (error) {
      failed = true;
      throw error;
    }
  };
}

/** Vitest timeout of a test running one property with budget `ms`. */
export const testTimeout = (ms = 4000): number => budgetMs(ms) * 9 + 60_000;
