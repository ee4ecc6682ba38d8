import type { MediaFormat } from './formats';

export interface SniffResult {
  kind: 'image' | 'audio' | 'video' | 'model' | 'unknown';
  format?: MediaFormat;
  width?: number;
  height?: number;
}

/**
 * Identifies a file from its bytes alone (magic numbers and header fields), as a server must
 * for uploads whose declared type cannot be trusted. Reads defensively: short, truncated or
 * random input yields `unknown`, never an exception.
 */

function ascii(b: Uint8Array, offset: number, length: number): string {
  let s = '';
  for (let i = offset; i < offset + length && i < b.length; i++) s += String.fromCharCode(b[i] ?? 0);
  return s;
}

function u16be(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);
}

function u16le(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
}

function u24le(b: Uint8Array, o: number): number {
  return u16le(b, o) | ((b[o + 2] ?? 0) << 16);
}

function u32be(b: Uint8Array, o: number): number {
  return ((u16be(b, o) << 16) | u16be(b, o + 2)) >>> 0;
}

function png(b: Uint8Array): SniffResult | undefined {
  if (b.length < 24 || ascii(b, 1, 3) !== 'PNG' || b[0] !== 0x89 || ascii(b, 12, 4) !== 'IHDR')
    return undefined;
  return { kind: 'image', format: 'PNG', width: u32be(b, 16), height: u32be(b, 20) };
}

function jpeg(b: Uint8Array): SniffResult | undefined {
  if (b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return undefined;
  // Walk marker segments to the first start-of-frame, which holds the size.
  let o = 2;
  while (o + 9 < b.length) {
    if (b[o] !== 0xff) return { kind: 'image', format: 'JPG' };
    const marker = b[o + 1] ?? 0;
    if (marker === 0xff) {
      o++;
      continue;
    }
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return { kind: 'image', format: 'JPG', width: u16be(b, o + 7), height: u16be(b, o + 5) };
    if (marker === 0xd9 || marker === 0xda) break;
    o += 2 + u16be(b, o + 2);
  }
  return { kind: 'image', format: 'JPG' };
}

function webp(b: Uint8Array): SniffResult {
  const chunk = ascii(b, 12, 4);
  const result: SniffResult = { kind: 'image', format: 'WEBP' };
  if (chunk === 'VP8 ' && b.length >= 30 && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
    return { ...result, width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (chunk === 'VP8L' && b.length >= 25 && b[20] === 0x2f) {
    const bits = ((b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24)) >>> 0;
    return { ...result, width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && b.length >= 30) {
    return { ...result, width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  }
  return result;
}

function mpegAudio(b: Uint8Array): boolean {
  let o = 0;
  if (ascii(b, 0, 3) === 'ID3' && b.length >= 10) {
    // ID3v2 size is four 7-bit bytes
    o = 10 + (((b[6] ?? 0) << 21) | ((b[7] ?? 0) << 14) | ((b[8] ?? 0) << 7) | (b[9] ?? 0));
    if (o >= b.length) return true; // a tag with the audio cut off is still an MP3 upload
  }
  const b1 = b[o + 1] ?? 0;
  const b2 = b[o + 2] ?? 0;
  return (
    b[o] === 0xff &&
    (b1 & 0xe0) === 0xe0 &&
    (b1 & 0x18) !== 0x08 && // version not reserved
    (b1 & 0x06) === 0x02 && // Layer III
    (b2 & 0xf0) !== 0xf0 && // bitrate index valid
    (b2 & 0x0c) !== 0x0c // sample rate valid
  );
}

function isoBmff(b: Uint8Array): SniffResult | undefined {
  const type = ascii(b, 4, 4);
  if (type === 'ftyp') {
    const brand = ascii(b, 8, 4);
    if (brand === 'qt  ') return { kind: 'video', format: 'MOV' };
    if (brand.startsWith('M4A') || brand.startsWith('M4B')) return { kind: 'audio' };
    if (brand === 'avif' || brand === 'avis' || brand === 'heic' || brand === 'heix' || brand === 'mif1') {
      return { kind: 'image' };
    }
    return { kind: 'video', format: 'MP4' };
  }
  // QuickTime files may start straight with these atoms.
  if (['moov', 'mdat', 'wide', 'free', 'skip'].includes(type) && u32be(b, 0) >= 8)
    return { kind: 'video', format: 'MOV' };
  return undefined;
}

function svg(b: Uint8Array): SniffResult | undefined {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 4096));
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (!text.startsWith('<')) return undefined;
  const match = /<svg[\s>]/i.exec(text);
  if (!match) return undefined;
  const tag = text.slice(match.index, text.indexOf('>', match.index) + 1 || undefined);
  const dimension = (name: string): number | undefined => {
    const m = new RegExp(`\\s${name}\\s*=\\s*["']\\s*([0-9.]+)\\s*(px)?\\s*["']`).exec(tag);
    const v = m ? Number(m[1]) : Number.NaN;
    return Number.isFinite(v) && v > 0 ? v : undefined;
  };
  const result: SniffResult = { kind: 'image', format: 'SVG' };
  const width = dimension('width');
  const height = dimension('height');
  return width !== undefined && height !== undefined ? { ...result, width, height } : result;
}

function sniff(b: Uint8Array): SniffResult {
  const found = png(b) ?? jpeg(b);
  if (found) return found;
  const riff = ascii(b, 0, 4) === 'RIFF' ? ascii(b, 8, 4) : '';
  if (riff === 'WEBP') return webp(b);
  if (riff === 'WAVE') return { kind: 'audio', format: 'WAV' };
  const magic = ascii(b, 0, 4);
  if (magic === 'GIF8' && b.length >= 10) return { kind: 'image', width: u16le(b, 6), height: u16le(b, 8) };
  if (magic === 'fLaC') return { kind: 'audio', format: 'FLAC' };
  if (magic === 'OggS')
    return ascii(b, 28, 7) === '\x80theora' ? { kind: 'video' } : { kind: 'audio', format: 'OGG' };
  if (magic === 'glTF') return { kind: 'model', format: 'GLB' };
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3)
    return { kind: 'video', format: 'WEBM' };
  if (/^ply\r?\n/.test(ascii(b, 0, 5))) return { kind: 'model', format: 'PLY' };
  if (mpegAudio(b)) return { kind: 'audio', format: 'MP3' };
  return isoBmff(b) ?? svg(b) ?? { kind: 'unknown' };
}

export function sniffMedia(bytes: Uint8Array): SniffResult {
  try {
    return sniff(bytes);
  } catch {
    // Malformed input must never break an upload handler.
    return { kind: 'unknown' };
  }
}
