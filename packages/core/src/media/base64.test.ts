import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from './base64';

describe('bytesToBase64', () => {
  it('matches the RFC 4648 test vectors', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [text, encoded] of vectors)
      expect(bytesToBase64(new TextEncoder().encode(text))).toBe(encoded);
  });

  it('uses the full alphabet, including + and /', () => {
    const all = Uint8Array.from({ length: 256 }, (_, index) => index);
    expect(bytesToBase64(all)).toBe(Buffer.from(all).toString('base64'));
    expect(bytesToBase64(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('+/+/');
  });

  it("equals Buffer's base64 for random sizes from 0 to 70k, across chunk boundaries", () => {
    const sizes = [0, 1, 2, 3, 4, 5, 24_575, 24_576, 24_577, 49_152, 70_000];
    for (let i = 0; i < 40; i++) sizes.push(Math.floor(Math.random() * 70_001));
    for (const size of sizes) {
      const bytes = new Uint8Array(randomBytes(size));
      expect(bytesToBase64(bytes), `size ${size}`).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('encodes only the view of a subarray and accepts Node Buffers', () => {
    const backing = new Uint8Array([9, 9, 1, 2, 3, 9]);
    expect(bytesToBase64(backing.subarray(2, 5))).toBe(Buffer.from([1, 2, 3]).toString('base64'));
    const buffer = Buffer.from('hello world');
    expect(bytesToBase64(buffer)).toBe(buffer.toString('base64'));
  });
});
