import { deflateSync } from 'node:zlib';
import { ByteWriter } from './byte-writer';
import { crc32 } from './checksums';

const SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(out: ByteWriter, type: string, data: Uint8Array): void {
  const body = new ByteWriter(4 + data.length).ascii(type).bytes(data).toBytes();
  out.u32be(data.length).bytes(body).u32be(crc32(body));
}

/**
 * PNG from RGBA pixels: 8-bit RGB (or RGBA when `alpha`), every row with the Sub filter,
 * which turns the flat bands into long zero runs that deflate squeezes well and fast.
 */
export function encodePng(rgba: Uint8Array, width: number, height: number, alpha: boolean): Uint8Array {
  const channels = alpha ? 4 : 3;
  const stride = width * channels;
  const raw = new Uint8Array((stride + 1) * height);
  let o = 0;
  let i = 0;
  for (let y = 0; y < height; y++) {
    raw[o++] = 1; // Sub filter
    let pr = 0;
    let pg = 0;
    let pb = 0;
    let pa = 0;
    for (let x = 0; x < width; x++) {
      const r = rgba[i] ?? 0;
      const g = rgba[i + 1] ?? 0;
      const b = rgba[i + 2] ?? 0;
      raw[o++] = (r - pr) & 0xff;
      raw[o++] = (g - pg) & 0xff;
      raw[o++] = (b - pb) & 0xff;
      if (alpha) {
        const a = rgba[i + 3] ?? 0;
        raw[o++] = (a - pa) & 0xff;
        pa = a;
      }
      pr = r;
      pg = g;
      pb = b;
      i += 4;
    }
  }
  const ihdr = new ByteWriter(13)
    .u32be(width)
    .u32be(height)
    .u8(8) // bit depth
    .u8(alpha ? 6 : 2) // colour type: RGBA or RGB
    .u8(0)
    .u8(0)
    .u8(0)
    .toBytes();
  const idat = deflateSync(raw, { level: 6 });
  const out = new ByteWriter(idat.length + 128);
  out.bytes(SIGNATURE);
  chunk(out, 'IHDR', ihdr);
  chunk(out, 'IDAT', idat);
  chunk(out, 'IEND', new Uint8Array(0));
  return out.toBytes();
}
