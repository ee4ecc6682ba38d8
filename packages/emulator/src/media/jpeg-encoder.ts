import { ByteWriter } from './byte-writer';
import {
  AC_CHROMA,
  AC_LUMA,
  CHROMA_QUANT,
  DC_CHROMA,
  DC_LUMA,
  type HuffmanSpec,
  LUMA_QUANT,
  ZIGZAG,
} from './jpeg-tables';

/**
 * Baseline sequential JPEG (JFIF): YCbCr 4:2:0, float AAN forward DCT, the Annex K
 * quantisation tables scaled IJG-style, and the Annex K Huffman tables. Alpha has no place in
 * JPEG, so transparent pixels are flattened onto white.
 */

interface HuffmanCode {
  codes: Uint16Array;
  sizes: Uint8Array;
}

/** Canonical code assignment, T.81 Annex C. */
function buildCode(spec: HuffmanSpec): HuffmanCode {
  const codes = new Uint16Array(256);
  const sizes = new Uint8Array(256);
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    const count = spec.counts[len - 1] ?? 0;
    for (let i = 0; i < count; i++) {
      const symbol = spec.symbols[k++] ?? 0;
      codes[symbol] = code++;
      sizes[symbol] = len;
    }
    code <<= 1;
  }
  return { codes, sizes };
}

const DC_Y = buildCode(DC_LUMA);
const AC_Y = buildCode(AC_LUMA);
const DC_C = buildCode(DC_CHROMA);
const AC_C = buildCode(AC_CHROMA);

/** cos(k*pi/16) * sqrt(2), the per-row/column AAN output scale (k = 0 gives 1). */
const AAN_SCALE = [1, 1.387039845, 1.306562965, 1.175875602, 1, 0.785694958, 0.5411961, 0.275899379];

function scaledQuant(base: readonly number[], quality: number): Uint8Array {
  const q = Math.min(100, Math.max(1, quality));
  const scale = q < 50 ? 5000 / q : 200 - q * 2;
  const out = new Uint8Array(64);
  for (let i = 0; i < 64; i++)
    out[i] = Math.min(255, Math.max(1, Math.floor(((base[i] ?? 1) * scale + 50) / 100)));
  return out;
}

/** Reciprocal divisors that fold the AAN scale factors into quantisation, in natural order. */
function divisors(quant: Uint8Array): Float64Array {
  const out = new Float64Array(64);
  for (let row = 0; row < 8; row++) {
    for (let col = 0; col < 8; col++) {
      const i = row * 8 + col;
      out[i] = 1 / ((quant[i] ?? 1) * (AAN_SCALE[row] ?? 1) * (AAN_SCALE[col] ?? 1) * 8);
    }
  }
  return out;
}

/** In-place 2-D forward DCT (Arai-Agui-Nakajima), outputs scaled by AAN_SCALE[u]*AAN_SCALE[v]*8. */
function fdct(d: Float64Array): void {
  for (let pass = 0; pass < 2; pass++) {
    const step = pass === 0 ? 1 : 8;
    const stride = pass === 0 ? 8 : 1;
    for (let line = 0; line < 8; line++) {
      const b = line * stride;
      const i0 = b;
      const i1 = b + step;
      const i2 = b + 2 * step;
      const i3 = b + 3 * step;
      const i4 = b + 4 * step;
      const i5 = b + 5 * step;
      const i6 = b + 6 * step;
      const i7 = b + 7 * step;
      const d0 = d[i0] ?? 0;
      const d1 = d[i1] ?? 0;
      const d2 = d[i2] ?? 0;
      const d3 = d[i3] ?? 0;
      const d4 = d[i4] ?? 0;
      const d5 = d[i5] ?? 0;
      const d6 = d[i6] ?? 0;
      const d7 = d[i7] ?? 0;
      const t0 = d0 + d7;
      const t7 = d0 - d7;
      const t1 = d1 + d6;
      const t6 = d1 - d6;
      const t2 = d2 + d5;
      const t5 = d2 - d5;
      const t3 = d3 + d4;
      const t4 = d3 - d4;
      // even part
      const t10 = t0 + t3;
      const t13 = t0 - t3;
      const t11 = t1 + t2;
      const t12 = t1 - t2;
      d[i0] = t10 + t11;
      d[i4] = t10 - t11;
      const z1 = (t12 + t13) * Math.SQRT1_2;
      d[i2] = t13 + z1;
      d[i6] = t13 - z1;
      // odd part
      const o10 = t4 + t5;
      const o11 = t5 + t6;
      const o12 = t6 + t7;
      const z5 = (o10 - o12) * 0.382683433;
      const z2 = 0.5411961 * o10 + z5;
      const z4 = 1.306562965 * o12 + z5;
      const z3 = o11 * Math.SQRT1_2;
      const z11 = t7 + z3;
      const z13 = t7 - z3;
      d[i5] = z13 + z2;
      d[i3] = z13 - z2;
      d[i1] = z11 + z4;
      d[i7] = z11 - z4;
    }
  }
}

