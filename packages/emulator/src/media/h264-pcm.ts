import { BitWriter } from './bit-writer';
import type { Yuv420 } from './yuv';

/**
 * H.264 (Constrained Baseline) without a transform: lossless IDR pictures made of I_PCM
 * macroblocks (raw samples) and residual-free DC-predicted ones, followed by P pictures made
 * of a single skip run (a repeat of the previous picture). CAVLC, one slice per picture,
 * deblocking disabled, so every decoder reproduces the samples exactly.
 */

const LOG2_MAX_FRAME_NUM = 4;
const NAL_SLICE = 1;
const NAL_IDR = 5;
const NAL_SPS = 7;
const NAL_PPS = 8;

function ue(w: BitWriter, value: number): void {
  const v = value + 1;
  const bits = 32 - Math.clz32(v);
  w.writeBits(0, bits - 1);
  w.writeBits(v, bits);
}

function se(w: BitWriter, value: number): void {
  ue(w, value > 0 ? 2 * value - 1 : -2 * value);
}

function trailing(w: BitWriter): Uint8Array {
  w.writeBits(1, 1);
  return w.finish();
}

/** Wraps an RBSP into a NAL unit, inserting emulation-prevention bytes. */
function nal(refIdc: number, type: number, rbsp: Uint8Array): Uint8Array {
  const out = new Uint8Array(1 + rbsp.length + Math.ceil(rbsp.length / 2) + 1);
  out[0] = (refIdc << 5) | type;
  let o = 1;
  let zeros = 0;
  for (const b of rbsp) {
    if (zeros >= 2 && b <= 3) {
      out[o++] = 3;
      zeros = 0;
    }
    out[o++] = b;
    zeros = b === 0 ? zeros + 1 : 0;
  }
  return out.slice(0, o);
}

/** Smallest level whose frame-size limit fits the picture (Table A-1). */
function levelFor(mbWidth: number, mbHeight: number): number {
  const limits: [number, number][] = [
    [10, 99],
    [20, 396],
    [21, 792],
    [30, 1620],
    [31, 3600],
    [32, 5120],
    [40, 8192],
    [42, 8704],
    [50, 22080],
    [51, 36864],
    [60, 139264],
  ];
  const frameSize = mbWidth * mbHeight;
  for (const [level, maxFs] of limits) {
    const side = Math.sqrt(maxFs * 8);
    if (frameSize <= maxFs && mbWidth <= side && mbHeight <= side) return level;
  }
  return 62;
}

export function h264Sps(width: number, height: number): Uint8Array {
  const mbW = Math.ceil(width / 16);
  const mbH = Math.ceil(height / 16);
  // 4:2:0 crops in whole chroma samples, so odd sizes decode one pixel larger.
  const cropRight = (mbW * 16 - width) >> 1;
  const cropBottom = (mbH * 16 - height) >> 1;
  const w = new BitWriter();
  w.writeBits(66, 8); // Baseline
  w.writeBits(0xc0, 8); // constraint_set0 and set1: Constrained Baseline
  w.writeBits(levelFor(mbW, mbH), 8);
  ue(w, 0); // seq_parameter_set_id
  ue(w, LOG2_MAX_FRAME_NUM - 4);
  ue(w, 2); // pic_order_cnt_type 2: output order = decoding order
  ue(w, 1); // max_num_ref_frames
  w.writeBits(0, 1); // gaps_in_frame_num_value_allowed_flag
  ue(w, mbW - 1);
  ue(w, mbH - 1);
  w.writeBits(1, 1); // frame_mbs_only_flag
  w.writeBits(1, 1); // direct_8x8_inference_flag
  const crop = cropRight > 0 || cropBottom > 0;
  w.writeBits(crop ? 1 : 0, 1);
  if (crop) {
    ue(w, 0);
    ue(w, cropRight);
    ue(w, 0);
    ue(w, cropBottom);
  }
  w.writeBits(0, 1); // no VUI
  return nal(3, NAL_SPS, trailing(w));
}

