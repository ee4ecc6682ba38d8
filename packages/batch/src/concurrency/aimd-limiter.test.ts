import { describe, expect, it } from 'vitest';
import { createAimdLimiter } from './aimd-limiter';

describe('AIMD limiter', () => {
  it('halves once per burst of rate limits, pauses new starts, then grows back to the max, never past it', async () => {
    let now = 0;
    const limiter = createAimdLimiter(8, () => now);
    for (let i = 0; i < 8; i += 1) await limiter.acquire();
    expect(limiter.inUse).toBe(8);
    // Eight tasks of one burst fail together: one halving.
    for (let i = 0; i < 8; i += 1) limiter.onRateLimit(1_000);
    expect(limiter.limit).toBe(4);
    for (let i = 0; i < 8; i += 1) limiter.release();
    let started = false;
    const next = limiter.acquire().then(() => {
      started = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toBe(false);
    now = 1_000;
    await next;
    expect(started).toBe(true);
    limiter.release();
    // A later burst, after the pause: halves again.
    limiter.onRateLimit(10);
    expect(limiter.limit).toBe(2);
    expect(limiter.lowest).toBe(2);
    now = 2_000;
    for (let i = 0; i < 100; i += 1) limiter.onSuccess();
    expect(limiter.limit).toBe(8);
  });

  it('never lets more than the limit in, and a stopped wait rejects', async () => {
    const limiter = createAimdLimiter(2);
    await limiter.acquire();
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    expect(limiter.inUse).toBe(2);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    limiter.release();
    await limiter.acquire();
    expect(limiter.inUse).toBe(2);
  });
});
