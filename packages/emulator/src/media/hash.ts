import { fnv1a, mix32, mulberry32, type Rng } from '../rng';

export { fnv1a, mix32, mulberry32, type Rng };

/** One 32-bit key for a (prompt, seed) pair; seeds may exceed 2^32, so hash their decimal form. */
export function keyOf(prompt: string, seed: number): number {
  return mix32(fnv1a(`${seed}\u0000${prompt}`));
}

export function randRange(rng: Rng, min: number, max: number): number {
  return min + (max - min) * rng();
}

export function randInt(rng: Rng, min: number, maxInclusive: number): number {
  return min + Math.floor(rng() * (maxInclusive - min + 1));
}
