import { BoolEncoder } from './bool-encoder';
import {
  CATEGORY_PROBS,
  COEFF_BANDS,
  COEFF_UPDATE_PROBS,
  DEFAULT_COEFF_PROBS,
  ZIGZAG_4X4,
} from './vp8-tables';
import type { Yuv420 } from './yuv';

/**
 * VP8 key frames (RFC 6386) from a deliberately small toolset: every macroblock uses DC_PRED
 * for luma and chroma at quantiser index 0, luma carries only its Y2 (second-order WHT) block,
 * which gives each 4x4 luma block its own level, and each 4x4 chroma block carries only its DC.
 * The picture is thus a 4x4 (luma) / 8x8 (chroma) mosaic of the source, and the encoder tracks
 * the decoder's reconstruction exactly, so the prediction never drifts. No loop filter.
 */

const BLOCK_Y_AFTER_Y2 = 0;
const BLOCK_Y2 = 1;
const BLOCK_UV = 2;
/** Dequantisation factors at quantiser index 0: Y2 DC 2 * 4, Y2 AC max(4 * 155 / 100, 8), UV DC 4. */
const Y2_FACTOR = 8;
const UV_DC_FACTOR = 4;
/** Raster index to scan position, the inverse of ZIGZAG_4X4. */
const RASTER_TO_SCAN = ZIGZAG_4X4.reduce<number[]>((inv, raster, k) => {
  inv[raster] = k;
  return inv;
}, []);

function probsAt(type: number, position: number, ctx: number): number {
  return ((type * 8 + (COEFF_BANDS[position] ?? 0)) * 3 + ctx) * 11;
}

/** Tokenises one 4x4 block (coefficients in zig-zag order); returns whether any was non-zero. */
function writeBlock(enc: BoolEncoder, type: number, ctx: number, coeffs: Int32Array, first: number): boolean {
  const p = DEFAULT_COEFF_PROBS;
  let last = -1;
  for (let i = first; i < 16; i++) if (coeffs[i] !== 0) last = i;
  let at = probsAt(type, first, ctx);
  if (last < 0) {
    enc.putBool(p[at] ?? 128, 0); // end of block straight away
    return false;
  }
  let prevZero = false;
  for (let i = first; i <= last; i++) {
    const v = coeffs[i] ?? 0;
    const a = Math.abs(v);
    if (!prevZero) enc.putBool(p[at] ?? 128, 1); // not end of block
    if (a === 0) {
      enc.putBool(p[at + 1] ?? 128, 0);
      prevZero = true;
      at = probsAt(type, i + 1, 0);
      continue;
    }
    enc.putBool(p[at + 1] ?? 128, 1);
    if (a === 1) {
      enc.putBool(p[at + 2] ?? 128, 0);
    } else {
      enc.putBool(p[at + 2] ?? 128, 1);
      if (a <= 4) {
        enc.putBool(p[at + 3] ?? 128, 0);
        if (a === 2) enc.putBool(p[at + 4] ?? 128, 0);
        else {
          enc.putBool(p[at + 4] ?? 128, 1);
          enc.putBool(p[at + 5] ?? 128, a === 4 ? 1 : 0);
        }
      } else {
        enc.putBool(p[at + 3] ?? 128, 1);
        let cat: number;
        if (a <= 10) {
          enc.putBool(p[at + 6] ?? 128, 0);
          cat = a <= 6 ? 0 : 1;
          enc.putBool(p[at + 7] ?? 128, cat);
        } else {
          enc.putBool(p[at + 6] ?? 128, 1);
          if (a <= 34) {
            enc.putBool(p[at + 8] ?? 128, 0);
            cat = a <= 18 ? 2 : 3;
            enc.putBool(p[at + 9] ?? 128, cat - 2);
          } else {
            enc.putBool(p[at + 8] ?? 128, 1);
            cat = a <= 66 ? 4 : 5;
            enc.putBool(p[at + 10] ?? 128, cat - 4);
          }
        }
        const base = [5, 7, 11, 19, 35, 67][cat] ?? 0;
        const extraProbs = CATEGORY_PROBS[cat] ?? [];
        const extra = a - base;
        extraProbs.forEach((prob, k) => {
          enc.putBool(prob, (extra >> (extraProbs.length - 1 - k)) & 1);
        });
      }
    }
    enc.putBool(128, v < 0 ? 1 : 0);
    prevZero = false;
    at = probsAt(type, i + 1, a === 1 ? 1 : 2);
  }
  if (last < 15) enc.putBool(p[at] ?? 128, 0);
  return true;
}

