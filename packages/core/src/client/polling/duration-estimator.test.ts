import { describe, expect, it } from 'vitest';
import { createDurationEstimator } from './duration-estimator';

/** A bracket of half-width `half` ms around `ms`. */
const around = (ms: number, half: number) => [{ lowMs: ms - half, highMs: ms + half }];

describe('createDurationEstimator', () => {
  it('knows nothing of a key it never saw', () => {
    expect(createDurationEstimator().estimate('runware:1@1')).toBeUndefined();
  });

  it('takes the first measurement as it is, its spread from the bracket', () => {
    const estimator = createDurationEstimator({ floorMs: 0 });
    estimator.observe('m', [{ lowMs: 3645, highMs: 5468 }]);
    const estimate = estimator.estimate('m');
    expect(estimate?.expectedMs).toBeCloseTo(Math.sqrt(3645 * 5468) * 1.02, -2);
    expect(estimate?.samples).toBe(1);
    expect(estimate?.variation).toBe(0);
    // The bracket's half-width (log 0.2): about 1 s either side of 4.6 s.
    expect(estimate?.spreadMs).toBeGreaterThan(700);
    expect(estimate?.spreadMs).toBeLessThan(1200);
  });

  it('lets a narrow bracket outweigh a wide one, so a repeated duration converges in a few runs', () => {
    const estimator = createDurationEstimator();
    estimator.observe('m', [{ lowMs: 3645, highMs: 5468 }]);
    estimator.observe('m', around(5000, 250));
    expect(Math.abs((estimator.estimate('m')?.expectedMs ?? 0) - 5000)).toBeLessThan(150);
    estimator.observe('m', around(5000, 30));
    estimator.observe('m', around(5010, 25));
    const estimate = estimator.estimate('m');
    expect(Math.abs((estimate?.expectedMs ?? 0) - 5005)).toBeLessThan(30);
    expect(estimate?.spreadMs).toBeLessThan(60);
  });

  it('learns the spread of scattered durations, and follows a lasting change', () => {
    const estimator = createDurationEstimator();
    const durations = [900, 1100, 1000, 850, 1150, 1050, 950, 1000, 1200, 800];
    for (const ms of durations) estimator.observe('m', around(ms, 20));
    const scattered = estimator.estimate('m');
    expect(scattered?.expectedMs).toBeGreaterThan(900);
    expect(scattered?.expectedMs).toBeLessThan(1100);
    expect(scattered?.spreadMs).toBeGreaterThan(60);
    expect(scattered?.variation).toBeGreaterThan(0.05);
    for (let i = 0; i < 15; i++) estimator.observe('m', around(2000, 20));
    expect(Math.abs((estimator.estimate('m')?.expectedMs ?? 0) - 2000)).toBeLessThan(100);
  });

  it('is not dragged far by one outlier: the spread widens first', () => {
    const estimator = createDurationEstimator();
    for (let i = 0; i < 6; i++) estimator.observe('m', around(1000, 20));
    const before = estimator.estimate('m');
    estimator.observe('m', around(20_000, 20));
    const after = estimator.estimate('m');
    expect(after?.expectedMs).toBeLessThan(1200);
    expect(after?.spreadMs).toBeGreaterThan(before?.spreadMs ?? Infinity);
  });

  it('counts the tasks of one poll as one measurement (their median)', () => {
    const one = createDurationEstimator();
    one.observe('m', [
      { lowMs: 900, highMs: 1000 },
      { lowMs: 900, highMs: 1000 },
      { lowMs: 90_000, highMs: 100_000 },
    ]);
    const estimate = one.estimate('m');
    expect(estimate?.samples).toBe(1);
    expect(estimate?.expectedMs).toBeGreaterThan(900);
    expect(estimate?.expectedMs).toBeLessThan(1000);
  });

  it('reads a task seen done at its first poll as taking between half that and all of it', () => {
    const estimator = createDurationEstimator({ floorMs: 0 });
    estimator.observe('m', [{ lowMs: 0, highMs: 320 }]);
    expect(estimator.estimate('m')?.expectedMs).toBeCloseTo(240, 0);
  });

  it('ignores brackets that say nothing', () => {
    const estimator = createDurationEstimator();
    estimator.observe('m', [{ lowMs: 0, highMs: 0 }]);
    estimator.observe('m', [{ lowMs: 0, highMs: Number.NaN }]);
    expect(estimator.estimate('m')).toBeUndefined();
  });

  it('never reports a spread under its floor', () => {
    const estimator = createDurationEstimator({ floorMs: 25 });
    for (let i = 0; i < 10; i++) estimator.observe('m', around(200, 1));
    expect(estimator.estimate('m')?.spreadMs).toBe(25);
  });

  it('remembers at most maxKeys keys, forgetting the least recently used', () => {
    const estimator = createDurationEstimator({ maxKeys: 3 });
    for (const key of ['a', 'b', 'c']) estimator.observe(key, around(1000, 20));
    estimator.estimate('a');
    estimator.observe('d', around(1000, 20));
    expect(estimator.size()).toBe(3);
    expect(estimator.estimate('b')).toBeUndefined();
    expect(estimator.estimate('a')).toBeDefined();
    for (let i = 0; i < 1000; i++) estimator.observe(`model-${i}`, around(1000, 20));
    expect(estimator.size()).toBe(3);
  });
});
