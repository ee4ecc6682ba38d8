import type { DurationEstimate } from './duration-estimator';
import type { PollingOptions } from './polling-options';

export type ScheduleOptions = Required<
  Pick<PollingOptions, 'firstPollMs' | 'minIntervalMs' | 'maxIntervalMs' | 'ageFraction'>
>;

/** Polls before the expected window, for a task much quicker than its history. */
const maxSafetyPolls = 2;

/** Waits longer than this never help: the ladder's linear tail is jumped over, not walked. */
const maxSteps = 10_000;

const intervalAt = (age: number, o: ScheduleOptions) =>
  Math.min(Math.max(1, o.maxIntervalMs), Math.max(Math.max(1, o.minIntervalMs), age * o.ageFraction));

/**
 * The age-based ladder, used without history: `firstPollMs`, then each point `intervalAt(point)`
 * after the last. Returns the first point at or after `age`. The points are fixed per task, so a
 * poll that came early (coalesced with another task's) does not shift the ones after it.
 */
export function ladderPointAtOrAfter(age: number, o: ScheduleOptions): number {
  let point = Math.max(0, o.firstPollMs);
  for (let step = 0; step < maxSteps && point < age; step++) {
    const interval = intervalAt(point, o);
    // From here on the interval stays the same: jump.
    if (interval >= o.maxIntervalMs || o.ageFraction <= 0)
      return point + Math.ceil((age - point) / interval) * interval;
    point += interval;
  }
  return point;
}

/**
 * With an estimate E ± S (S at least `minIntervalMs`): dense polls every max(minIntervalMs,
 * S/2/√sharing) from E − S to E + 2S. `sharing` is how many pending tasks share the estimate: they
 * share their polls too, so a denser window costs each of them less (√, not 1/n, so the poll items
 * per task grow only slowly). Before that, two safety polls at (E − S)/4 and (E − S)/2 (not
 * before `firstPollMs`; ratio 2 when the durations agreed, closer, down to the ladder's ratio, when
 * they scatter) catch a task much quicker than its history within half its expected time; more
 * would cost every run polls that almost never find anything. After it, the interval doubles until
 * it meets the ladder's. (`nextPollAge` caps every wait at `maxIntervalMs`.)
 */
function estimatePointAtOrAfter(
  earliest: number,
  estimate: DurationEstimate,
  o: ScheduleOptions,
  sharing: number,
): number {
  const expected = estimate.expectedMs;
  const spread = Math.max(estimate.spreadMs, o.minIntervalMs);
  const start = expected - spread;
  const end = expected + 2 * spread;
  const step = Math.max(o.minIntervalMs, spread / 2 / Math.sqrt(Math.max(1, sharing)), 1);
  if (start > 0 && earliest <= start) {
    const floor = Math.max(1, earliest, Math.min(o.firstPollMs, start));
    // Durations that agreed (log-variation 0.1 or less) keep safety polls at ratio 2; scattered
    // ones bring them closer, down to the ladder's ratio.
    const ratio = 1 + Math.min(1, Math.max(o.ageFraction, 0.1 / Math.max(estimate.variation, 1e-9)));
    // The largest k ≤ maxSafetyPolls with start / ratio^k ≥ floor.
    const k = Math.min(
      maxSafetyPolls,
      Math.max(0, Math.floor(Math.log(start / floor) / Math.log(ratio) + 1e-9)),
    );
    return start / ratio ** k;
  }
  if (earliest <= end) {
    const point = start + Math.ceil((earliest - start) / step - 1e-9) * step;
    if (point <= end) return point;
  }
  let point = start + Math.floor((end - start) / step) * step;
  let interval = step;
  for (let i = 0; i < maxSteps && point < earliest; i++) {
    const ladder = intervalAt(point, o);
    interval = Math.min(interval * 2, ladder);
    if (interval >= o.maxIntervalMs) return point + Math.ceil((earliest - point) / interval) * interval;
    point += interval;
  }
  return point;
}

/**
 * The age (ms since the task was accepted) of a task's next poll. `lastPollAge` is the age at
 * which it was last polled (undefined before its first poll); the next poll comes at least
 * `minIntervalMs` later. With an `estimate` (its model's or taskType's history) the polls crowd
 * around the expected finish; without (or with one whose spread reaches its centre, which says
 * nothing useful), they follow the age-based ladder. `sharing`: pending tasks with this estimate.
 */
export function nextPollAge(
  lastPollAge: number | undefined,
  estimate: DurationEstimate | undefined,
  o: ScheduleOptions,
  sharing = 1,
): number {
  const earliest = lastPollAge === undefined ? 0 : lastPollAge + Math.max(1, o.minIntervalMs);
  if (!estimate || !(estimate.expectedMs > 0) || estimate.spreadMs >= estimate.expectedMs)
    return ladderPointAtOrAfter(earliest, o);
  const point = estimatePointAtOrAfter(earliest, estimate, o, sharing);
  // Safety polls of a long task may be further apart than maxIntervalMs: never wait longer.
  return lastPollAge === undefined
    ? point
    : Math.min(point, Math.max(earliest, lastPollAge + o.maxIntervalMs));
}
