import { describe, expect, it } from 'vitest';
import { describeCause, lowLevelCode } from './describe-cause';
import { parseRetryAfter } from './retry-after';
import { isRetryableStatus, neverSent } from './retry-policy';

describe('retry policy', () => {
  it('retries 408, 429 and 5xx only', () => {
    expect([408, 429, 500, 503, 599].every(isRetryableStatus)).toBe(true);
    expect([200, 400, 401, 404, 409, 600].some(isRetryableStatus)).toBe(false);
  });

  it('knows a request never sent from its socket code, even deep in the cause chain', () => {
    const refused = new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    expect(neverSent(refused)).toBe(true);
    expect(neverSent('ENOTFOUND')).toBe(true);
    expect(neverSent(new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }))).toBe(false);
    expect(neverSent(undefined)).toBe(false);
    expect(lowLevelCode({ cause: { cause: { code: 'UND_ERR_SOCKET' } } })).toBe('UND_ERR_SOCKET');
    expect(describeCause(refused)).toBe('fetch failed (ECONNREFUSED)');
    expect(describeCause({ message: 'plain' })).toBe('plain');
    expect(describeCause(undefined)).toBe('connection closed');
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 1.5 ', now)).toBe(1500);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('-1', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
