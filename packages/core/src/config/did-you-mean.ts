/** Case, `_`, `-` and spaces do not count as differences: `api_key` is `apiKey`, `timeOut` is `timeout`. */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

/** Edit distance counting insertions, deletions, substitutions and swaps of neighbours (`debgu`). */
export function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidate the user most likely meant, or undefined when none is close. An alias table maps
 * names from other SDKs or habits (`retries`) to ours; otherwise a candidate is close when it is a
 * few edits away (a third of the longer name, at least one) or contains, or is contained in, the
 * input (four characters or more: `reconnectAttempts` → `maxReconnectAttempts`).
 */
export function didYouMean(
  input: string,
  candidates: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): string | undefined {
  const wanted = normalise(input);
  for (const [alias, target] of Object.entries(aliases)) if (normalise(alias) === wanted) return target;
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const candidate = normalise(name);
    const distance = editDistance(wanted, candidate);
    const nearby = distance <= Math.max(1, Math.floor(Math.max(wanted.length, candidate.length) / 3));
    const overlapping =
      Math.min(wanted.length, candidate.length) >= 4 &&
      (candidate.includes(wanted) || wanted.includes(candidate));
    if ((nearby || overlapping) && (best === undefined || distance < best.distance)) {
      best = { name, distance };
    }
  }
  return best?.name;
}

/** ` Did you mean "x"?`, or nothing, ready to append to a message. */
export function suggestionSuffix(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`;
}
