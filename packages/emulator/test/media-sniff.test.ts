import { describe, expect, it } from 'vitest';
import {
  type MediaFormat,
  render3d,
  renderAudio,
  renderImage,
  renderSvg,
  SAMPLES,
  sampleBytes,
  sniffMedia,
} from '../src/media';
import { mulberry32 } from '../src/media/hash';

const samples: { format: MediaFormat; kind: string; bytes: Uint8Array; size?: [number, number] }[] = [
  ...(['PNG', 'JPG'] as const).flatMap((format) =>
    (
      [
        [1, 1],
        [300, 17],
        [640, 480],
      ] as const
    ).map(([width, height]) => ({
      format,
      kind: 'image',
      bytes: renderImage({ width, height, format, seed: 1, prompt: 'sniff' }),
      size: [width, height] as [number, number],
    })),
  ),
  {
    format: 'WEBP',
    kind: 'image',
    bytes: sampleBytes('WEBP'),
    size: [SAMPLES.WEBP.width ?? 0, SAMPLES.WEBP.height ?? 0],
  },
  {
    format: 'SVG',
    kind: 'image',
    bytes: renderSvg({ width: 120, height: 80, seed: 1, prompt: 's' }),
    size: [120, 80],
  },
  { format: 'WAV', kind: 'audio', bytes: renderAudio({ format: 'WAV', durationMs: 300, seed: 1 }) },
  ...(['MP3', 'FLAC', 'OGG'] as const).map((format) => ({
    format,
    kind: 'audio',
    bytes: sampleBytes(format),
  })),
  ...(['MP4', 'MOV', 'WEBM'] as const).map((format) => ({
    format,
    kind: 'video',
    bytes: sampleBytes(format),
  })),
  ...(['GLB', 'PLY'] as const).map((format) => ({
    format,
    kind: 'model',
    bytes: render3d({ format, seed: 1 }),
  })),
];

describe('sniffMedia', () => {
  for (const sample of samples) {
    const label = `${sample.format}${sample.size ? ` ${sample.size.join('x')}` : ''}`;
    it(`recognises our ${label}`, () => {
      const result = sniffMedia(sample.bytes);
      expect(result.kind).toBe(sample.kind);
      expect(result.format).toBe(sample.format);
      if (sample.size) expect([result.width, result.height]).toEqual(sample.size);
    });
  }

  it('recognises third-party variants', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(sniffMedia(text('<?xml version="1.0"?>\n<!-- c -->\n<svg width="10px" height="20">'))).toEqual({
      kind: 'image',
      format: 'SVG',
      width: 10,
      height: 20,
    });
    expect(sniffMedia(text('\uFEFF<svg viewBox="0 0 5 5"></svg>'))).toEqual({ kind: 'image', format: 'SVG' });
    expect(sniffMedia(text('ply\r\nformat binary_little_endian 1.0\r\n')).format).toBe('PLY');
    const id3 = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 2, 0, 0, 0xff, 0xfb, 0x90, 0x64]);
    expect(sniffMedia(id3)).toEqual({ kind: 'audio', format: 'MP3' });
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 5, 0, 7, 0, 0, 0, 0]);
    expect(sniffMedia(gif)).toEqual({ kind: 'image', width: 5, height: 7 });
    // VP8X (extended WebP) keeps the canvas size in 24-bit fields.
    const vp8x = new Uint8Array(30);
    vp8x.set(text('RIFF'), 0);
    vp8x.set(text('WEBPVP8X'), 8);
    vp8x.set([99, 0, 0, 49, 0, 0], 24);
    expect(sniffMedia(vp8x)).toEqual({ kind: 'image', format: 'WEBP', width: 100, height: 50 });
  });

  it('says unknown for text and near misses', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    for (const input of [
      '',
      'hello world',
      '{"svg": true}',
      '<html><body>no</body></html>',
      'RIFF1234AVI ',
    ]) {
      expect(sniffMedia(text(input))).toEqual({ kind: 'unknown' });
    }
    expect(sniffMedia(new Uint8Array([0xff, 0xf1, 0x50, 0x80]))).toEqual({ kind: 'unknown' }); // AAC ADTS, not MP3
  });

  it('never throws on garbage or truncated input', () => {
    const rng = mulberry32(1234);
    for (let n = 0; n < 500; n++) {
      const bytes = new Uint8Array(Math.floor(rng() * 64));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rng() * 256);
      expect(() => sniffMedia(bytes)).not.toThrow();
    }
    for (const sample of samples) {
      for (const cut of [0, 1, 2, 3, 4, 8, 11, 12, 16, 20, 24, 29, 40]) {
        const result = sniffMedia(sample.bytes.subarray(0, cut));
        expect(['image', 'audio', 'video', 'model', 'unknown']).toContain(result.kind);
      }
    }
  });
});
