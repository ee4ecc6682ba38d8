/** A 4:2:0 picture padded to whole 16x16 macroblocks. */
export interface Yuv420 {
  /** padded luma size, multiples of 16 */
  width: number;
  height: number;
  y: Uint8Array;
  /** chroma planes, (width / 2) x (height / 2) */
  u: Uint8Array;
  v: Uint8Array;
}

/**
 * RGBA to BT.601 limited-range YCbCr 4:2:0 (what H.264 and VP8 decoders assume without
 * colour metadata), with the usual 8-bit integer coefficients. Edges are repeated into the macroblock padding; alpha is ignored.
 */
export function rgbaToYuv420(rgba: Uint8Array, width: number, height: number): Yuv420 {
  const pw = Math.ceil(width / 16) * 16;
  const ph = Math.ceil(height / 16) * 16;
  const y = new Uint8Array(pw * ph);
  const cw = pw / 2;
  const u = new Uint8Array(cw * (ph / 2));
  const v = new Uint8Array(cw * (ph / 2));
  // Source offsets of each padded column, repeating the last real one.
  const column = new Int32Array(pw);
  for (let px = 0; px < pw; px++) column[px] = Math.min(px, width - 1) * 4;
  for (let py = 0; py < ph; py++) {
    const src = Math.min(py, height - 1) * width * 4;
    const dst = py * pw;
    for (let px = 0; px < pw; px++) {
      const s = src + (column[px] ?? 0);
      y[dst + px] = (66 * (rgba[s] ?? 0) + 129 * (rgba[s + 1] ?? 0) + 25 * (rgba[s + 2] ?? 0) + 4224) >> 8;
    }
  }
  for (let cy = 0; cy < ph / 2; cy++) {
    const top = Math.min(cy * 2, height - 1) * width * 4;
    const bottom = Math.min(cy * 2 + 1, height - 1) * width * 4;
    for (let cx = 0; cx < cw; cx++) {
      const left = column[cx * 2] ?? 0;
      const right = column[cx * 2 + 1] ?? 0;
      const a = top + left;
      const b = top + right;
      const c = bottom + left;
      const d = bottom + right;
      const r = (rgba[a] ?? 0) + (rgba[b] ?? 0) + (rgba[c] ?? 0) + (rgba[d] ?? 0);
      const g = (rgba[a + 1] ?? 0) + (rgba[b + 1] ?? 0) + (rgba[c + 1] ?? 0) + (rgba[d + 1] ?? 0);
      const bl = (rgba[a + 2] ?? 0) + (rgba[b + 2] ?? 0) + (rgba[c + 2] ?? 0) + (rgba[d + 2] ?? 0);
      // sums of four samples, hence the extra 2 bits of shift
      u[cy * cw + cx] = (-38 * r - 74 * g + 112 * bl + 131584) >> 10;
      v[cy * cw + cx] = (112 * r - 94 * g - 18 * bl + 131584) >> 10;
    }
  }
  return { width: pw, height: ph, y, u, v };
}
