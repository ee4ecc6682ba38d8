import { keyOf, mulberry32, randRange } from './hash';

/** A triangle mesh with flat per-face normals and colours (glTF winding: counter-clockwise). */
export interface Mesh {
  positions: Float32Array;
  normals: Float32Array;
  /** linear RGB in 0..1 */
  colors: Float32Array;
  indices: Uint16Array;
}

/**
 * A box whose proportions and six face colours come from the seed: small, closed, and
 * obviously different from one seed to the next.
 */
export function boxMesh(seed: number): Mesh {
  const rng = mulberry32(keyOf('mesh', seed));
  const half = [randRange(rng, 0.3, 1), randRange(rng, 0.3, 1), randRange(rng, 0.3, 1)];
  const positions: number[] = [];
  const normals: number[] = [];
  const colors: number[] = [];
  const indices: number[] = [];
  for (let axis = 0; axis < 3; axis++) {
    for (const sign of [1, -1]) {
      // u x v must equal the outward normal for counter-clockwise faces.
      const u = sign > 0 ? (axis + 1) % 3 : (axis + 2) % 3;
      const v = sign > 0 ? (axis + 2) % 3 : (axis + 1) % 3;
      const color = [randRange(rng, 0.1, 1), randRange(rng, 0.1, 1), randRange(rng, 0.1, 1)];
      const base = positions.length / 3;
      for (const [su, sv] of [
        [-1, -1],
        [1, -1],
        [1, 1],
        [-1, 1],
      ] as const) {
        const p = [0, 0, 0];
        p[axis] = sign * (half[axis] ?? 1);
        p[u] = su * (half[u] ?? 1);
        p[v] = sv * (half[v] ?? 1);
        const n = [0, 0, 0];
        n[axis] = sign;
        positions.push(...p);
        normals.push(...n);
        colors.push(...color);
      }
      indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
    }
  }
  return {
    positions: Float32Array.from(positions),
    normals: Float32Array.from(normals),
    colors: Float32Array.from(colors),
    indices: Uint16Array.from(indices),
  };
}
