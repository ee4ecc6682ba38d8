/**
 * A set of non-negative integers as a growable bitset: one bit per task, so a journal of ten
 * million finished tasks costs 1.2 MB of memory to resume, not a Map entry each.
 */
export interface IndexSet {
  add(index: number): void;
  has(index: number): boolean;
  readonly size: number;
}

export function createIndexSet(): IndexSet {
  let bits = new Uint8Array(1024);
  let size = 0;
  return {
    add(index) {
      const byte = index >>> 3;
      if (byte >= bits.length) {
        const grown = new Uint8Array(Math.max(byte + 1, bits.length * 2));
        grown.set(bits);
        bits = grown;
      }
      const mask = 1 << (index & 7);
      if ((bits[byte] as number) & mask) return;
      bits[byte] = (bits[byte] as number) | mask;
      size += 1;
    },
    has(index) {
      const byte = index >>> 3;
      return byte < bits.length && ((bits[byte] as number) & (1 << (index & 7))) !== 0;
    },
    get size() {
      return size;
    },
  };
}
