import { describe, expect, it } from 'vitest';
import { createDurationEstimator, type DurationEstimate } from './duration-estimator';
import { ladderPointAtOrAfter, nextPollAge, type ScheduleOptions } from './poll-schedule';
import { defaultPolling } from './polling-options';

const o: ScheduleOptions = defaultPolling;

/** The poll ages of a lone task until the first one at or after `durationMs` (its finish). */
function pollsUntil(durationMs: number, estimate: DurationEstimate | undefined, options = o): number[] {
  const ages: number[] = [];
  let last: number | undefined;
  while (ages.length < 1000) {
    last = nextPollAge(last, estimate, options);
    ages.push(last);
    if (last >= durationMs) return ages;
  }
  throw new Error('never reached the finish');
}

const lagOf = (durationMs: number, estimate?: DurationEstimate) =>
  (pollsUntil(durationMs, estimate).at(-1) as number) - durationMs;

describe('nextPollAge without history (the ladder)', () => {
  it('polls first at firstPollMs, then each poll 1.5 times as old, at most maxIntervalMs apart', () => {
    const ages = pollsUntil(40_000, undefined).map(Math.round);
    expect(ages.slice(0, 10)).toEqual([320, 480, 720, 1080, 1620, 2430, 3645, 5468, 8201, 12302]);
    expect(ages.slice(10)).toEqual([17302, 22302, 27302, 32302, 37302, 42302]);
  });

  it('sees lone 1 s and 5 s tasks within 20 % of their duration, in 8 polls or fewer', () => {
    for (const duration of [1000, 5000]) {
      const polls = pollsUntil(duration, undefined);
      expect(polls.length).toBeLessThanOrEqual(8);
      expect(lagOf(duration)).toBeLessThanOrEqual(0.2 * duration);
    }
  });

  it('never lags more than one interval (half the age) behind any finish', () => {
    for (let duration = 100; duration < 60_000; duration *= 1.13)
      expect(lagOf(duration)).toBeLessThanOrEqual(Math.max(o.firstPollMs, Math.min(0.5 * duration, 5000)));
  });

  it('keeps its points when a poll came early (coalesced): the next is the next point, not sooner', () => {
    // Due at 1080, polled 40 ms early with another task: next at 1620, not 1080.
    expect(Math.round(nextPollAge(1040, undefined, o))).toBe(1620);
    expect(ladderPointAtOrAfter(1080, o)).toBeCloseTo(1080);
  });

  it('honours other options (the conformance suite passes min 100, max 1000)', () => {
    const fast = { ...o, minIntervalMs: 100, maxIntervalMs: 1000 };
    const ages = pollsUntil(6000, undefined, fast).map(Math.round);
    expect(ages.slice(0, 6)).toEqual([320, 480, 720, 1080, 1620, 2430]);
    for (let i = 1; i < ages.length; i++)
      expect((ages[i] as number) - (ages[i - 1] as number)).toBeLessThanOrEqual(1000);
  });
});

