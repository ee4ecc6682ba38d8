import { createHash } from 'node:crypto';
import { parseBuffer } from 'music-metadata';
import { describe, expect, it } from 'vitest';
import { type AudioFormat, renderAudio } from '../src/media';
import { toneFrequency } from '../src/media/tone';

const EXPECTED: Record<AudioFormat, { container: string; codec: RegExp }> = {
  WAV: { container: 'WAVE', codec: /PCM/ },
  MP3: { container: 'MPEG', codec: /MPEG 1 Layer 3/ },
  FLAC: { container: 'FLAC', codec: /FLAC/ },
  OGG: { container: 'Ogg', codec: /Opus/ },
};

/** The PCM payload of our WAV files (the data chunk follows a 44-byte header). */
function wavSamples(bytes: Uint8Array): Int16Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(String.fromCharCode(...bytes.subarray(36, 40))).toBe('data');
  const length = view.getUint32(40, true);
  const out = new Int16Array(length / 2);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt16(44 + i * 2, true);
  return out;
}

describe('renderAudio parses with music-metadata', () => {
  for (const format of ['WAV', 'MP3', 'FLAC', 'OGG'] as const) {
    for (const durationMs of [250, 1000, 7300]) {
      it(`${format} ${durationMs} ms`, async () => {
        const bytes = renderAudio({ format, durationMs, seed: 11 });
        const { format: info } = await parseBuffer(bytes, undefined, { duration: true });
        expect(info.container).toBe(EXPECTED[format].container);
        expect(info.codec).toMatch(EXPECTED[format].codec);
        expect(info.numberOfChannels).toBe(1);
        // MP3 frames hold 1152 samples, so its duration rounds up to the next frame.
        const tolerance = format === 'MP3' ? 0.03 : 0.002;
        expect(Math.abs((info.duration ?? 0) - durationMs / 1000)).toBeLessThanOrEqual(tolerance);
      });
    }
  }

  it('honours the sample rate (MP3 snaps to the nearest MPEG-1 rate)', async () => {
    for (const [format, rate, expected] of [
      ['WAV', 22050, 22050],
      ['FLAC', 48000, 48000],
      ['MP3', 48000, 48000],
      ['MP3', 22050, 32000],
      ['OGG', 16000, 16000],
    ] as const) {
      const { format: info } = await parseBuffer(
        renderAudio({ format, durationMs: 500, seed: 1, sampleRate: rate }),
      );
      expect(info.sampleRate, format).toBe(expected); // Ogg Opus reports the OpusHead input rate
      if (format === 'OGG') expect(info.duration).toBeCloseTo(0.5, 3);
    }
  });
});

describe('audio content', () => {
  it('WAV is a 16-bit tone whose pitch comes from the seed', () => {
    for (const seed of [1, 2, 3]) {
      const samples = wavSamples(renderAudio({ format: 'WAV', durationMs: 1000, seed, sampleRate: 44100 }));
      expect(samples.length).toBe(44100);
      let crossings = 0;
      for (let i = 1; i < samples.length; i++)
        if ((samples[i - 1] ?? 0) < 0 && (samples[i] ?? 0) >= 0) crossings++;
      expect(Math.abs(crossings - toneFrequency(seed))).toBeLessThanOrEqual(2);
      expect(Math.max(...samples)).toBeGreaterThan(4000);
    }
  });

  it('FLAC STREAMINFO describes the same samples as the WAV', () => {
    const spec = { durationMs: 1300, seed: 4, sampleRate: 32000 };
    const pcm = wavSamples(renderAudio({ ...spec, format: 'WAV' }));
    const flac = renderAudio({ ...spec, format: 'FLAC' });
    expect(String.fromCharCode(...flac.subarray(0, 4))).toBe('fLaC');
    const info = flac.subarray(8, 42);
    const md5 = createHash('md5').update(new Uint8Array(pcm.buffer)).digest();
    expect(Buffer.from(info.subarray(18, 34)).equals(md5)).toBe(true);
    const totalSamples =
      ((info[13] ?? 0) & 0x0f) * 2 ** 32 + new DataView(info.buffer, info.byteOffset).getUint32(14);
    expect(totalSamples).toBe(pcm.length);
    // Fixed-predictor Rice coding should beat raw PCM on a tone.
    expect(flac.length).toBeLessThan(pcm.length * 2 * 0.75);
  });

  it('every format is deterministic; WAV and FLAC change with the seed', () => {
    for (const format of ['WAV', 'MP3', 'FLAC', 'OGG'] as const) {
      const spec = { format, durationMs: 800, seed: 21 };
      expect(renderAudio(spec)).toEqual(renderAudio({ ...spec }));
    }
    for (const format of ['WAV', 'FLAC'] as const) {
      expect(renderAudio({ format, durationMs: 800, seed: 1 })).not.toEqual(
        renderAudio({ format, durationMs: 800, seed: 2 }),
      );
    }
  });

  it('Ogg pages carry valid checksums', () => {
    const bytes = renderAudio({ format: 'OGG', durationMs: 12_000, seed: 1 });
    // Recompute each page's CRC (polynomial 0x04C11DB7, unreflected) with the field zeroed.
    const crc = (data: Uint8Array): number => {
      let c = 0;
      for (const byte of data) {
        c ^= byte << 24;
        for (let k = 0; k < 8; k++) c = c & 0x80000000 ? ((c << 1) ^ 0x04c11db7) >>> 0 : (c << 1) >>> 0;
      }
      return c >>> 0;
    };
    let offset = 0;
    let pages = 0;
    while (offset < bytes.length) {
      expect(String.fromCharCode(...bytes.subarray(offset, offset + 4))).toBe('OggS');
      const segments = bytes[offset + 26] ?? 0;
      let size = 27 + segments;
      for (let i = 0; i < segments; i++) size += bytes[offset + 27 + i] ?? 0;
      const page = bytes.slice(offset, offset + size);
      const stored = new DataView(page.buffer).getUint32(22, true);
      page.fill(0, 22, 26);
      expect(crc(page)).toBe(stored);
      offset += size;
      pages++;
    }
    expect(pages).toBeGreaterThan(3);
  });
});
