import type { RawApiError } from '../spec/task';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface ReadApiErrorsOptions {
  /**
   * The code of an error object that carries none (or an empty one), given the object; undefined
   * drops it. A REST answer falls back by its HTTP status, a WebSocket frame by its legacy fields.
   */
  fallbackCode?: (entry: JsonObject) => string | undefined;
}

/** Whether a body holds an error list in any spelling the service uses. */
export function hasApiErrors(body: JsonObject): boolean {
  return (
    Array.isArray(body.errors) || Array.isArray(body.error) || isObject(body.error) || body.error === true
  );
}

/**
 * The errors of one answer (an HTTP body or a WebSocket frame), whichever spelling it uses:
 * `errors[]` (documented), `error{}` or `error[]` (also seen), and the very old
 * `{ error: true, errorMessage }`. Each becomes a RawApiError with a code and a message; the
 * body's own `taskUUID`/`taskType` (a pre-stream error puts them beside `error`) fill in what an
 * error lacks, and an empty taskUUID is dropped.
 */
export function readApiErrors(body: JsonObject, options: ReadApiErrorsOptions = {}): RawApiError[] {
  const entries: unknown[] = [];
  for (const field of [body.errors, body.error]) {
    if (Array.isArray(field)) entries.push(...field);
    else if (isObject(field)) entries.push(field);
  }
  if (entries.length === 0 && body.error === true) {
    // The legacy form is the body itself; its results are no part of the error.
    const { data: _data, ...legacy } = body;
    entries.push(legacy);
  }
  const out: RawApiError[] = [];
  for (const entry of entries) {
    if (!isObject(entry)) continue;
    // Its own code when it has a non-empty one.
    const code = entry.code && typeof entry.code === 'string' ? entry.code : options.fallbackCode?.(entry);
    if (code === undefined) continue;
    const message =
      typeof entry.message === 'string'
        ? entry.message
        : typeof entry.errorMessage === 'string'
          ? entry.errorMessage
          : code;
    const raw: RawApiError = { ...entry, code, message };
    for (const key of ['taskUUID', 'taskType'] as const)
      if (raw[key] === undefined && typeof body[key] === 'string') raw[key] = body[key];
    if (!raw.taskUUID || typeof raw.taskUUID !== 'string') delete raw.taskUUID;
    out.push(raw);
  }
  return out;
}
