/**
 * Generated media for emulated inference results: small, valid, deterministic files whose
 * content derives from a hash of prompt + seed. Every encoder here is written from its format
 * specification on Node built-ins only; see each module for what exactly it emits.
 */
import { encodeFlac } from './flac';
import {
  AUDIO_FORMATS,
  type AudioFormat,
  IMAGE_FORMATS,
  type ImageFormat,
  MODEL_FORMATS,
  type ModelFormat,
  VIDEO_FORMATS,
} from './formats';
import { encodeGlb } from './glb';
import { encodeJpeg } from './jpeg-encoder';
import { boxMesh } from './mesh';
import { encodeSilentMp3 } from './mp3';
import { encodeSilentOggOpus } from './ogg-opus';
import { renderScene, sceneFor } from './pattern';
import { encodePly } from './ply';
import { encodePng } from './png';
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
import { encodeVideo, type VideoSpec } from './video';
import { encodeWav } from './wav';
import { encodeWebpLossless } from './webp-lossless';

export type { AudioFormat, ImageFormat, MediaFormat, ModelFormat, VideoFormat } from './formats';
export { contentTypeOf, extensionOf } from './formats';
export { type SniffResult, sniffMedia } from './sniff';
export { MAX_DIMENSION, MAX_DURATION_MS } from './validate';
export type { VideoSpec } from './video';

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

export function renderImage(spec: ImageSpec): Uint8Array {
  const s = checkObject(spec, 'spec');
  const format = checkFormat(s.format, IMAGE_FORMATS);
  const width = checkDimension('width', s.width);
  const height = checkDimension('height', s.height);
  const seed = checkSeed(s.seed);
  const prompt = checkPrompt(s.prompt);
  checkOptionalBoolean('alpha', s.alpha);
  const alpha = s.alpha === true;
  const rgba = renderScene(sceneFor(prompt, seed), width, height, { alpha });
  if (format === 'PNG') return encodePng(rgba, width, height, alpha);
  if (format === 'JPG') return encodeJpeg(rgba, width, height);
  return encodeWebpLossless(rgba, width, height, alpha);
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

export function renderAudio(spec: AudioSpec): Uint8Array {
  const s = checkObject(spec, 'spec');
  const format = checkFormat(s.format, AUDIO_FORMATS);
  const durationMs = checkDuration(s.durationMs);
  const seed = checkSeed(s.seed);
  checkOptionalRange('sampleRate', s.sampleRate, 8000, 192000, true);
  const sampleRate = spec.sampleRate ?? DEFAULT_SAMPLE_RATE;
  if (format === 'MP3') return encodeSilentMp3(durationMs, sampleRate);
  if (format === 'OGG') return encodeSilentOggOpus(durationMs, sampleRate);
  const samples = synthTone(seed, sampleRate, Math.max(1, Math.round((durationMs / 1000) * sampleRate)));
  return format === 'WAV' ? encodeWav(samples, sampleRate) : encodeFlac(samples, sampleRate);
}

export function renderVideo(spec: VideoSpec): Uint8Array {
  const s = checkObject(spec, 'spec');
  const format = checkFormat(s.format, VIDEO_FORMATS);
  checkOptionalRange('fps', s.fps, 1, 240, false);
  return encodeVideo({
    format,
    width: checkDimension('width', s.width),
    height: checkDimension('height', s.height),
    durationMs: checkDuration(s.durationMs),
    fps: spec.fps,
    seed: checkSeed(s.seed),
    prompt: checkPrompt(s.prompt),
  });
}

export function render3d(spec: { format: ModelFormat; seed: number }): Uint8Array {
  const s = checkObject(spec, 'spec');
  const format = checkFormat(s.format, MODEL_FORMATS);
  const mesh = boxMesh(checkSeed(s.seed));
  return format === 'GLB' ? encodeGlb(mesh) : encodePly(mesh);
}
