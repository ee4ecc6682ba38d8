import { createRunwareError } from '../errors/create-runware-error';
import { redactString } from '../logger/redact';
import { didYouMean, suggestionSuffix } from './did-you-mean';

/** Raises the config error for `field`; never returns. */
export type Fail = (field: string, message: string) => never;

/** Timers fire at once for delays above 2^31 − 1 ms (about 24.8 days), so longer ones are refused. */
export const maxTimerDelay = 2_147_483_647;

/** A short, type-aware rendering of a bad value for an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  // Primitives print as themselves; functions and objects only by their type.
  if (typeof value === 'function') return 'a function';
  return typeof value === 'object' && value !== null
    ? Array.isArray(value)
      ? 'an array'
      : 'an object'
    : String(value);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  // Object.prototype of any realm (a vm context, an iframe) has a null prototype itself.
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * The `invalidConfig` failure for a config or an options object: `prefix` (the owner) before the
 * message, and every secret scrubbed from message and field alike.
 */
export const configFailure =
  (secrets: readonly string[], prefix = ''): Fail =>
  (field, message) => {
    throw createRunwareError('invalidConfig', redactString(prefix + message, secrets), {
      parameter: redactString(field, secrets),
    });
  };

/**
 * The one check behind every field: `value` when `ok`, else the config error
 * "`field` must be `expected`, got `value`." (plus `hint`). Messages stay uniform and each field
 * costs a test and a phrase, not a function.
 */
export function expectValue<T>(
  field: string,
  value: unknown,
  ok: boolean,
  expected: string,
  fail: Fail,
  hint = '',
): T {
  return ok ? (value as T) : fail(field, `${field} must be ${expected}, got ${describeValue(value)}.${hint}`);
}

const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
const isDelay = (value: unknown) => typeof value === 'number' && value >= 0 && value <= maxTimerDelay;
const milliseconds = `finite number of milliseconds (at most ${maxTimerDelay})`;

/** Each kind of value: its test and what the error message says is expected. */
const kinds = {
  /** A timeout. */
  t: [(value) => isDelay(value) && value !== 0, `a positive ${milliseconds}`],
  /** A delay: zero is valid (at once). */
  d: [isDelay, `a non-negative ${milliseconds}`],
  /** A count. */
  c: [isCount, 'a non-negative integer'],
  /** A count or no limit. */
  n: [(value) => value === Infinity || isCount(value), 'a non-negative integer or Infinity'],
  /** A limit: zero would never let anything through. */
  l: [(value) => value === Infinity || (isCount(value) && value !== 0), 'a positive integer or Infinity'],
  b: [(value) => typeof value === 'boolean', 'true or false'],
  f: [(value) => typeof value === 'function', 'a function'],
  /** A User-Agent prefix goes into a header: printable ASCII only, so no header injection. */
  a: [
    (value) => typeof value === 'string' && /^[ -~]*[!-~][ -~]*$/.test(value),
    'printable ASCII text (e.g. "my-app/1.2")',
  ],
} satisfies Record<string, [(value: unknown) => boolean, string]>;

/**
 * What a config field or transport option holds, as {@link checkValue} checks it: a key of
 * `kinds`, `h` an http(s) or `w` a ws(s) base URL (see {@link checkUrl}), or the allowed values.
 */
export type Kind = keyof typeof kinds | 'h' | 'w' | readonly string[];

/**
 * Checks `value` against `kind` and returns it (URLs normalised, User-Agents trimmed), else fails
 * naming `field`, what was given and what is expected; a near miss of an enum value (or another
 * name for it: `ws` for `websocket`) gets a suggestion.
 */
export function checkValue<T>(field: string, value: unknown, kind: Kind, fail: Fail): T {
  if (kind === 'h' || kind === 'w') {
    return checkUrl(field, value, kind === 'h' ? ['https', 'http'] : ['wss', 'ws'], fail) as T;
  }
  if (typeof kind === 'object') {
    if (!kind.includes(value as string)) {
      // Only now is a suggestion worth its edit distances.
      const hint = typeof value === 'string' ? suggestionSuffix(didYouMean(value, kind)) : '';
      expectValue(field, value, false, kind.map((option) => `"${option}"`).join(' or '), fail, hint);
    }
    return value as T;
  }
  const [test, expected] = kinds[kind];
  expectValue(field, value, test(value), expected, fail);
  return (kind === 'a' ? (value as string).trim() : value) as T;
}

/**
 * A base URL with one of `schemes` (without `:`), returned without a trailing slash; no
 * credentials (never echoed: they may be secrets), query string or fragment.
 */
export function checkUrl(field: string, value: unknown, schemes: readonly string[], fail: Fail): string {
  let url: URL | undefined;
  try {
    url = new URL(typeof value === 'string' ? value.trim() : '');
  } catch {
    // Not a string or not a URL: reported below.
  }
  if (url?.username || url?.password) {
    return fail(field, `${field} must not contain credentials; authentication uses apiKey.`);
  }
  const schemeList = schemes.map((scheme) => `${scheme}://`).join(' or ');
  const ok = url !== undefined && schemes.includes(url.protocol.slice(0, -1)) && !url.search && !url.hash;
  expectValue(field, value, ok, `a ${schemeList} URL without a query string or fragment`, fail);
  const { origin, pathname } = url as URL; // ok: a URL
  return `${origin}${pathname.replace(/\/+$/, '')}`;
}
