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

/** A delay or timeout in milliseconds: finite, at most `maxTimerDelay`, positive unless `allowZero`. */
export function checkDuration(field: string, value: unknown, allowZero: boolean, fail: Fail): number {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (allowZero ? value >= 0 : value > 0) &&
    value <= maxTimerDelay;
  if (!ok) {
    const kind = allowZero ? 'a non-negative' : 'a positive';
    return fail(
      field,
      `${field} must be ${kind} finite number of milliseconds (at most ${maxTimerDelay}), got ${describeValue(value)}.`,
    );
  }
  return value;
}

/** A count: a non-negative integer, or `Infinity` when `allowInfinity`. */
export function checkCount(field: string, value: unknown, allowInfinity: boolean, fail: Fail): number {
  const ok =
    typeof value === 'number' &&
    ((Number.isSafeInteger(value) && value >= 0) || (allowInfinity && value === Number.POSITIVE_INFINITY));
  if (!ok) {
    const kind = allowInfinity ? 'a non-negative integer or Infinity' : 'a non-negative integer';
    return fail(field, `${field} must be ${kind}, got ${describeValue(value)}.`);
  }
  return value;
}

export function checkEnum<T extends string>(
  field: string,
  value: unknown,
  allowed: readonly T[],
  aliases: Readonly<Record<string, T>>,
  fail: Fail,
): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const suggestion = typeof value === 'string' ? didYouMean(value, allowed, aliases) : undefined;
  const options = allowed.map((option) => `"${option}"`).join(' or ');
  return fail(
    field,
    `${field} must be ${options}, got ${describeValue(value)}.${suggestionSuffix(suggestion)}`,
  );
}

export function checkBoolean(field: string, value: unknown, fail: Fail): boolean {
  if (typeof value !== 'boolean')
    return fail(field, `${field} must be true or false, got ${describeValue(value)}.`);
  return value;
}

export function checkFunction<T>(field: string, value: unknown, fail: Fail): T {
  if (typeof value !== 'function')
    return fail(field, `${field} must be a function, got ${describeValue(value)}.`);
  return value as T;
}

/** A User-Agent prefix goes into a header: printable ASCII only, so no header injection or fetch errors. */
export function checkUserAgent(field: string, value: unknown, fail: Fail): string {
  if (typeof value !== 'string' || value.trim() === '' || !/^[\x20-\x7e]+$/.test(value)) {
    return fail(
      field,
      `${field} must be a non-empty string of printable ASCII characters (e.g. "my-app/1.2"), got ${describeValue(value)}.`,
    );
  }
  return value.trim();
}
