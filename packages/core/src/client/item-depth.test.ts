import { describe, expect, it } from 'vitest';
import { exceedsDepth } from './item-depth';

const nested = (depth: number) => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
};

describe('exceedsDepth', () => {
  it('tells how deep objects and arrays nest, without recursion', () => {
    expect(exceedsDepth({ a: 1, b: [1, { c: 'x' }] }, 3)).toBe(false);
    expect(exceedsDepth({ a: 1, b: [1, { c: { d: 1 } }] }, 3)).toBe(true);
    expect(exceedsDepth(nested(256))).toBe(false);
    expect(exceedsDepth(nested(257))).toBe(true);
    expect(exceedsDepth(nested(1_000_000))).toBe(true);
  });

  it('counts a cycle as too deep rather than looping', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(exceedsDepth(cyclic)).toBe(true);
  });
});