describe('nextPollAge with history', () => {
  const sure: DurationEstimate = { expectedMs: 5000, spreadMs: 40, variation: 0, samples: 5 };

  it('polls densely from expected − spread, a minIntervalMs apart, and sees the finish within one step', () => {
    const ages = pollsUntil(5020, sure);
    const dense = ages.filter((age) => age >= 4950);
    expect(dense.map(Math.round)).toEqual([4950, 5000, 5050]);
    expect(lagOf(5020, sure)).toBeLessThanOrEqual(o.minIntervalMs);
  });

  it('polls a window shared by n pending tasks √n times as densely, never under minIntervalMs', () => {
    const wide: DurationEstimate = { expectedMs: 10_000, spreadMs: 2000, variation: 0.2, samples: 1 };
    const stepAt = (sharing: number) => {
      const first = nextPollAge(8000, wide, o, sharing);
      return nextPollAge(first, wide, o, sharing) - first;
    };
    expect(stepAt(1)).toBeCloseTo(1000, 6);
    expect(stepAt(4)).toBeCloseTo(500, 6);
    expect(stepAt(100)).toBeCloseTo(100, 6);
    expect(stepAt(10_000)).toBeCloseTo(o.minIntervalMs, 6);
  });

  it('polls a sure estimate fewer times than the ladder, with two safety polls at ratio 2 before', () => {
    const ages = pollsUntil(5000, sure).map(Math.round);
    expect(ages).toEqual([1238, 2475, 4950, 5000]);
    expect(ages.length).toBeLessThan(pollsUntil(5000, undefined).length);
  });

  it('catches a task much quicker than its history with the safety polls', () => {
    expect(lagOf(1300, sure)).toBeLessThanOrEqual(1300);
    expect(lagOf(2500, sure)).toBeLessThanOrEqual(2500);
  });

  it('backs off after the expected window, doubling up to the ladder interval', () => {
    const ages = pollsUntil(7000, sure).map(Math.round);
    const after = ages.filter((age) => age > 5000);
    const gaps = after.slice(1).map((age, i) => age - (after[i] as number));
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThanOrEqual(gaps[i - 1] as number);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2500);
    expect(lagOf(7000, sure)).toBeLessThanOrEqual(2500);
  });

  it('steps at half the spread when durations scatter, and brings the safety polls closer', () => {
    const loose: DurationEstimate = { expectedMs: 5000, spreadMs: 1000, variation: 0.3, samples: 5 };
    const ages = pollsUntil(8000, loose).map(Math.round);
    expect(ages.filter((age) => age >= 4000 && age <= 7000)).toEqual([
      4000, 4500, 5000, 5500, 6000, 6500, 7000,
    ]);
    const safety = ages.filter((age) => age < 4000);
    for (let i = 1; i < safety.length; i++)
      expect((safety[i] as number) / (safety[i - 1] as number)).toBeCloseTo(1.5);
  });

  it('never waits more than maxIntervalMs between polls, even before a long expected finish', () => {
    const long: DurationEstimate = { expectedMs: 120_000, spreadMs: 600, variation: 0, samples: 5 };
    const ages = pollsUntil(120_000, long);
    for (let i = 1; i < ages.length; i++)
      expect((ages[i] as number) - (ages[i - 1] as number)).toBeLessThanOrEqual(o.maxIntervalMs + 1e-6);
    expect(lagOf(120_000, long)).toBeLessThanOrEqual(600);
  });

  it('falls back to the ladder when the spread reaches the estimate', () => {
    const vague: DurationEstimate = { expectedMs: 1000, spreadMs: 1000, variation: 1, samples: 1 };
    expect(pollsUntil(5000, vague)).toEqual(pollsUntil(5000, undefined));
  });

  it('always moves forward by at least minIntervalMs', () => {
    for (const estimate of [undefined, sure, { expectedMs: 200, spreadMs: 25, variation: 0, samples: 3 }]) {
      for (let last = 0; last < 20_000; last += 37)
        expect(nextPollAge(last, estimate, o)).toBeGreaterThanOrEqual(last + o.minIntervalMs - 1e-9);
    }
  });

  it('with a learned repeated duration, sees each run within 100 ms from the fourth on, in fewer polls', () => {
    for (const duration of [200, 1000, 3000, 5000, 30_000]) {
      const estimator = createDurationEstimator({ floorMs: o.minIntervalMs / 2 });
      const runs: { lag: number; polls: number }[] = [];
      for (let run = 0; run < 6; run++) {
        const estimate = estimator.estimate('m');
        const ages = pollsUntil(duration, estimate);
        const seen = ages.at(-1) as number;
        const before = ages.at(-2) ?? 0;
        estimator.observe('m', [{ lowMs: before, highMs: seen }]);
        runs.push({ lag: seen - duration, polls: ages.length });
      }
      for (const later of runs.slice(3)) expect(later.lag).toBeLessThanOrEqual(100);
      if (duration >= 3000)
        for (const later of runs.slice(3)) expect(later.polls).toBeLessThan(runs[0]?.polls as number);
    }
  });
});
