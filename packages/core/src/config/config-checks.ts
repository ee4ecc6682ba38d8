import { didYouMean, suggestionSuffix } from './did-you-mean';

/** Raises the config error for `field`; never returns. */
export type Fail = (field: string, message: string) => never;

/** Timers fire at once for delays above 2^31 − 1 ms (about 24.8 days), so longer ones are refused. */
export const maxTimerDelay = 2_147_483_647;

/** A short, type-aware rendering of a bad value for an error message. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return value.length > 60 ? `"${value.slice(0, 57)}..."` : JSON.stringify(value);
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'undefined':
      return String(value);
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    default:
      return 'an object';
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  // Object.prototype of any realm (a vm context, an iframe) has a null prototype itself.
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** A base URL with one of `schemes` (without `:`), returned without a trailing slash. */
export function checkUrl(field: string, value: unknown, schemes: readonly string[], fail: Fail): string {
  const expected = schemes.map((scheme) => `${scheme}://`).join(' or ');
  if (typeof value !== 'string' || value.trim() === '') {
    return fail(field, `${field} must be a non-empty ${expected} URL string, got ${describeValue(value)}.`);
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return fail(field, `${field} is not a valid URL: ${describeValue(value)}.`);
  }
  const scheme = url.protocol.slice(0, -1);
  if (!schemes.includes(scheme)) {
    return fail(field, `${field} must use ${expected}, got "${scheme}:" in ${describeValue(value)}.`);
  }
  // Credentials are not echoed back: they may be secrets. fetch() refuses such URLs anyway.
  if (url.username !== '' || url.password !== '') {
    return fail(field, `${field} must not contain credentials; authentication uses apiKey.`);
  }
  if (url.search !== '' || url.hash !== '') {
    return fail(field, `${field} must not have a query string or fragment: ${describeValue(value)}.`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

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

/** A delay or timeout in milliseconds: finite, at most `maxTimerDelay`, positive unless `allowZero`. */
export const checkDuration = (field: string, value: unknown, allowZero: boolean, fail: Fail): number =>
  expectValue(
    field,
    value,
    typeof value === 'number' && (allowZero ? value >= 0 : value > 0) && value <= maxTimerDelay,
    `${allowZero ? 'a non-negative' : 'a positive'} finite number of milliseconds (at most ${maxTimerDelay})`,
    fail,
  );

/** A count: a non-negative integer, or `Infinity` when `allowInfinity`. */
export const checkCount = (field: string, value: unknown, allowInfinity: boolean, fail: Fail): number =>
  expectValue(
    field,
    value,
    isCount(value) || (allowInfinity && value === Number.POSITIVE_INFINITY),
    `a non-negative integer${allowInfinity ? ' or Infinity' : ''}`,
    fail,
  );

export const checkEnum = <T extends string>(
  field: string,
  value: unknown,
  allowed: readonly T[],
  aliases: Readonly<Record<string, T>>,
  fail: Fail,
): T =>
  expectValue(
    field,
    value,
    (allowed as readonly unknown[]).includes(value),
    allowed.map((option) => `"${option}"`).join(' or '),
    fail,
    typeof value === 'string' ? suggestionSuffix(didYouMean(value, allowed, aliases)) : '',
  );

export const checkBoolean = (field: string, value: unknown, fail: Fail): boolean =>
  expectValue(field, value, typeof value === 'boolean', 'true or false', fail);

export const checkFunction = <T>(field: string, value: unknown, fail: Fail): T =>
  expectValue(field, value, typeof value === 'function', 'a function', fail);

/** A User-Agent prefix goes into a header: printable ASCII only, so no header injection or fetch errors. */
export const checkUserAgent = (field: string, value: unknown, fail: Fail): string =>
  expectValue<string>(
    field,
    value,
    typeof value === 'string' && value.trim() !== '' && /^[\x20-\x7e]+$/.test(value),
    'a non-empty string of printable ASCII characters (e.g. "my-app/1.2")',
    fail,
  ).trim();