/** The inverse WHT of RFC 6386 section 14.3, on raster-order input. */
function inverseWht(input: Int32Array): Int32Array {
  const tmp = new Int32Array(16);
  for (let i = 0; i < 4; i++) {
    const a1 = (input[i] ?? 0) + (input[12 + i] ?? 0);
    const b1 = (input[4 + i] ?? 0) + (input[8 + i] ?? 0);
    const c1 = (input[4 + i] ?? 0) - (input[8 + i] ?? 0);
    const d1 = (input[i] ?? 0) - (input[12 + i] ?? 0);
    tmp[i] = a1 + b1;
    tmp[4 + i] = c1 + d1;
    tmp[8 + i] = a1 - b1;
    tmp[12 + i] = d1 - c1;
  }
  const out = new Int32Array(16);
  for (let r = 0; r < 4; r++) {
    const o = r * 4;
    const a1 = (tmp[o] ?? 0) + (tmp[o + 3] ?? 0);
    const b1 = (tmp[o + 1] ?? 0) + (tmp[o + 2] ?? 0);
    const c1 = (tmp[o + 1] ?? 0) - (tmp[o + 2] ?? 0);
    const d1 = (tmp[o] ?? 0) - (tmp[o + 3] ?? 0);
    out[o] = (a1 + b1 + 3) >> 3;
    out[o + 1] = (c1 + d1 + 3) >> 3;
    out[o + 2] = (a1 - b1 + 3) >> 3;
    out[o + 3] = (d1 - c1 + 3) >> 3;
  }
  return out;
}

function clamp255(v: number): number {
  return Math.max(0, Math.min(255, v));
}

/** DC_PRED: the rounded mean of the available edge pixels, 128 with none (libvpx semantics). */
function dcPrediction(plane: Uint8Array, stride: number, x0: number, y0: number, size: number): number {
  if (y0 === 0 && x0 === 0) return 128;
  let sum = 0;
  let shift = size === 16 ? 3 : 2;
  if (y0 > 0) {
    const row = (y0 - 1) * stride + x0;
    for (let i = 0; i < size; i++) sum += plane[row + i] ?? 0;
    shift++;
  }
  if (x0 > 0) {
    for (let i = 0; i < size; i++) sum += plane[(y0 + i) * stride + x0 - 1] ?? 0;
    shift++;
  }
  return (sum + (1 << (shift - 1))) >> shift;
}

function blockMean(plane: Uint8Array, stride: number, x0: number, y0: number): number {
  let sum = 0;
  for (let r = 0; r < 4; r++) {
    const o = (y0 + r) * stride + x0;
    sum += (plane[o] ?? 0) + (plane[o + 1] ?? 0) + (plane[o + 2] ?? 0) + (plane[o + 3] ?? 0);
  }
  return sum / 16;
}

function fillBlock(plane: Uint8Array, stride: number, x0: number, y0: number, value: number): void {
  for (let r = 0; r < 4; r++) {
    const o = (y0 + r) * stride + x0;
    plane[o] = value;
    plane[o + 1] = value;
    plane[o + 2] = value;
    plane[o + 3] = value;
  }
}

/** One side of the 4x4 Hadamard transform the inverse WHT applies (its matrix is symmetric). */
function hadamardColumns(m: Float64Array): void {
  for (let c = 0; c < 4; c++) {
    const a = m[c] ?? 0;
    const b = m[4 + c] ?? 0;
    const d = m[8 + c] ?? 0;
    const e = m[12 + c] ?? 0;
    m[c] = a + b + d + e;
    m[4 + c] = a + b - d - e;
    m[8 + c] = a - b - d + e;
    m[12 + c] = a - b + d - e;
  }
}