/** Entropy-coded segment writer: MSB-first bits with 0xFF byte stuffing. */
class ScanWriter {
  buf: Uint8Array;
  pos = 0;
  private acc = 0;
  private count = 0;

  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(1024, capacity));
  }

  private byte(value: number): void {
    if (this.pos + 2 > this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.pos++] = value;
    if (value === 0xff) this.buf[this.pos++] = 0;
  }

  put(bits: number, size: number): void {
    this.acc = (this.acc << size) | (bits & ((1 << size) - 1));
    this.count += size;
    while (this.count >= 8) {
      this.count -= 8;
      this.byte((this.acc >>> this.count) & 0xff);
    }
    this.acc &= (1 << this.count) - 1;
  }

  /** Pads with one-bits, as T.81 F.1.2.3 asks. */
  flush(): Uint8Array {
    if (this.count > 0) this.put(0x7f, 8 - this.count);
    return this.buf.subarray(0, this.pos);
  }
}

function bitSize(value: number): number {
  return value === 0 ? 0 : 32 - Math.clz32(value < 0 ? -value : value);
}

function encodeBlock(
  w: ScanWriter,
  block: Float64Array,
  div: Float64Array,
  prevDc: number,
  dc: HuffmanCode,
  ac: HuffmanCode,
): number {
  fdct(block);
  const dcValue = Math.max(-2047, Math.min(2047, Math.round((block[0] ?? 0) * (div[0] ?? 0))));
  const diff = dcValue - prevDc;
  const dcBits = bitSize(diff);
  w.put(dc.codes[dcBits] ?? 0, dc.sizes[dcBits] ?? 0);
  if (dcBits > 0) w.put(diff < 0 ? diff + (1 << dcBits) - 1 : diff, dcBits);
  let run = 0;
  for (let k = 1; k < 64; k++) {
    const n = ZIGZAG[k] ?? 0;
    const v = Math.max(-1023, Math.min(1023, Math.round((block[n] ?? 0) * (div[n] ?? 0))));
    if (v === 0) {
      run++;
      continue;
    }
    while (run > 15) {
      w.put(ac.codes[0xf0] ?? 0, ac.sizes[0xf0] ?? 0);
      run -= 16;
    }
    const size = bitSize(v);
    const symbol = (run << 4) | size;
    w.put(ac.codes[symbol] ?? 0, ac.sizes[symbol] ?? 0);
    w.put(v < 0 ? v + (1 << size) - 1 : v, size);
    run = 0;
  }
  if (run > 0) w.put(ac.codes[0] ?? 0, ac.sizes[0] ?? 0);
  return dcValue;
}

function writeSegment(out: ByteWriter, marker: number, body: ByteWriter): void {
  out
    .u16be(marker)
    .u16be(body.length + 2)
    .bytes(body.toBytes());
}

function writeHuffman(body: ByteWriter, classAndId: number, spec: HuffmanSpec): void {
  body.u8(classAndId);
  for (const c of spec.counts) body.u8(c);
  for (const s of spec.symbols) body.u8(s);
}

