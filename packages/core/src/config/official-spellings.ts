import { describeValue, type Fail } from './config-checks';

/**
 * Fields the official SDK 1.6 spells otherwise, by our name: `transport: 'rest'` is our
 * `transportType`, `userAgentPrefix` our `userAgent`. Both spellings are accepted; a config that
 * gives both with different values is refused, naming the official one.
 */
export const officialSpellings = { transportType: 'transport', userAgent: 'userAgentPrefix' } as const;

export type SpelledField = keyof typeof officialSpellings;

/**
 * The config with each official spelling folded into our field, and the name the user wrote for
 * each field (so a bad value's error names what the user wrote).
 */
export function foldSpellings(
  input: Record<string, unknown>,
  fail: Fail,
): { config: Record<string, unknown>; nameOf: (field: string) => string } {
  let config = input;
  const written: Record<string, string> = {};
  for (const [ours, theirs] of Object.entries(officialSpellings)) {
    const value = input[theirs];
    if (value === undefined) continue;
    const mine = input[ours];
    if (mine !== undefined && mine !== value)
      fail(
        theirs,
        `${theirs} (${describeValue(value)}) and ${ours} (${describeValue(mine)}) are the same option under two names and disagree; give one of them.`,
      );
    const { [theirs]: _, ...rest } = config;
    config = { ...rest, [ours]: value };
    written[ours] = theirs;
  }
  return { config, nameOf: (field) => written[field] ?? field };
}
