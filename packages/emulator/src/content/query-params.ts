/**
 * Query-string parsing with strict validation: the emulator exists to check clients, so a value it
 * cannot honour is a 400 naming the parameter rather than a silently ignored filter.
 *
 * Conventions: an empty value (`?sort=`) counts as absent; a parameter the path does not take is an
 * error; single-valued parameters may appear once; list filters take repeats and/or commas
 * (`?category=image,video` = `?category=image&category=video`) and match any of their values.
 */

/** Thrown by the parsers; the router turns it into a 400 `invalidParameter`. */
export class InvalidParameter extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidParameter';
  }
}

/** Rejects any parameter outside `allowed`. */
export function assertOnly(query: URLSearchParams, allowed: readonly string[]): void {
  for (const name of query.keys()) {
    if (!allowed.includes(name)) {
      const accepted =
        allowed.length === 0 ? 'this path takes no query parameters' : `accepted: ${allowed.join(', ')}`;
      throw new InvalidParameter(name, `Unknown query parameter '${name}' (${accepted}).`);
    }
  }
}

/** The value of a single-valued parameter, or undefined when absent or empty. */
export function single(query: URLSearchParams, name: string): string | undefined {
  const values = query.getAll(name).filter((v) => v !== '');
  if (values.length > 1) throw new InvalidParameter(name, `'${name}' may be given only once.`);
  return values[0];
}

/** All values of a list filter: repeats and comma-separated items, trimmed, empty ones dropped. */
export function list(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) {
    throw new InvalidParameter(name, `'${name}' must be one of ${allowed.join(', ')}; got '${value}'.`);
  }
  return found;
}

/** Every item of a list filter, each checked against the known values. */
export function listOf<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[]): T[] {
  return list(query, name).map((v) => oneOf(name, v, allowed));
}

/** A list filter whose values must be known ids (creators, capabilities); `hint` says where to look. */
export function listOfKnown(
  query: URLSearchParams,
  name: string,
  known: { has(id: string): boolean },
  hint: string,
): string[] {
  const values = list(query, name);
  for (const v of values) {
    if (!known.has(v)) throw new InvalidParameter(name, `Unknown ${name} '${v}'; ${hint}.`);
  }
  return values;
}

/** A non-negative decimal integer (no sign, no fraction, no exponent). */
export function nonNegativeInteger(name: string, value: string): number {
  if (!/^\d+$/.test(value)) {
    throw new InvalidParameter(name, `'${name}' must be a non-negative integer; got '${value}'.`);
  }
  return Number(value);
}

/** `true` or `false`, exactly. */
export function boolean(name: string, value: string): boolean {
  return oneOf(name, value, ['true', 'false'] as const) === 'true';
}