function transpose(m: Float64Array): void {
  for (let r = 0; r < 4; r++) {
    for (let c = r + 1; c < 4; c++) {
      const t = m[r * 4 + c] ?? 0;
      m[r * 4 + c] = m[c * 4 + r] ?? 0;
      m[c * 4 + r] = t;
    }
  }
}

interface Contexts {
  aboveY2: Uint8Array;
  aboveU: Uint8Array;
  aboveV: Uint8Array;
  left: { y2: number; u: number[]; v: number[] };
}

const levels = new Float64Array(16);
const y2Raster = new Int32Array(16);
const y2Zigzag = new Int32Array(16);
const chromaDc = new Int32Array(8);
const emptyBlock = new Int32Array(16);
const dcBlock = new Int32Array(16);

/**
 * Chooses one macroblock's coefficients, writes its reconstruction into `rec` and its tokens
 * into `tokens`; returns true when it has no coefficients at all (coded as skipped).
 */
function codeMacroblock(
  src: Yuv420,
  rec: Yuv420,
  mx: number,
  my: number,
  tokens: BoolEncoder,
  ctx: Contexts,
): boolean {
  const x0 = mx * 16;
  const y0 = my * 16;
  const pred = dcPrediction(rec.y, rec.width, x0, y0, 16);
  for (let i = 0; i < 16; i++)
    levels[i] = blockMean(src.y, src.width, x0 + (i & 3) * 4, y0 + (i >> 2) * 4) - pred;
  // The inverse computes (H * Y2 * factor * H) / 8 per block DC, and a DC of 8 * level lifts
  // the block by `level`, so Y2 = H * levels * H / 2 (H * H = 4I).
  hadamardColumns(levels);
  transpose(levels);
  hadamardColumns(levels);
  let zero = true;
  for (let i = 0; i < 16; i++) {
    const q = Math.max(-2048, Math.min(2048, Math.round((levels[i] ?? 0) / 2)));
    y2Raster[i] = q * Y2_FACTOR;
    y2Zigzag[RASTER_TO_SCAN[i] ?? 0] = q;
    if (q !== 0) zero = false;
  }
  const dcs = inverseWht(y2Raster);
  for (let i = 0; i < 16; i++) {
    fillBlock(
      rec.y,
      rec.width,
      x0 + (i & 3) * 4,
      y0 + (i >> 2) * 4,
      clamp255(pred + (((dcs[i] ?? 0) + 4) >> 3)),
    );
  }
  const stride = rec.width / 2;
  for (let p = 0; p < 2; p++) {
    const source = p === 0 ? src.u : src.v;
    const target = p === 0 ? rec.u : rec.v;
    const cpred = dcPrediction(target, stride, mx * 8, my * 8, 8);
    for (let b = 0; b < 4; b++) {
      const bx = mx * 8 + (b & 1) * 4;
      const by = my * 8 + (b >> 1) * 4;
      const level = Math.round(blockMean(source, stride, bx, by) - cpred);
      // A dequantised DC of 2 * level * 4 makes the DC-only inverse DCT return exactly `level`.
      chromaDc[p * 4 + b] = 2 * level;
      fillBlock(target, stride, bx, by, clamp255(cpred + ((2 * level * UV_DC_FACTOR + 4) >> 3)));
      if (level !== 0) zero = false;
    }
  }
  if (zero) {
    // A skipped macroblock resets its neighbours' contexts to "no coefficients".
    ctx.aboveY2[mx] = 0;
    ctx.left.y2 = 0;
    ctx.aboveU.fill(0, mx * 2, mx * 2 + 2);
    ctx.aboveV.fill(0, mx * 2, mx * 2 + 2);
    ctx.left.u.fill(0);
    ctx.left.v.fill(0);
    return true;
  }
  const nz = writeBlock(tokens, BLOCK_Y2, (ctx.aboveY2[mx] ?? 0) + ctx.left.y2, y2Zigzag, 0) ? 1 : 0;
  ctx.aboveY2[mx] = nz;
  ctx.left.y2 = nz;
  // Luma blocks carry nothing beyond the DC from Y2, so their contexts stay zero.
  for (let b = 0; b < 16; b++) writeBlock(tokens, BLOCK_Y_AFTER_Y2, 0, emptyBlock, 1);
  for (let p = 0; p < 2; p++) {
    const above = p === 0 ? ctx.aboveU : ctx.aboveV;
    const left = p === 0 ? ctx.left.u : ctx.left.v;
    for (let b = 0; b < 4; b++) {
      const col = mx * 2 + (b & 1);
      const row = b >> 1;
      dcBlock[0] = chromaDc[p * 4 + b] ?? 0;
      const flag = writeBlock(tokens, BLOCK_UV, (above[col] ?? 0) + (left[row] ?? 0), dcBlock, 0) ? 1 : 0;
      above[col] = flag;
      left[row] = flag;
    }
  }
  return false;
}

