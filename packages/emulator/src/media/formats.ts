export type ImageFormat = 'PNG' | 'JPG' | 'WEBP';
export type AudioFormat = 'WAV' | 'MP3' | 'FLAC' | 'OGG';
export type VideoFormat = 'MP4' | 'WEBM' | 'MOV';
export type ModelFormat = 'GLB' | 'PLY';
export type MediaFormat = ImageFormat | AudioFormat | VideoFormat | ModelFormat | 'SVG';

export const IMAGE_FORMATS: readonly ImageFormat[] = ['PNG', 'JPG', 'WEBP'];
export const AUDIO_FORMATS: readonly AudioFormat[] = ['WAV', 'MP3', 'FLAC', 'OGG'];
export const MODEL_FORMATS: readonly ModelFormat[] = ['GLB', 'PLY'];

const INFO: Record<MediaFormat, { contentType: string; extension: string }> = {
  PNG: { contentType: 'image/png', extension: 'png' },
  JPG: { contentType: 'image/jpeg', extension: 'jpg' },
  WEBP: { contentType: 'image/webp', extension: 'webp' },
  SVG: { contentType: 'image/svg+xml', extension: 'svg' },
  WAV: { contentType: 'audio/wav', extension: 'wav' },
  MP3: { contentType: 'audio/mpeg', extension: 'mp3' },
  FLAC: { contentType: 'audio/flac', extension: 'flac' },
  OGG: { contentType: 'audio/ogg', extension: 'ogg' },
  MP4: { contentType: 'video/mp4', extension: 'mp4' },
  WEBM: { contentType: 'video/webm', extension: 'webm' },
  MOV: { contentType: 'video/quicktime', extension: 'mov' },
  GLB: { contentType: 'model/gltf-binary', extension: 'glb' },
  PLY: { contentType: 'model/ply', extension: 'ply' },
};

function infoOf(format: MediaFormat): { contentType: string; extension: string } {
  // Callers may hand us unchecked strings from JSON, so guard the lookup.
  const info = Object.hasOwn(INFO, format) ? INFO[format] : undefined;
  if (!info) throw new Error(`format: unknown media format ${JSON.stringify(format)}`);
  return info;
}

export function contentTypeOf(format: MediaFormat): string {
  return infoOf(format).contentType;
}

export function extensionOf(format: MediaFormat): string {
  return infoOf(format).extension;
}
