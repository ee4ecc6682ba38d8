import { describe, expect, it } from 'vitest';
import { needsEncoding } from './needs-encoding';

describe('needsEncoding', () => {
  it('is false for params of plain values, nested or not', () => {
    expect(
      needsEncoding(
        { positivePrompt: 'a', width: 512, inputs: { referenceImages: ['https://x/a.png'] } },
        undefined,
      ),
    ).toBe(false);
  });

  it('is true for bytes, an ArrayBuffer or a Blob anywhere', () => {
    expect(needsEncoding({ seedImage: new Uint8Array([1]) }, undefined)).toBe(true);
    expect(needsEncoding({ inputs: { images: [new ArrayBuffer(2)] } }, undefined)).toBe(true);
    expect(needsEncoding({ a: [{ b: new Blob(['x']) }] }, undefined)).toBe(true);
  });

  it('is true whenever local files can be read (a string may name one)', () => {
    const files = { isFile: async () => false, readFile: async () => new Uint8Array() };
    expect(needsEncoding({ positivePrompt: 'a' }, files as never)).toBe(true);
  });

  it('leaves a cycle to the encoder, but not an object two siblings share', () => {
    const shared = { x: 1 };
    expect(needsEncoding({ a: shared, b: shared }, undefined)).toBe(false);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(needsEncoding(cyclic, undefined)).toBe(true);
  });
});
