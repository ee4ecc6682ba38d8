import { describe, expect, it } from 'vitest';
import {
  contentTypeOf,
  extensionOf,
  type MediaFormat,
  render3d,
  renderAudio,
  renderImage,
  renderSvg,
} from '../src/media';

const FORMATS: [MediaFormat, string, string][] = [
  ['PNG', 'image/png', 'png'],
  ['JPG', 'image/jpeg', 'jpg'],
  ['WEBP', 'image/webp', 'webp'],
  ['SVG', 'image/svg+xml', 'svg'],
  ['WAV', 'audio/wav', 'wav'],
  ['MP3', 'audio/mpeg', 'mp3'],
  ['FLAC', 'audio/flac', 'flac'],
  ['OGG', 'audio/ogg', 'ogg'],
  ['MP4', 'video/mp4', 'mp4'],
  ['WEBM', 'video/webm', 'webm'],
  ['MOV', 'video/quicktime', 'mov'],
  ['GLB', 'model/gltf-binary', 'glb'],
  ['PLY', 'model/ply', 'ply'],
];

/** Loosely typed specs, as they would arrive from JSON. */
type Loose = Record<string, unknown>;
const image = (spec: Loose) => () => renderImage(spec as never);
const audio = (spec: Loose) => () => renderAudio(spec as never);

describe('content types and extensions', () => {
  for (const [format, type, extension] of FORMATS) {
    it(format, () => {
      expect(contentTypeOf(format)).toBe(type);
      expect(extensionOf(format)).toBe(extension);
    });
  }

  it('rejects unknown formats', () => {
    expect(() => contentTypeOf('GIF' as MediaFormat)).toThrow(/format/);
    expect(() => extensionOf('toString' as MediaFormat)).toThrow(/format/);
  });
});

describe('invalid specs throw errors naming the field', () => {
  const goodImage = { width: 8, height: 8, format: 'PNG', seed: 1, prompt: 'p' };
  const goodAudio = { format: 'WAV', durationMs: 100, seed: 1 };

  it('images', () => {
    for (const width of [0, -1, 1.5, 4097, Number.NaN, '8', undefined]) {
      expect(image({ ...goodImage, width }), String(width)).toThrow(/^width: /);
    }
    for (const height of [0, 2.5, 100_000, null])
      expect(image({ ...goodImage, height })).toThrow(/^height: /);
    expect(image({ ...goodImage, format: 'GIF' })).toThrow(/^format: /);
    expect(image({ ...goodImage, format: 'png' })).toThrow(/^format: /);
    expect(image({ ...goodImage, seed: Number.POSITIVE_INFINITY })).toThrow(/^seed: /);
    expect(image({ ...goodImage, prompt: 42 })).toThrow(/^prompt: /);
    expect(image({ ...goodImage, alpha: 'yes' })).toThrow(/^alpha: /);
    expect(() => renderSvg({ width: 0, height: 1, seed: 1, prompt: '' })).toThrow(/^width: /);
    expect(() => renderImage(null as never)).toThrow(/spec/);
  });

  it('audio', () => {
    expect(audio({ ...goodAudio, format: 'AAC' })).toThrow(/^format: /);
    for (const durationMs of [0, -5, Number.NaN, 600_001, '1000']) {
      expect(audio({ ...goodAudio, durationMs })).toThrow(/^durationMs: /);
    }
    for (const sampleRate of [100, 44100.5, 400_000])
      expect(audio({ ...goodAudio, sampleRate })).toThrow(/^sampleRate: /);
  });

  it('3D', () => {
    expect(() => render3d({ format: 'OBJ' as never, seed: 1 })).toThrow(/^format: /);
  });

  it('accepts huge and negative seeds and empty prompts', () => {
    for (const seed of [0, -7, 2 ** 53 + 2, 9.5]) {
      expect(renderImage({ width: 4, height: 4, format: 'PNG', seed, prompt: '' }).length).toBeGreaterThan(0);
    }
  });
});
