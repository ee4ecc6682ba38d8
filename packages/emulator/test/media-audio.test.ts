import { describe, expect, it } from 'vitest';
import { renderAudio } from '../src/media';
import { toneFrequency } from '../src/media/tone';

/** The RIFF/WAVE header fields and PCM payload of our WAV files (the data chunk follows a 44-byte header). */
function parseWav(bytes: Uint8Array): {
  channels: number;
  sampleRate: number;
  bits: number;
  samples: Int16Array;
} {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  expect([text(0), text(8), text(12), text(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
  expect(view.getUint32(4, true)).toBe(bytes.length - 8);
  expect(view.getUint16(20, true)).toBe(1); // PCM
  const length = view.getUint32(40, true);
  expect(length).toBe(bytes.length - 44);
  const samples = new Int16Array(length / 2);
  for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(44 + i * 2, true);
  return {
    channels: view.getUint16(22, true),
    sampleRate: view.getUint32(24, true),
    bits: view.getUint16(34, true),
    samples,
  };
}

describe('WAV', () => {
  it('is 16-bit mono PCM of the requested duration and sample rate', () => {
    for (const [durationMs, sampleRate] of [
      [250, 44100],
      [1000, 22050],
      [7300, 8000],
    ] as const) {
      const wav = parseWav(renderAudio({ format: 'WAV', durationMs, seed: 11, sampleRate }));
      expect([wav.channels, wav.bits, wav.sampleRate]).toEqual([1, 16, sampleRate]);
      expect(wav.samples.length).toBe(Math.round((durationMs / 1000) * sampleRate));
    }
    expect(parseWav(renderAudio({ format: 'WAV', durationMs: 100, seed: 1 })).sampleRate).toBe(44100);
  });

  it('is a tone whose pitch comes from the seed', () => {
    for (const seed of [1, 2, 3]) {
      const { samples } = parseWav(renderAudio({ format: 'WAV', durationMs: 1000, seed, sampleRate: 44100 }));
      let crossings = 0;
      for (let i = 1; i < samples.length; i++)
        if ((samples[i - 1] ?? 0) < 0 && (samples[i] ?? 0) >= 0) crossings++;
      expect(Math.abs(crossings - toneFrequency(seed))).toBeLessThanOrEqual(2);
      expect(Math.max(...samples)).toBeGreaterThan(4000);
    }
  });

  it('is deterministic and changes with the seed', () => {
    const spec = { format: 'WAV' as const, durationMs: 800, seed: 21 };
    expect(renderAudio(spec)).toEqual(renderAudio({ ...spec }));
    expect(renderAudio(spec)).not.toEqual(renderAudio({ ...spec, seed: 22 }));
  });
});
