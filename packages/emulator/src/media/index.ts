/**
 * Media for emulated inference results. PNG, JPEG, SVG, WAV, GLB and PLY are small, valid,
 * deterministic files drawn here from a hash of prompt + seed (Node built-ins only). The other
 * formats are fixed sample files (see `samples.ts`): the same bytes whatever the request.
 */
import {
  AUDIO_FORMATS,
  type AudioFormat,
  IMAGE_FORMATS,
  type ImageFormat,
  MODEL_FORMATS,
  type ModelFormat,
} from './formats';
import { encodeGlb } from './glb';
import { encodeJpeg } from './jpeg-encoder';
import { boxMesh } from './mesh';
import { renderScene, sceneFor } from './pattern';
import { encodePly } from './ply';
import { encodePng } from './png';
import { sampleBytes } from './samples';
import { encodeSvg } from './svg';
import { synthTone } from './tone';
import {
  checkDimension,
  checkDuration,
  checkFormat,
  checkObject,
  checkOptionalBoolean,
  checkOptionalRange,
  checkPrompt,
  checkSeed,
} from './validate';
import { encodeWav } from './wav';

export type { AudioFormat, ImageFormat, MediaFormat, ModelFormat, VideoFormat } from './formats';
export { contentTypeOf, extensionOf } from './formats';
export { isSampleFormat, SAMPLES, type SampleFormat, sampleBytes } from './samples';
export { type SniffResult, sniffMedia } from './sniff';

export interface ImageSpec {
  width: number;
  height: number;
  format: ImageFormat;
  seed: number;
  prompt: string;
  /** transparent background (removeBackground results) */
  alpha?: boolean;
}

export interface AudioSpec {
  format: AudioFormat;
  durationMs: number;
  seed: number;
  sampleRate?: number;
}

export const DEFAULT_SAMPLE_RATE = 44100;

/** PNG and JPG are drawn from prompt + seed at the requested size; WEBP is the fixed sample. */
export function renderImage(spec: ImageSpec): Uint8Array {
  const s = checkObject(spec, 'spec');
  const format = checkFormat(s.format, IMAGE_FORMATS);
  const width = checkDimension('width', s.width);
  const height = checkDimension('height', s.height);
  const seed = checkSeed(s.seed);
  const prompt = checkPrompt(s.prompt);
  checkOptionalBoolean('alpha', s.alpha);
  if (format === 'WEBP') return sampleBytes('WEBP');
  const alpha = s.alpha === true;
  const rgba = renderScene(sceneFor(prompt, seed), width, height, { alpha });
  return format === 'PNG' ? encodePng(rgba, width, height, alpha) : encodeJpeg(rgba, width, height);
}

export function renderSvg(spec: { width: number; height: number; seed: number; prompt: string }): Uint8Array {
  const s = checkObject(spec, 'spec');
  return encodeSvg(
    checkDimension('width', s.width),
    checkDimension('height', s.height),
    checkSeed(s.seed),
    checkPrompt(s.prompt),
  );
}

/** WAV is a tone of the requested length whose pitch comes from the seed; MP3, FLAC and OGG are the fixed samples. */
export function renderAudio(spec: AudioSpec): Uint8Array {
  const s = checkObject(spec, 'spec');
  const format = checkFormat(s.format, AUDIO_FORMATS);
  const durationMs = checkDuration(s.durationMs);
  const seed = checkSeed(s.seed);
  checkOptionalRange('sampleRate', s.sampleRate, 8000, 192000, true);
  if (format !== 'WAV') return sampleBytes(format);
  const sampleRate = spec.sampleRate ?? DEFAULT_SAMPLE_RATE;
  const samples = synthTone(seed, sampleRate, Math.max(1, Math.round((durationMs / 1000) * sampleRate)));
  return encodeWav(samples, sampleRate);
}

export function render3d(spec: { format: ModelFormat; seed: number }): Uint8Array {
  const s = checkObject(spec, 'spec');
  const format = checkFormat(s.format, MODEL_FORMATS);
  const mesh = boxMesh(checkSeed(s.seed));
  return format === 'GLB' ? encodeGlb(mesh) : encodePly(mesh);
}
