/**
 * Length-limited Huffman code lengths and canonical codes (as in DEFLATE and WebP lossless).
 * Codes are complete (Kraft sum exactly 1) whenever two or more symbols are used.
 */
export function huffmanLengths(freqs: ArrayLike<number>, maxLength: number): Uint8Array {
  const n = freqs.length;
  const lengths = new Uint8Array(n);
  const used: number[] = [];
  for (let s = 0; s < n; s++) if ((freqs[s] ?? 0) > 0) used.push(s);
  if (used.length === 0) return lengths;
  if (used.length === 1) {
    lengths[used[0] ?? 0] = 1;
    return lengths;
  }
  // Flattening small counts until the tree fits is the simple, well-known way to limit depth.
  for (let floor = 1; ; floor *= 2) {
    const weights = used.map((s) => Math.max(freqs[s] ?? 0, floor));
    const depths = treeDepths(used, weights);
    let max = 0;
    for (const d of depths) max = Math.max(max, d);
    if (max <= maxLength) {
      used.forEach((s, i) => {
        lengths[s] = depths[i] ?? 0;
      });
      return lengths;
    }
  }
}

/** Depth of each leaf in a Huffman tree built with the two-queue method. */
function treeDepths(symbols: readonly number[], weights: readonly number[]): number[] {
  const count = symbols.length;
  const order = symbols.map((_, i) => i);
  // Ties broken by symbol keep the output deterministic across engines.
  order.sort((a, b) => (weights[a] ?? 0) - (weights[b] ?? 0) || (symbols[a] ?? 0) - (symbols[b] ?? 0));
  const weight = new Float64Array(2 * count);
  const parent = new Int32Array(2 * count).fill(-1);
  order.forEach((leaf, i) => {
    weight[i] = weights[leaf] ?? 0;
  });
  let leafNext = 0;
  let nodeNext = count;
  let nodeEnd = count;
  const takeSmallest = (): number => {
    if (leafNext < count && (nodeNext >= nodeEnd || (weight[leafNext] ?? 0) <= (weight[nodeNext] ?? 0))) {
      return leafNext++;
    }
    return nodeNext++;
  };
  for (let k = 0; k < count - 1; k++) {
    const a = takeSmallest();
    const b = takeSmallest();
    weight[nodeEnd] = (weight[a] ?? 0) + (weight[b] ?? 0);
    parent[a] = nodeEnd;
    parent[b] = nodeEnd;
    nodeEnd++;
  }
  const depth = new Int32Array(nodeEnd);
  for (let node = nodeEnd - 2; node >= 0; node--) depth[node] = (depth[parent[node] ?? 0] ?? 0) + 1;
  const out = new Array<number>(count).fill(0);
  order.forEach((leaf, i) => {
    out[leaf] = depth[i] ?? 0;
  });
  return out;
}

/** Canonical codes for the given lengths, values meant to be sent most significant bit first. */
export function canonicalCodes(lengths: Uint8Array): Uint32Array {
  const counts = new Uint32Array(17);
  for (const len of lengths) counts[len] = (counts[len] ?? 0) + 1;
  counts[0] = 0;
  const next = new Uint32Array(17);
  let code = 0;
  for (let len = 1; len <= 16; len++) {
    code = (code + (counts[len - 1] ?? 0)) << 1;
    next[len] = code;
  }
  const codes = new Uint32Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) {
    const len = lengths[s] ?? 0;
    if (len > 0) {
      codes[s] = next[len] ?? 0;
      next[len] = (next[len] ?? 0) + 1;
    }
  }
  return codes;
}

export function reverseBits(value: number, count: number): number {
  let out = 0;
  for (let i = 0; i < count; i++) out |= ((value >>> i) & 1) << (count - 1 - i);
  return out;
}
