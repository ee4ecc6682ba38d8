import {
  abortableDelay,
  combineSignals,
  isRetryableStatus,
  parseRetryAfter,
} from '@runware/core/transport-kit';
import { describe, expect, it } from 'vitest';
import { retryWait } from '../src/dispatch/retry-wait';
import { parseAnswer } from '../src/http/parse-response';

const schedule = {
  retryDelay: 1000,
  maxRetryDelay: 30_000,
  random: () => 1,
};

describe('retry schedule', () => {
  it('exponential: retryDelay·2^(n−1) plus up to 30 % jitter, capped', () => {
    const exponential = { ...schedule, retryStrategy: 'exponential' as const };
    expect([1, 2, 3, 4, 5, 6].map((n) => retryWait(n, undefined, exponential))).toEqual([
      1300, 2600, 5200, 10_400, 20_800, 30_000,
    ]);
    expect(retryWait(3, undefined, { ...exponential, random: () => 0 })).toBe(4000);
  });

  it('linear: retryDelay·n plus up to 30 % jitter, capped', () => {
    const linear = { ...schedule, retryStrategy: 'linear' as const, maxRetryDelay: 3500 };
    expect([1, 2, 3, 4].map((n) => retryWait(n, undefined, linear))).toEqual([1300, 2600, 3500, 3500]);
    const noJitter = { ...linear, random: () => 0 };
    expect([1, 2, 3].map((n) => retryWait(n, undefined, noJitter))).toEqual([1000, 2000, 3000]);
  });

  it('Retry-After replaces the schedule, under the same cap', () => {
    const options = { ...schedule, retryStrategy: 'exponential' as const };
    expect(retryWait(1, 0, options)).toBe(0);
    expect(retryWait(4, 2000, options)).toBe(2000);
    expect(retryWait(1, 120_000, options)).toBe(30_000);
  });

  it('retries 408, 429 and 5xx only', () => {
    expect([408, 429, 500, 502, 503, 504, 599].every(isRetryableStatus)).toBe(true);
    expect([200, 400, 401, 402, 403, 404, 409, 413, 422].some(isRetryableStatus)).toBe(false);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
  });
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('answer bodies', () => {
  const ok = (status: number, body: unknown) => {
    const parsed = parseAnswer(status, '', typeof body === 'string' ? body : JSON.stringify(body));
    if (!parsed.ok) throw new Error('expected a parsed answer');
    return parsed.result;
  };
  const error = { code: 'invalidWidth', message: 'bad', taskUUID: 't1' };

  it('accepts data, errors, error (object or array) and both at once', () => {
    expect(ok(200, { data: [{ taskType: 'x', taskUUID: 't1' }] })).toEqual({
      data: [{ taskType: 'x', taskUUID: 't1' }],
      errors: [],
      status: 200,
    });
    expect(ok(400, { errors: [error] }).errors).toEqual([error]);
    expect(ok(400, { error }).errors).toEqual([error]);
    expect(ok(400, { error: [error] }).errors).toEqual([error]);
    const both = ok(400, { data: [{ taskType: 'x', taskUUID: 't2' }], errors: [error] });
    expect([both.data.length, both.errors.length]).toEqual([1, 1]);
  });

  it('puts the outer taskUUID/taskType of a pre-stream error on the error', () => {
    const result = ok(404, {
      error: { code: 'modelNotFound', message: 'no' },
      taskUUID: 't9',
      taskType: 'y',
    });
    expect(result.errors).toEqual([{ code: 'modelNotFound', message: 'no', taskUUID: 't9', taskType: 'y' }]);
  });

  it('reads the legacy {error: true, errorMessage} form', () => {
    expect(ok(401, { error: true, errorId: 19, errorMessage: 'Invalid api key' }).errors).toEqual([
      {
        error: true,
        errorId: 19,
        errorMessage: 'Invalid api key',
        code: 'invalidApiKey',
        message: 'Invalid api key',
      },
    ]);
  });

  it('makes up invalidApiKey for a 401 and httpError otherwise when the body is not JSON', () => {
    expect(ok(401, '<html>nope</html>').errors).toEqual([expect.objectContaining({ code: 'invalidApiKey' })]);
    expect(ok(502, 'Bad Gateway').errors).toEqual([
      expect.objectContaining({ code: 'httpError', message: expect.stringContaining('502') }),
    ]);
    expect(ok(500, { data: [] }).errors).toEqual([expect.objectContaining({ code: 'httpError' })]);
  });

  it('refuses a 2xx body that is not a JSON object', () => {
    expect(parseAnswer(200, 'OK', 'not json').ok).toBe(false);
    expect(parseAnswer(200, 'OK', '[1]').ok).toBe(false);
    expect(parseAnswer(200, 'OK', '').ok).toBe(false);
    expect(parseAnswer(204, 'No Content', '').ok).toBe(true);
  });
});

describe('combined signals', () => {
  it('says whether the timeout or an input aborted', async () => {
    const timed = combineSignals([new AbortController().signal], 10);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect([timed.signal.aborted, timed.timedOut()]).toEqual([true, true]);

    const input = new AbortController();
    const byInput = combineSignals([input.signal, undefined], 10_000);
    input.abort('stop');
    expect([byInput.signal.aborted, byInput.timedOut(), byInput.signal.reason]).toEqual([
      true,
      false,
      'stop',
    ]);
    expect(combineSignals([AbortSignal.abort('early')]).signal.reason).toBe('early');
  });

  it('a delay rejects as soon as a signal aborts', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const waiting = abortableDelay(10_000, [undefined, controller.signal]);
    setTimeout(() => controller.abort('now'), 10);
    await expect(waiting).rejects.toBe('now');
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(abortableDelay(5, [new AbortController().signal])).resolves.toBeUndefined();
  });
});