export function encodeJpeg(rgba: Uint8Array, width: number, height: number, quality = 90): Uint8Array {
  const lumaQ = scaledQuant(LUMA_QUANT, quality);
  const chromaQ = scaledQuant(CHROMA_QUANT, quality);
  const lumaDiv = divisors(lumaQ);
  const chromaDiv = divisors(chromaQ);

  // Planes padded to whole 16x16 MCUs by repeating the last row/column.
  const pw = Math.ceil(width / 16) * 16;
  const ph = Math.ceil(height / 16) * 16;
  const Y = new Float32Array(pw * ph);
  const Cb = new Float32Array(pw * ph);
  const Cr = new Float32Array(pw * ph);
  for (let y = 0; y < ph; y++) {
    const sy = Math.min(y, height - 1);
    for (let x = 0; x < pw; x++) {
      const s = (sy * width + Math.min(x, width - 1)) * 4;
      const a = (rgba[s + 3] ?? 255) / 255;
      const r = (rgba[s] ?? 0) * a + 255 * (1 - a);
      const g = (rgba[s + 1] ?? 0) * a + 255 * (1 - a);
      const b = (rgba[s + 2] ?? 0) * a + 255 * (1 - a);
      const d = y * pw + x;
      Y[d] = 0.299 * r + 0.587 * g + 0.114 * b - 128;
      Cb[d] = -0.168736 * r - 0.331264 * g + 0.5 * b;
      Cr[d] = 0.5 * r - 0.418688 * g - 0.081312 * b;
    }
  }

  const scan = new ScanWriter((width * height) / 4);
  const block = new Float64Array(64);
  let prevY = 0;
  let prevCb = 0;
  let prevCr = 0;
  for (let my = 0; my < ph; my += 16) {
    for (let mx = 0; mx < pw; mx += 16) {
      for (let by = 0; by < 16; by += 8) {
        for (let bx = 0; bx < 16; bx += 8) {
          for (let r = 0; r < 8; r++) {
            const row = (my + by + r) * pw + mx + bx;
            for (let c = 0; c < 8; c++) block[r * 8 + c] = Y[row + c] ?? 0;
          }
          prevY = encodeBlock(scan, block, lumaDiv, prevY, DC_Y, AC_Y);
        }
      }
      for (const [plane, isCb] of [
        [Cb, true],
        [Cr, false],
      ] as const) {
        // 2x2 box average gives the 4:2:0 chroma sample
        for (let r = 0; r < 8; r++) {
          const row = (my + r * 2) * pw + mx;
          for (let c = 0; c < 8; c++) {
            const i = row + c * 2;
            block[r * 8 + c] =
              ((plane[i] ?? 0) + (plane[i + 1] ?? 0) + (plane[i + pw] ?? 0) + (plane[i + pw + 1] ?? 0)) / 4;
          }
        }
        if (isCb) prevCb = encodeBlock(scan, block, chromaDiv, prevCb, DC_C, AC_C);
        else prevCr = encodeBlock(scan, block, chromaDiv, prevCr, DC_C, AC_C);
      }
    }
  }
  const entropy = scan.flush();

  const out = new ByteWriter(entropy.length + 1024);
  out.u16be(0xffd8);
  writeSegment(
    out,
    0xffe0,
    new ByteWriter(16).ascii('JFIF\0').u8(1).u8(1).u8(0).u16be(1).u16be(1).u8(0).u8(0),
  );
  const dqt = new ByteWriter(130);
  for (const [id, table] of [
    [0, lumaQ],
    [1, chromaQ],
  ] as const) {
    dqt.u8(id);
    for (let k = 0; k < 64; k++) dqt.u8(table[ZIGZAG[k] ?? 0] ?? 1);
  }
  writeSegment(out, 0xffdb, dqt);
  const sof = new ByteWriter(15).u8(8).u16be(height).u16be(width).u8(3);
  sof.u8(1).u8(0x22).u8(0); // Y: 2x2 sampling, quant table 0
  sof.u8(2).u8(0x11).u8(1);
  sof.u8(3).u8(0x11).u8(1);
  writeSegment(out, 0xffc0, sof);
  const dht = new ByteWriter(420);
  writeHuffman(dht, 0x00, DC_LUMA);
  writeHuffman(dht, 0x10, AC_LUMA);
  writeHuffman(dht, 0x01, DC_CHROMA);
  writeHuffman(dht, 0x11, AC_CHROMA);
  writeSegment(out, 0xffc4, dht);
  const sos = new ByteWriter(10).u8(3).u8(1).u8(0x00).u8(2).u8(0x11).u8(3).u8(0x11).u8(0).u8(63).u8(0);
  writeSegment(out, 0xffda, sos);
  out.bytes(entropy);
  out.u16be(0xffd9);
  return out.toBytes();
}
