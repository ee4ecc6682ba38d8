import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff-delay';

const pinned = (random: number) => ({ baseMs: 100, capMs: 10_000, random: () => random });

describe('backoffDelay', () => {
  it('doubles from the base for exponential, the default strategy', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, pinned(0)))).toEqual([100, 200, 400, 800]);
    expect(backoffDelay(3, { ...pinned(0), strategy: 'exponential' })).toBe(400);
  });

  it('grows by the base for linear', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, { ...pinned(0), strategy: 'linear' }))).toEqual([
      100, 200, 300, 400,
    ]);
  });

  it('adds up to 30 % jitter and never passes the cap', () => {
    expect(backoffDelay(2, pinned(1))).toBe(260);
    expect(backoffDelay(2, pinned(0.5))).toBe(230);
    expect(backoffDelay(20, pinned(1))).toBe(10_000);
    expect(backoffDelay(1, { ...pinned(1), capMs: 110 })).toBe(110);
    // A random source outside [0, 1) is clamped.
    expect(backoffDelay(1, pinned(7))).toBe(130);
    expect(backoffDelay(1, pinned(-3))).toBe(100);
  });

  it('treats attempts below 1 as the first', () => {
    expect(backoffDelay(0, pinned(0))).toBe(100);
    expect(backoffDelay(-5, pinned(0))).toBe(100);
  });

  it('uses Math.random when no source is given', () => {
    for (let i = 0; i < 50; i++) {
      const delay = backoffDelay(1, { baseMs: 1000, capMs: 60_000 });
      expect(delay).toBeGreaterThanOrEqual(1000);
      expect(delay).toBeLessThanOrEqual(1300);
    }
  });
});
