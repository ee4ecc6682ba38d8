import { describe, expect, it } from 'vitest';
import { createRequestLog } from './request-log';

const entry = (body: unknown) => ({ transport: 'rest' as const, method: 'POST', path: '/v1', body });

describe('request log', () => {
  it('redacts apiKey at any depth and the authorization header', () => {
    const log = createRequestLog();
    log.add({
      ...entry([{ taskType: 'authentication', apiKey: 'k1' }, { nested: { apiKey: 'k2' } }]),
      headers: { authorization: 'Bearer k3' },
    });
    const [captured] = log.list();
    expect(JSON.stringify(captured)).not.toMatch(/k1|k2|k3/);
    expect(captured?.headers.authorization).toBe('[redacted]');
  });

  it('drops the oldest entries past the count and byte budgets, keeping bodies whole', () => {
    const byCount = createRequestLog(3);
    for (let i = 0; i < 5; i++) byCount.add(entry([i]));
    expect(byCount.list().map((e) => e.body)).toEqual([[2], [3], [4]]);
    const byBytes = createRequestLog(100, 2500);
    for (let i = 0; i < 5; i++) byBytes.add(entry(['x'.repeat(1000)]));
    expect(byBytes.list()).toHaveLength(2);
    expect((byBytes.list()[0]?.body as string[] | undefined)?.[0]).toHaveLength(1000);
    expect(byBytes.list(4).map((e) => e.id)).toEqual([5]);
  });
});
