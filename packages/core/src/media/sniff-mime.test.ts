import { describe, expect, it } from 'vitest';
import { sniffMimeType } from './sniff-mime';

const text = (value: string) => new TextEncoder().encode(value);
const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...text(part)] : part)));
const iso = (brand: string) => bytes([0, 0, 0, 0x18], 'ftyp', brand, [0, 0, 0, 0]);

describe('sniffMimeType', () => {
  it.each([
    ['image/png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16])],
    ['image/gif', bytes('GIF89a', [1, 0, 1, 0])],
    ['image/gif', bytes('GIF87a')],
    ['image/webp', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')],
    ['audio/wav', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')],
    ['video/mp4', iso('isom')],
    ['video/mp4', iso('mp42')],
    ['video/quicktime', iso('qt  ')],
    ['image/avif', iso('avif')],
    ['image/heic', iso('heic')],
    ['audio/mp4', iso('M4A ')],
    ['video/webm', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84], 'webm')],
    ['video/x-matroska', bytes([0x1a, 0x45, 0xdf, 0xa3, 0xa3, 0x42, 0x82, 0x88], 'matroska')],
    ['audio/mpeg', bytes('ID3', [4, 0, 0, 0, 0, 0, 0])],
    ['audio/mpeg', bytes([0xff, 0xfb, 0x90, 0x64])],
    ['audio/flac', bytes('fLaC', [0, 0, 0, 0x22])],
    ['audio/ogg', bytes('OggS', [0, 2])],
    ['model/gltf-binary', bytes('glTF', [2, 0, 0, 0])],
    ['image/svg+xml', text('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['image/svg+xml', bytes([0xef, 0xbb, 0xbf], '\n  <?xml version="1.0"?>\n<!-- logo -->\n<svg width="1">')],
  ])('recognises %s', (mime, input) => {
    expect(sniffMimeType(input)).toBe(mime);
  });

  it.each([
    ['empty input', new Uint8Array()],
    ['plain text', text('hello world')],
    ['HTML', text('<html><body>no vector here</body></html>')],
    ['a truncated PNG signature', bytes([0x89, 0x50, 0x4e])],
    ['a RIFF of another kind', bytes('RIFF', [0, 0, 0, 0], 'AVI ')],
    ['an ADTS AAC frame', bytes([0xff, 0xf1, 0x50, 0x80])],
    ['random zeros', new Uint8Array(64)],
  ])('falls back to application/octet-stream for %s', (_name, input) => {
    expect(sniffMimeType(input)).toBe('application/octet-stream');
  });
});
