/**
 * Deterministic pseudo-random facts. Every "random" value of the catalog comes from hashing a
 * model's AIR with a salt, so the same models map always gives the same catalog, in any runtime.
 */
import { fnv1a, mix32 } from '../rng';

/** A well-mixed unsigned 32-bit value for `key` under `salt` (FNV alone mixes short keys poorly). */
export function hash32(key: string, salt: string): number {
  return mix32(fnv1a(`${salt}\u0000${key}`));
}

/** A number in [0, 1) for `key` under `salt`. */
export function unit(key: string, salt: string): number {
  return hash32(key, salt) / 0x1_0000_0000;
}

/** An integer in [min, max] for `key` under `salt`. */
export function intBetween(key: string, salt: string, min: number, max: number): number {
  return min + Math.floor(unit(key, salt) * (max - min + 1));
}

/** One element of a non-empty list, chosen by `key` under `salt`. */
export function pick<T>(key: string, salt: string, items: readonly [T, ...T[]]): T {
  return items[hash32(key, salt) % items.length] ?? items[0];
}

/** A version-4-shaped UUID derived from `key`: stable task UUIDs for examples. */
export function stableUuid(key: string): string {
  const hex = [0, 1, 2, 3].map((i) => hash32(key, `uuid${i}`).toString(16).padStart(8, '0')).join('');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` for `days` after `start` (itself `YYYY-MM-DD`), computed in UTC. */
export function isoDatePlus(start: string, days: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
