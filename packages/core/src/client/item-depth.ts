/**
 * Deepest nesting a result item may have. Real answers nest a few levels; a deeper one (5 000
 * levels, say) would overflow the stack of whatever walks it recursively later: JSON.stringify,
 * structuredClone, a log sink, the caller's own code.
 */
export const maxItemDepth = 256;

/**
 * Whether `value` nests objects or arrays more than `max` levels deep. Iterative, so the check
 * itself cannot overflow; it stops at the first path that is too deep (a cycle counts as one).
 */
export function exceedsDepth(value: unknown, max = maxItemDepth): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [node, depth] = next;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= max) return true;
    for (const key in node) stack.push([(node as Record<string, unknown>)[key], depth + 1]);
  }
  return false;
}
