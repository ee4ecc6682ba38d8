import type { RawApiError, ResultItem } from '@runware/core';

/** JSON with sorted keys, so the same item written in another key order has the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/**
 * The identity of a result item: its content, less a `status: 'success'` that only getResponse
 * answers add. So a pushed item, its duplicate frame, its resume replay and the same result read
 * back through getResponse all count once. (Two results of one task always differ: UUIDs, seeds.)
 */
export function itemKey(item: ResultItem): string {
  if (item.status !== 'success') return canonical(item);
  const { status: _status, ...rest } = item;
  return canonical(rest);
}

export function errorKey(error: RawApiError): string {
  return `${error.code}\u0000${error.message}`;
}
