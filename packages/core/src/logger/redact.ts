/** What a redacted secret, or the value of a credential-named property, becomes. */
export const redactedMarker = '***';

/** Property names whose values are credentials whatever they hold; compared without case, `-` or `_`. */
const credentialKeys = new Set(['apikey', 'xapikey', 'authorization', 'proxyauthorization', 'token']);

/** Deeper data is cut off, so a pathological structure cannot overflow the stack while logging. */
const maxDepth = 64;

export function isCredentialKey(key: string): boolean {
  return credentialKeys.has(key.toLowerCase().replace(/[-_]/g, ''));
}

/**
 * Returns a copy of `value` that is safe to log: every occurrence of a secret inside any string
 * becomes `***` (short secrets only as whole tokens), credential-named properties become `***`, and cycles become `'[Circular]'`.
 * The input is never mutated. Binary data, dates and functions are passed through as they are.
 */
export function redact(value: unknown, secrets: readonly string[]): unknown {
  return walk(value, usableSecrets(secrets), new Set(), 0);
}

/** Replaces every occurrence of every secret in `text`. */
export function redactString(text: string, secrets: readonly string[]): string {
  return scrub(text, usableSecrets(secrets));
}

/**
 * Secrets at least this long are hidden wherever they occur, even inside a word. A shorter one (a
 * test key like `k`) is hidden only where it stands as a whole token: as a substring it would mangle
 * unrelated words ("Un***nown"), and no real API key is that short.
 */
export const minSubstringSecretLength = 8;

interface Secret {
  text: string;
  /** For short secrets: matches the secret only between non-word characters. */
  token?: RegExp;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Empty secrets would match everywhere; longer ones go first so one containing another is fully hidden. */
function usableSecrets(secrets: readonly string[]): Secret[] {
  const unique = new Set(secrets.filter((secret) => typeof secret === 'string' && secret.length > 0));
  return [...unique]
    .sort((a, b) => b.length - a.length)
    .map((text) =>
      text.length >= minSubstringSecretLength
        ? { text }
        : { text, token: new RegExp(`(?<![\\w-])${escapeRegExp(text)}(?![\\w-])`, 'g') },
    );
}

/**
 * Any bearer credential, whoever's: a proxy or server may echo an Authorization header. A token
 * (RFC 6750: letters, digits, `-._~+/`, then `=` padding) of 8 characters or more, so prose such
 * as "the bearer of" stays, and a sentence's final period is not taken for part of the token.
 */
const bearer = /\bBearer\s+(?=[\w~+/.-]{8})[\w~+/-]+(?:\.[\w~+/-]+)*=*/gi;

function scrub(text: string, secrets: readonly Secret[]): string {
  let out =
    text.includes('earer') || text.includes('EARER')
      ? text.replace(bearer, `Bearer ${redactedMarker}`)
      : text;
  for (const secret of secrets) {
    if (!out.includes(secret.text)) continue;
    out = secret.token
      ? out.replace(secret.token, redactedMarker)
      : out.replaceAll(secret.text, redactedMarker);
  }
  return out;
}

function walk(value: unknown, secrets: readonly Secret[], ancestors: Set<object>, depth: number): unknown {
  if (typeof value === 'string') return scrub(value, secrets);
  if (typeof value !== 'object' || value === null) return value;
  if (ancestors.has(value)) return '[Circular]';
  if (isOpaque(value)) return value;
  if (depth >= maxDepth) return '[Truncated]';
  ancestors.add(value);
  try {
    const next = (item: unknown) => walk(item, secrets, ancestors, depth + 1);
    if (Array.isArray(value)) return value.map(next);
    if (value instanceof Error) return copyError(value, next);
    if (value instanceof Map) {
      return new Map(
        [...value].map(([key, item]) => [
          next(key),
          typeof key === 'string' && isCredentialKey(key) ? redactedMarker : next(item),
        ]),
      );
    }
    if (value instanceof Set) return new Set([...value].map(next));
    if (typeof URL !== 'undefined' && value instanceof URL) return scrub(value.href, secrets);
    if (typeof Headers !== 'undefined' && value instanceof Headers) {
      const out: Record<string, unknown> = {};
      value.forEach((item, key) => {
        define(out, key, isCredentialKey(key) ? redactedMarker : next(item));
      });
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      define(out, key, isCredentialKey(key) ? redactedMarker : next(readProperty(value, key)));
    }
    return out;
  } finally {
    ancestors.delete(value);
  }
}

/** Values that cannot hold a readable secret worth the cost of copying (or cannot be copied). */
function isOpaque(value: object): boolean {
  return (
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer ||
    value instanceof Date ||
    value instanceof RegExp ||
    value instanceof Promise ||
    (typeof Blob !== 'undefined' && value instanceof Blob)
  );
}

/**
 * Copies an error with the same prototype, so `instanceof` and brands (e.g. `isRunwareError`) still
 * hold, redacting every own property, including the non-enumerable `message`, `stack` and `cause`.
 */
function copyError(error: Error, next: (item: unknown) => unknown): Error {
  const copy = Object.create(Object.getPrototypeOf(error) as object | null) as Error;
  for (const key of Reflect.ownKeys(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key);
    if (descriptor === undefined) continue;
    const credential = typeof key === 'string' && isCredentialKey(key);
    Object.defineProperty(copy, key, {
      value: credential ? redactedMarker : next(readProperty(error, key)),
      enumerable: descriptor.enumerable ?? false,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** A throwing getter must not break logging. */
function readProperty(target: object, key: PropertyKey): unknown {
  try {
    return Reflect.get(target, key);
  } catch {
    return '[Unreadable]';
  }
}

/** `out[key] = value` would set the prototype for a key named `__proto__`; defining never does. */
function define(out: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}
