import { describe, expect, it } from 'vitest';
import { createIndexSet } from './index-set';

describe('index set', () => {
  it('holds indices far past its first allocation, counting each once', () => {
    const set = createIndexSet();
    for (const i of [0, 7, 8, 9_999_999, 7]) set.add(i);
    expect(set.size).toBe(4);
    expect(set.has(7)).toBe(true);
    expect(set.has(6)).toBe(false);
    expect(set.has(9_999_999)).toBe(true);
    expect(set.has(10_000_000)).toBe(false);
  });
});