export function h264Pps(): Uint8Array {
  const w = new BitWriter();
  ue(w, 0); // pic_parameter_set_id
  ue(w, 0); // seq_parameter_set_id
  w.writeBits(0, 1); // CAVLC
  w.writeBits(0, 1); // bottom_field_pic_order_in_frame_present_flag
  ue(w, 0); // one slice group
  ue(w, 0); // num_ref_idx_l0_default_active_minus1
  ue(w, 0); // num_ref_idx_l1_default_active_minus1
  w.writeBits(0, 1); // weighted_pred_flag
  w.writeBits(0, 2); // weighted_bipred_idc
  se(w, 0); // pic_init_qp_minus26
  se(w, 0); // pic_init_qs_minus26
  se(w, 0); // chroma_qp_index_offset
  w.writeBits(1, 1); // deblocking_filter_control_present_flag
  w.writeBits(0, 1); // constrained_intra_pred_flag
  w.writeBits(0, 1); // redundant_pic_cnt_present_flag
  return nal(3, NAL_PPS, trailing(w));
}

/** Intra_16x16 DC prediction (8.3.3.3) from the picture itself, which is also the reconstruction. */
function lumaDc(p: Yuv420, mx: number, my: number): number {
  const w = p.width;
  let top = 0;
  let left = 0;
  for (let i = 0; i < 16; i++) {
    if (my > 0) top += p.y[(my * 16 - 1) * w + mx * 16 + i] ?? 0;
    if (mx > 0) left += p.y[(my * 16 + i) * w + mx * 16 - 1] ?? 0;
  }
  if (mx > 0 && my > 0) return (top + left + 16) >> 5;
  if (mx > 0) return (left + 8) >> 4;
  if (my > 0) return (top + 8) >> 4;
  return 128;
}

/** Chroma DC prediction (8.3.4.1-3) of 4x4 block `b` in a macroblock of `plane`. */
function chromaDc(plane: Uint8Array, stride: number, mx: number, my: number, b: number): number {
  const xO = (b & 1) * 4;
  const yO = (b >> 1) * 4;
  const hasTop = my > 0;
  const hasLeft = mx > 0;
  let top = 0;
  let left = 0;
  for (let i = 0; i < 4; i++) {
    if (hasTop) top += plane[(my * 8 - 1) * stride + mx * 8 + xO + i] ?? 0;
    if (hasLeft) left += plane[(my * 8 + yO + i) * stride + mx * 8 - 1] ?? 0;
  }
  const topMean = (top + 2) >> 2;
  const leftMean = (left + 2) >> 2;
  if (xO === yO) {
    if (hasTop && hasLeft) return (top + left + 4) >> 3;
    if (hasLeft) return leftMean;
    if (hasTop) return topMean;
  } else if (yO === 0) {
    if (hasTop) return topMean;
    if (hasLeft) return leftMean;
  } else {
    if (hasLeft) return leftMean;
    if (hasTop) return topMean;
  }
  return 128;
}

function isFlat(
  plane: Uint8Array,
  stride: number,
  x0: number,
  y0: number,
  size: number,
  value: number,
): boolean {
  for (let r = 0; r < size; r++) {
    const o = (y0 + r) * stride + x0;
    for (let c = 0; c < size; c++) if (plane[o + c] !== value) return false;
  }
  return true;
}

/** True when DC prediction alone reproduces the macroblock exactly. */
function predictsExactly(p: Yuv420, mx: number, my: number): boolean {
  if (!isFlat(p.y, p.width, mx * 16, my * 16, 16, lumaDc(p, mx, my))) return false;
  const stride = p.width / 2;
  for (const plane of [p.u, p.v]) {
    for (let b = 0; b < 4; b++) {
      const value = chromaDc(plane, stride, mx, my, b);
      if (!isFlat(plane, stride, mx * 8 + (b & 1) * 4, my * 8 + (b >> 1) * 4, 4, value)) return false;
    }
  }
  return true;
}

/**
 * An IDR picture, lossless: each macroblock is either Intra_16x16 DC-predicted with no
 * residual (when the prediction is already exact, as inside flat regions) or I_PCM.
 */
