import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MediaFormat } from './formats';

/**
 * The formats served from a fixed sample file instead of being encoded here: every WEBP, MP3,
 * FLAC, OGG, MP4, MOV and WEBM result is the same few-KB file, whatever the request asked for.
 * The files live in the package's `assets/media/` (published with it) and were made once with
 * ffmpeg by `scripts/make-media-samples.sh`; nothing runs ffmpeg at run time.
 */
export type SampleFormat = Extract<MediaFormat, 'WEBP' | 'MP3' | 'FLAC' | 'OGG' | 'MP4' | 'MOV' | 'WEBM'>;

/** What each sample file really holds (the README's "Generated media" table says the same). */
export const SAMPLES: Readonly<
  Record<SampleFormat, { file: string; width?: number; height?: number; durationMs?: number }>
> = {
  WEBP: { file: 'sample.webp', width: 64, height: 64 },
  MP4: { file: 'sample.mp4', width: 64, height: 64, durationMs: 1000 },
  MOV: { file: 'sample.mov', width: 64, height: 64, durationMs: 1000 },
  WEBM: { file: 'sample.webm', width: 64, height: 64, durationMs: 1000 },
  MP3: { file: 'sample.mp3', durationMs: 1000 },
  FLAC: { file: 'sample.flac', durationMs: 1000 },
  OGG: { file: 'sample.ogg', durationMs: 1000 },
};

export function isSampleFormat(format: string): format is SampleFormat {
  return Object.hasOwn(SAMPLES, format);
}

let directory: string | undefined;

/** `assets/media/` of this package: one level above the built `dist/*.js|cjs`, two above `src/media/`. */
function samplesDirectory(): string {
  if (directory) return directory;
  for (const relative of ['../assets/media/', '../../assets/media/']) {
    const candidate = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(`${candidate}${SAMPLES.MP4.file}`)) {
      directory = candidate;
      return candidate;
    }
  }
  throw new Error('@runware/emulator: assets/media/ (the media sample files) is missing from the package');
}

const loaded = new Map<SampleFormat, Uint8Array>();

/** The sample file of a format, read once per process; each call gets its own copy. */
export function sampleBytes(format: SampleFormat): Uint8Array {
  let bytes = loaded.get(format);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(`${samplesDirectory()}${SAMPLES[format].file}`));
    loaded.set(format, bytes);
  }
  return bytes.slice();
}
