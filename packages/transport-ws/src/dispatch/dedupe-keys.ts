import type { RawApiError, ResultItem } from '@runware/core';

/**
 * Fields that name one result of a task (PROTOCOL.md §8): the output's media UUID, which a push,
 * its duplicate, its resume replay and its getResponse copy all carry, and which no two results of
 * a task share. `inputImageUUID` is not among them: every result of a task echoes the same input.
 */
const identityFields = [
  'imageUUID',
  'videoUUID',
  'audioUUID',
  'mediaUUID',
  'guideImageUUID',
  'maskImageUUID',
] as const;

/** Deeper than this, a frame's item is hostile or broken: its key stops there, not the stack. */
const maxKeyDepth = 64;

/** JSON with sorted keys, so the same item written in another key order has the same text. */
function canonical(value: unknown, depth = 0): string {
  if (depth >= maxKeyDepth) return '"[Truncated]"';
  const next = (entry: unknown) => canonical(entry, depth + 1);
  if (Array.isArray(value)) return `[${value.map(next).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${next(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** The field that names this result among its task's results, as `field\0value`; undefined when none does. */
function identityOf(item: ResultItem): string | undefined {
  for (const field of identityFields) {
    const value = item[field];
    if (typeof value === 'string' && value !== '') return `${field}\u0000${value}`;
  }
  const index = item.resultIndex;
  return typeof index === 'number' && Number.isInteger(index) ? `resultIndex\u0000${index}` : undefined;
}

/**
 * The identity of a result item within its task (keys are compared per task): its media UUID (or
 * `resultIndex`) when it has one, else its content less a `status: 'success'` that only
 * getResponse answers add. So a pushed item, its duplicate frame, its resume replay and the same
 * result read back through getResponse all count once, and a result with an identity costs no
 * serialisation of its payload (base64 outputs included). Items with another status (modelUpload's
 * `validated`, `ready`, …) are told apart by content: each is a step of its own.
 */
export function itemKey(item: ResultItem): string {
  if (item.status !== undefined && item.status !== 'success') return canonical(item);
  const identity = identityOf(item);
  if (identity !== undefined) return identity;
  if (item.status === undefined) return canonical(item);
  const { status: _status, ...rest } = item;
  return canonical(rest);
}

export function errorKey(error: RawApiError): string {
  return `${error.code}\u0000${error.message}`;
}
