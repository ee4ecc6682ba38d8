import { describeValue, type Fail } from './config-checks';

/**
 * Fields the official SDK 1.6 spells otherwise, by our name: `transport: 'rest'` is our
 * `transportType`, `userAgentPrefix` our `userAgent`. Both spellings are accepted; a config that
 * gives both with different values is refused, naming the official one.
 */
export const officialSpellings: Readonly<Record<string, string>> = {
  transportType: 'transport',
  userAgent: 'userAgentPrefix',
};

/**
 * The value of our field `name` under either spelling, and the name the user wrote (so a bad
 * value's error names what the user wrote).
 */
export function readSpelled(input: Record<string, unknown>, name: string, fail: Fail): [string, unknown] {
  const theirs = officialSpellings[name] ?? name;
  const value = input[theirs];
  const mine = input[name];
  if (value === undefined) return [name, mine];
  if (mine !== undefined && mine !== value)
    fail(
      theirs,
      `${theirs} (${describeValue(value)}) and ${name} (${describeValue(mine)}) name one option but disagree; give one.`,
    );
  return [theirs, value];
}