/** Encodes one key frame; also returns the decoder's reconstruction (padded). */
export function encodeVp8Frame(
  picture: Yuv420,
  width: number,
  height: number,
): { frame: Uint8Array; reconstruction: Yuv420 } {
  const mbW = picture.width / 16;
  const mbH = picture.height / 16;
  const rec: Yuv420 = {
    width: picture.width,
    height: picture.height,
    y: new Uint8Array(picture.y.length),
    u: new Uint8Array(picture.u.length),
    v: new Uint8Array(picture.v.length),
  };
  // Tokens go to their own partition, so they can be written before the header is known.
  const tokens = new BoolEncoder();
  const ctx: Contexts = {
    aboveY2: new Uint8Array(mbW),
    aboveU: new Uint8Array(mbW * 2),
    aboveV: new Uint8Array(mbW * 2),
    left: { y2: 0, u: [0, 0], v: [0, 0] },
  };
  const skipped = new Uint8Array(mbW * mbH);
  let skipCount = 0;
  for (let my = 0; my < mbH; my++) {
    ctx.left = { y2: 0, u: [0, 0], v: [0, 0] };
    for (let mx = 0; mx < mbW; mx++) {
      const skip = codeMacroblock(picture, rec, mx, my, tokens, ctx);
      skipped[my * mbW + mx] = skip ? 1 : 0;
      if (skip) skipCount++;
    }
  }
  const probSkipFalse = Math.max(
    1,
    Math.min(255, Math.round((256 * (skipped.length - skipCount)) / skipped.length)),
  );

  const header = new BoolEncoder();
  header.putLiteral(0, 1); // color_space
  header.putLiteral(0, 1); // clamping_type
  header.putLiteral(0, 1); // segmentation_enabled
  header.putLiteral(0, 1); // filter_type
  header.putLiteral(0, 6); // loop_filter_level: no loop filter
  header.putLiteral(0, 3); // sharpness_level
  header.putLiteral(0, 1); // loop_filter_adj_enable
  header.putLiteral(0, 2); // one token partition
  header.putLiteral(0, 7); // y_ac_qi
  for (let i = 0; i < 5; i++) header.putLiteral(0, 1); // no quantiser deltas
  header.putLiteral(0, 1); // refresh_entropy_probs
  for (const prob of COEFF_UPDATE_PROBS) header.putBool(prob, 0); // keep the default token probabilities
  header.putLiteral(1, 1); // mb_no_skip_coeff
  header.putLiteral(probSkipFalse, 8);
  for (const skip of skipped) {
    header.putBool(probSkipFalse, skip); // mb_skip_coeff
    header.putBool(145, 1); // kf_ymode_tree: "100" is DC_PRED
    header.putBool(156, 0);
    header.putBool(163, 0);
    header.putBool(142, 0); // uv_mode_tree: "0" is DC_PRED
  }
  const first = header.finish();
  const second = tokens.finish();

  const frame = new Uint8Array(10 + first.length + second.length);
  const tag = (first.length << 5) | (1 << 4); // key frame (bit 0 clear), version 0, shown
  frame.set([tag & 0xff, (tag >> 8) & 0xff, (tag >> 16) & 0xff, 0x9d, 0x01, 0x2a]);
  frame.set([width & 0xff, (width >> 8) & 0x3f, height & 0xff, (height >> 8) & 0x3f], 6);
  frame.set(first, 10);
  frame.set(second, 10 + first.length);
  return { frame, reconstruction: rec };
}
