/** Case, `_`, `-` and spaces do not count as differences: `api_key` is `apiKey`, `timeOut` is `timeout`. */
const normalise = (name: string) => name.toLowerCase().replace(/[-_\s]/g, '');

/** Edit distance counting insertions, deletions, substitutions and swaps of neighbours (`debgu`). */
export function editDistance(a: string, b: string): number {
  // Row i holds the distances between the first i characters of a and the first j of b, for each
  // j; a swap reads two rows up. No cell read is missing: where i or j is 1, a[-1] or b[-1] is
  // undefined, so no swap is tried.
  let twoUp: number[] = [];
  let up: number[] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [];
    for (let j = 0; j <= b.length; j++) {
      row[j] =
        i && j
          ? Math.min(
              (up[j] as number) + 1,
              (row[j - 1] as number) + 1,
              (up[j - 1] as number) + Number(a[i - 1] !== b[j - 1]),
              a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] ? (twoUp[j - 2] as number) + 1 : i + j,
            )
          : i + j;
    }
    twoUp = up;
    up = row;
  }
  return up[b.length] as number;
}

/**
 * Names other SDKs or habits use for the SDK's names (config keys, their values, dependencies),
 * where edit distance and containment find nothing or the wrong name (`baseUrl` is nearer
 * `wsBaseUrl`).
 */
const habitualNames: Readonly<Record<string, string>> = {
  key: 'apiKey',
  token: 'apiKey',
  baseUrl: 'httpBaseUrl',
  url: 'httpBaseUrl',
  wsUrl: 'wsBaseUrl',
  idleTimeout: 'streamIdleTimeout',
  maxSockets: 'maxConnections',
  coalesceWindow: 'submitBatchWindow',
  maxPayload: 'maxResponseSize',
  verbose: 'debug',
  logger: 'logSink',
  ws: 'websocket',
  wss: 'websocket',
  http: 'rest',
  https: 'rest',
  fs: 'files',
};

/**
 * The candidate the user most likely meant, or undefined when none is close. An alias table maps
 * names from other SDKs or habits (`verbose`) to ours, and counts where its target is a candidate
 * (compared as the input is); otherwise a candidate is close when it is a few edits away (a third
 * of the longer name, at least one) or contains, or is contained in, the input (four characters or
 * more: `reconnectAttempts` → `maxReconnectAttempts`).
 */
export function didYouMean(
  input: string,
  candidates: readonly string[],
  aliases: Readonly<Record<string, string>> = habitualNames,
): string | undefined {
  const wanted = normalise(input);
  for (const [alias, target] of Object.entries(aliases)) {
    const named =
      normalise(alias) === wanted && candidates.find((name) => normalise(name) === normalise(target));
    if (named) return named;
  }
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of candidates) {
    const candidate = normalise(name);
    const distance = editDistance(wanted, candidate);
    if (
      distance < bestDistance &&
      // 3·distance ≤ the longer length, or distance 1 for short names.
      (distance * 3 <= Math.max(3, wanted.length, candidate.length) ||
        (wanted.length > 3 && candidate.includes(wanted)) ||
        (candidate.length > 3 && wanted.includes(candidate)))
    ) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` Did you mean "x"?`, or nothing, ready to append to a message. */
export const suggestionSuffix = (suggestion: string | undefined): string =>
  suggestion ? ` Did you mean "${suggestion}"?` : '';
