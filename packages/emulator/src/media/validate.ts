/** Spec checks: each failure is a plain Error that names the offending field. */

export const MAX_DIMENSION = 4096;
export const MAX_DURATION_MS = 600_000;

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export function checkObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) throw new Error(`${what}: expected an object`);
  return value as Record<string, unknown>;
}

export function checkDimension(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_DIMENSION) {
    throw new Error(`${name}: expected an integer from 1 to ${MAX_DIMENSION}, got ${describe(value)}`);
  }
  return value;
}

export function checkFormat<T extends string>(value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new Error(`format: expected one of ${allowed.join(', ')}, got ${describe(value)}`);
  }
  return value as T;
}

export function checkSeed(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`seed: expected a finite number, got ${describe(value)}`);
  }
  return value;
}

export function checkPrompt(value: unknown): string {
  if (typeof value !== 'string') throw new Error(`prompt: expected a string, got ${describe(value)}`);
  return value;
}

export function checkDuration(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_DURATION_MS) {
    throw new Error(
      `durationMs: expected a number above 0 and at most ${MAX_DURATION_MS}, got ${describe(value)}`,
    );
  }
  return value;
}

export function checkOptionalRange(
  name: string,
  value: unknown,
  min: number,
  max: number,
  integer: boolean,
): void {
  if (value === undefined) return;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= min &&
    value <= max &&
    (!integer || Number.isInteger(value));
  if (!ok) {
    const kind = integer ? 'an integer' : 'a number';
    throw new Error(`${name}: expected ${kind} from ${min} to ${max}, got ${describe(value)}`);
  }
}

export function checkOptionalBoolean(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') {
    throw new Error(`${name}: expected a boolean, got ${describe(value)}`);
  }
}
