/** Bytes inspected for text formats (SVG); enough for an XML prolog, a comment and a doctype. */
const textHeadLength = 1024;

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** ISO base media (MP4, MOV, HEIF, AVIF, M4A): the major brand after `ftyp` tells them apart. */
function isoMediaType(brand: string): string {
  if (brand === 'qt  ') return 'video/quicktime';
  if (brand === 'avif' || brand === 'avis') return 'image/avif';
  if (['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'image/heic';
  if (brand === 'M4A ' || brand === 'M4B ') return 'audio/mp4';
  return 'video/mp4';
}

/**
 * The media type of a file from its first bytes, for the data URIs of media inputs. Covers what the
 * API takes as input (images, video, audio, GLB, SVG); anything else is `application/octet-stream`
 * (the server sniffs the bytes itself, so the label is a courtesy).
 */
export function sniffMimeType(bytes: Uint8Array): string {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  const head = ascii(bytes, 0, 12);
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return 'image/gif';
  if (head.startsWith('RIFF') && bytes.length >= 12) {
    const form = head.slice(8, 12);
    if (form === 'WEBP') return 'image/webp';
    if (form === 'WAVE') return 'audio/wav';
  }
  if (head.slice(4, 8) === 'ftyp' && bytes.length >= 12) return isoMediaType(head.slice(8, 12));
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) {
    // EBML: WebM and Matroska differ only in the DocType string near the start.
    return ascii(bytes, 0, 64).includes('matroska') ? 'video/x-matroska' : 'video/webm';
  }
  if (head.startsWith('fLaC')) return 'audio/flac';
  if (head.startsWith('OggS')) return 'audio/ogg';
  if (head.startsWith('ID3')) return 'audio/mpeg';
  // An MPEG audio frame: 11 sync bits, then a layer field that is not the reserved 00 (AAC uses 00).
  const second = bytes[1] ?? 0;
  if (bytes[0] === 0xff && (second & 0xe0) === 0xe0 && (second & 0x06) !== 0) return 'audio/mpeg';
  if (head.startsWith('glTF')) return 'model/gltf-binary';
  if (isSvg(bytes)) return 'image/svg+xml';
  return 'application/octet-stream';
}

function isSvg(bytes: Uint8Array): boolean {
  const text = ascii(bytes, 0, textHeadLength)
    .replace(/^\xef\xbb\xbf/, '')
    .trimStart();
  return text.startsWith('<') && /<svg[\s>/]/i.test(text);
}