export function h264IdrPicture(source: Yuv420, idrPicId: number): Uint8Array {
  // Early decoders reject PCM samples of 0; limited-range input never has them, but be sure.
  const fix = (plane: Uint8Array): Uint8Array => plane.map((v) => (v === 0 ? 1 : v));
  const picture: Yuv420 = { ...source, y: fix(source.y), u: fix(source.u), v: fix(source.v) };
  const mbW = picture.width / 16;
  const mbH = picture.height / 16;
  const w = new BitWriter();
  ue(w, 0); // first_mb_in_slice
  ue(w, 7); // slice_type: I, and every slice of the picture is I
  ue(w, 0); // pic_parameter_set_id
  w.writeBits(0, LOG2_MAX_FRAME_NUM); // frame_num
  ue(w, idrPicId);
  w.writeBits(0, 1); // no_output_of_prior_pics_flag
  w.writeBits(0, 1); // long_term_reference_flag
  se(w, 0); // slice_qp_delta
  ue(w, 1); // disable_deblocking_filter_idc
  const mb = new Uint8Array(384);
  const cw = picture.width / 2;
  // Per macroblock: did it use I_PCM? Its blocks then count as 16 coefficients for nC.
  const pcm = new Uint8Array(mbW * mbH);
  for (let my = 0; my < mbH; my++) {
    for (let mx = 0; mx < mbW; mx++) {
      if (predictsExactly(picture, mx, my)) {
        ue(w, 3); // mb_type I_16x16_2_0_0: DC prediction, no coded blocks
        ue(w, 0); // intra_chroma_pred_mode: DC
        se(w, 0); // mb_qp_delta
        // Intra16x16DCLevel coeff_token for no coefficients; its table depends on nC (9.2.1).
        const nA = mx > 0 ? (pcm[my * mbW + mx - 1] ?? 0) * 16 : -1;
        const nB = my > 0 ? (pcm[(my - 1) * mbW + mx] ?? 0) * 16 : -1;
        const nC = nA >= 0 && nB >= 0 ? (nA + nB + 1) >> 1 : Math.max(nA, nB, 0);
        if (nC >= 8) w.writeBits(0b000011, 6);
        else w.writeBits(1, 1); // nC is 0 here: neighbours are either PCM (16) or empty (0)
        continue;
      }
      pcm[my * mbW + mx] = 1;
      ue(w, 25); // mb_type I_PCM
      let k = 0;
      for (let r = 0; r < 16; r++) {
        const row = (my * 16 + r) * picture.width + mx * 16;
        for (let c = 0; c < 16; c++) mb[k++] = picture.y[row + c] ?? 1;
      }
      for (const plane of [picture.u, picture.v]) {
        for (let r = 0; r < 8; r++) {
          const row = (my * 8 + r) * cw + mx * 8;
          for (let c = 0; c < 8; c++) mb[k++] = plane[row + c] ?? 1;
        }
      }
      w.writeAlignedBytes(mb); // pcm_alignment_zero_bits come first
    }
  }
  return nal(3, NAL_IDR, trailing(w));
}

/** A P picture that repeats the previous one: every macroblock skipped. */
export function h264SkipPicture(mbCount: number, frameNum: number): Uint8Array {
  const w = new BitWriter();
  ue(w, 0); // first_mb_in_slice
  ue(w, 5); // slice_type: P, and every slice of the picture is P
  ue(w, 0); // pic_parameter_set_id
  w.writeBits(frameNum % (1 << LOG2_MAX_FRAME_NUM), LOG2_MAX_FRAME_NUM);
  w.writeBits(0, 1); // num_ref_idx_active_override_flag
  w.writeBits(0, 1); // ref_pic_list_modification_flag_l0
  w.writeBits(0, 1); // adaptive_ref_pic_marking_mode_flag
  se(w, 0); // slice_qp_delta
  ue(w, 1); // disable_deblocking_filter_idc
  ue(w, mbCount); // mb_skip_run
  return nal(2, NAL_SLICE, trailing(w));
}

/** AVCDecoderConfigurationRecord (ISO/IEC 14496-15) for the avcC box. */
export function avcDecoderConfig(sps: Uint8Array, pps: Uint8Array): Uint8Array {
  const out = new Uint8Array(11 + sps.length + pps.length);
  out.set([1, sps[1] ?? 66, sps[2] ?? 0, sps[3] ?? 30, 0xff, 0xe1, sps.length >> 8, sps.length & 0xff]);
  out.set(sps, 8);
  const o = 8 + sps.length;
  out.set([1, pps.length >> 8, pps.length & 0xff], o);
  out.set(pps, o + 3);
  return out;
}
