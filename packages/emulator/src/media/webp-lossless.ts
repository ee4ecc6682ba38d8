import { LsbBitWriter } from './bit-writer';
import { ByteWriter } from './byte-writer';
import { canonicalCodes, huffmanLengths, reverseBits } from './huffman';

/**
 * WebP lossless (VP8L) encoder: no transforms, no colour cache, one set of five prefix codes
 * built from the image's histograms, and LZ77 copies restricted to the two cheapest distance
 * codes, "pixel above" (plane code 1) and "pixel to the left" (plane code 2). Flat regions
 * become long copies, so the output stays small without any search.
 */

const GREEN_ALPHABET = 256 + 24;
const DIST_ALPHABET = 40;
const MAX_COPY = 4096;
const MIN_COPY = 3;
/** Order in which the code-length code's own lengths are sent (VP8L spec, 3.7.2.1.2). */
const CODE_LENGTH_ORDER = [17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

/** A prefix code ready to write: bit-reversed codes for the LSB-first stream. */
interface PrefixCode {
  codes: Uint32Array;
  lengths: Uint8Array;
}

/** VP8L's value-to-prefix mapping for lengths and distances: [prefix, extraBitCount, extraBits]. */
function prefixOf(value: number): [number, number, number] {
  const x = value - 1;
  if (x < 4) return [x, 0, 0];
  const high = 31 - Math.clz32(x);
  const second = (x >>> (high - 1)) & 1;
  const extraCount = high - 1;
  return [2 * high + second, extraCount, x & ((1 << extraCount) - 1)];
}

/**
 * Builds the code and writes its description. A decoder treats an alphabet with a single used
 * symbol as a zero-bit code, so such codes are written and used with length 0.
 */
function writePrefixCode(w: LsbBitWriter, freqs: Uint32Array, maxLength: number): PrefixCode {
  const lengths = huffmanLengths(freqs, maxLength);
  const used: number[] = [];
  for (let s = 0; s < lengths.length; s++) if ((lengths[s] ?? 0) > 0) used.push(s);
  const only = used.length <= 1 ? (used[0] ?? 0) : -1;
  if (only >= 0 && only < 256) {
    // Simple code with one symbol.
    w.writeBits(1, 1);
    w.writeBits(0, 1);
    const wide = only > 1 ? 1 : 0;
    w.writeBits(wide, 1);
    w.writeBits(only, wide ? 8 : 1);
    return { codes: new Uint32Array(lengths.length), lengths: new Uint8Array(lengths.length) };
  }
  writeNormalCode(w, lengths);
  if (only >= 0) return { codes: new Uint32Array(lengths.length), lengths: new Uint8Array(lengths.length) };
  const codes = canonicalCodes(lengths);
  for (let s = 0; s < codes.length; s++) codes[s] = reverseBits(codes[s] ?? 0, lengths[s] ?? 0);
  return { codes, lengths };
}

/** Run-length codes the lengths with symbols 16 (repeat previous), 17 and 18 (zero runs). */
function writeNormalCode(w: LsbBitWriter, lengths: Uint8Array): void {
  const tokens: [number, number, number][] = []; // [symbol, extraBitCount, extraBits]
  for (let i = 0; i < lengths.length; ) {
    const value = lengths[i] ?? 0;
    let run = 1;
    while (i + run < lengths.length && lengths[i + run] === value) run++;
    i += run;
    if (value === 0) {
      while (run >= 11) {
        const n = Math.min(run, 138);
        tokens.push([18, 7, n - 11]);
        run -= n;
      }
      if (run >= 3) {
        tokens.push([17, 3, run - 3]);
        run = 0;
      }
      for (; run > 0; run--) tokens.push([0, 0, 0]);
    } else {
      tokens.push([value, 0, 0]);
      run--;
      while (run >= 3) {
        const n = Math.min(run, 6);
        tokens.push([16, 2, n - 3]);
        run -= n;
      }
      for (; run > 0; run--) tokens.push([value, 0, 0]);
    }
  }
  const freqs = new Uint32Array(19);
  for (const [symbol] of tokens) freqs[symbol] = (freqs[symbol] ?? 0) + 1;
  const clLengths = huffmanLengths(freqs, 7);
  let usedCount = 0;
  for (const len of clLengths) if (len > 0) usedCount++;
  let count = CODE_LENGTH_ORDER.length;
  while (count > 4 && (clLengths[CODE_LENGTH_ORDER[count - 1] ?? 0] ?? 0) === 0) count--;
  w.writeBits(0, 1); // normal code
  w.writeBits(count - 4, 4);
  for (let k = 0; k < count; k++) w.writeBits(clLengths[CODE_LENGTH_ORDER[k] ?? 0] ?? 0, 3);
  w.writeBits(0, 1); // max_symbol not sent: all lengths follow
  const clCodes = canonicalCodes(clLengths);
  for (const [symbol, extraCount, extra] of tokens) {
    if (usedCount > 1) {
      const len = clLengths[symbol] ?? 0;
      w.writeBits(reverseBits(clCodes[symbol] ?? 0, len), len);
    }
    w.writeBits(extra, extraCount);
  }
}

export function encodeWebpLossless(
  rgba: Uint8Array,
  width: number,
  height: number,
  alpha: boolean,
): Uint8Array {
  const n = width * height;
  const argb = new Uint32Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const a = alpha ? (rgba[j + 3] ?? 255) : 255;
    argb[i] = ((a << 24) | ((rgba[j] ?? 0) << 16) | ((rgba[j + 1] ?? 0) << 8) | (rgba[j + 2] ?? 0)) >>> 0;
  }

  // Tokens: a literal is its pixel index (>= 0); a copy is -(length * 2 + (above ? 1 : 0)) - 1.
  const tokens = new Int32Array(n);
  let tokenCount = 0;
  const green = new Uint32Array(GREEN_ALPHABET);
  const red = new Uint32Array(256);
  const blue = new Uint32Array(256);
  const alphas = new Uint32Array(256);
  const dist = new Uint32Array(DIST_ALPHABET);
  const matchLength = (i: number, from: number): number => {
    const limit = Math.min(MAX_COPY, n - i);
    let k = 0;
    while (k < limit && argb[i + k] === argb[from + k]) k++;
    return k;
  };
  for (let i = 0; i < n; ) {
    const left = i >= 1 ? matchLength(i, i - 1) : 0;
    const above = i >= width ? matchLength(i, i - width) : 0;
    const best = Math.max(left, above);
    if (best >= MIN_COPY) {
      const useAbove = above >= left;
      tokens[tokenCount++] = -(best * 2 + (useAbove ? 1 : 0)) - 1;
      const [lp] = prefixOf(best);
      green[256 + lp] = (green[256 + lp] ?? 0) + 1;
      const [dp] = prefixOf(useAbove ? 1 : 2);
      dist[dp] = (dist[dp] ?? 0) + 1;
      i += best;
    } else {
      const p = argb[i] ?? 0;
      tokens[tokenCount++] = i;
      green[(p >>> 8) & 0xff] = (green[(p >>> 8) & 0xff] ?? 0) + 1;
      red[(p >>> 16) & 0xff] = (red[(p >>> 16) & 0xff] ?? 0) + 1;
      blue[p & 0xff] = (blue[p & 0xff] ?? 0) + 1;
      alphas[p >>> 24] = (alphas[p >>> 24] ?? 0) + 1;
      i++;
    }
  }

  const w = new LsbBitWriter();
  w.writeBits(0x2f, 8); // VP8L signature
  w.writeBits(width - 1, 14);
  w.writeBits(height - 1, 14);
  w.writeBits(alpha ? 1 : 0, 1);
  w.writeBits(0, 3); // version
  w.writeBits(0, 1); // no transforms
  w.writeBits(0, 1); // no colour cache
  w.writeBits(0, 1); // no meta prefix codes
  const gCode = writePrefixCode(w, green, 15);
  const rCode = writePrefixCode(w, red, 15);
  const bCode = writePrefixCode(w, blue, 15);
  const aCode = writePrefixCode(w, alphas, 15);
  const dCode = writePrefixCode(w, dist, 15);
  const put = (code: PrefixCode, symbol: number): void => {
    w.writeBits(code.codes[symbol] ?? 0, code.lengths[symbol] ?? 0);
  };
  for (let t = 0; t < tokenCount; t++) {
    const token = tokens[t] ?? 0;
    if (token >= 0) {
      const p = argb[token] ?? 0;
      put(gCode, (p >>> 8) & 0xff);
      put(rCode, (p >>> 16) & 0xff);
      put(bCode, p & 0xff);
      put(aCode, p >>> 24);
    } else {
      const packed = -token - 1;
      const [lp, lCount, lExtra] = prefixOf(packed >>> 1);
      put(gCode, 256 + lp);
      w.writeBits(lExtra, lCount);
      const [dp, dCount, dExtra] = prefixOf(packed & 1 ? 1 : 2);
      put(dCode, dp);
      w.writeBits(dExtra, dCount);
    }
  }
  const vp8l = w.finish();

  const out = new ByteWriter(vp8l.length + 32);
  const padded = vp8l.length + (vp8l.length & 1);
  out
    .ascii('RIFF')
    .u32le(4 + 8 + padded)
    .ascii('WEBP');
  out.ascii('VP8L').u32le(vp8l.length).bytes(vp8l);
  if (vp8l.length & 1) out.u8(0);
  return out.toBytes();
}
