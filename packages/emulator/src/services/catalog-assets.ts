import { type MediaFormat, render3d, renderAudio, renderImage, renderSvg, sampleBytes } from '../media/index';
import { fnv1a } from '../rng';

const formatByExtension: Record<string, MediaFormat> = {
  jpg: 'JPG',
  jpeg: 'JPG',
  png: 'PNG',
  webp: 'WEBP',
  svg: 'SVG',
  mp4: 'MP4',
  webm: 'WEBM',
  mov: 'MOV',
  mp3: 'MP3',
  wav: 'WAV',
  flac: 'FLAC',
  ogg: 'OGG',
  glb: 'GLB',
  ply: 'PLY',
};

/**
 * Renders a content-catalog asset (cover images, creator logos, example outputs) from its path:
 * the same path always gives the same bytes, so catalog URLs resolve without storing anything.
 * WEBP, video and MP3/FLAC/OGG assets are the fixed sample files.
 */
export function renderCatalogAsset(path: string): { format: MediaFormat; bytes: Uint8Array } | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  const format = extension ? formatByExtension[extension] : undefined;
  if (!format) return undefined;
  const seed = fnv1a(path);
  switch (format) {
    case 'JPG':
    case 'PNG':
    case 'WEBP':
      return { format, bytes: renderImage({ width: 640, height: 360, format, seed, prompt: path }) };
    case 'SVG':
      return { format, bytes: renderSvg({ width: 256, height: 256, seed, prompt: path }) };
    case 'MP4':
    case 'WEBM':
    case 'MOV':
      return { format, bytes: sampleBytes(format) };
    case 'GLB':
    case 'PLY':
      return { format, bytes: render3d({ format, seed }) };
    default:
      return { format, bytes: renderAudio({ format, durationMs: 1000, seed }) };
  }
}
