import type { ResultItem, TransportResultV1 } from '@runware/core';
import { readApiErrors } from '@runware/core/transport-kit';
import { syntheticError } from './rest-errors';

export type ParsedAnswer =
  | { ok: true; result: TransportResultV1 }
  /** A 2xx whose body is not a JSON object: the caller raises `parseError`. */
  | { ok: false; cause: unknown };

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An error object without a code, but with something to say, gets one from the status. */
const statusFallback = (status: number) => (entry: JsonObject) =>
  typeof entry.message === 'string' || typeof entry.errorMessage === 'string' || entry.error === true
    ? status === 401
      ? 'invalidApiKey'
      : 'unknownError'
    : undefined;

/** `data` as a list of objects: one item may come bare, and anything else is dropped. */
const collectData = (body: JsonObject) => [body.data].flat().filter(isObject) as ResultItem[];

/**
 * Turns one HTTP answer into `{data, errors, status}`. Error statuses always carry at least one
 * error: when the body has none (or is not JSON) one is made up from the status.
 */
export function parseAnswer(status: number, statusText: string, text: string): ParsedAnswer {
  const success = status >= 200 && status < 300;
  let body: unknown;
  try {
    body = text.trim() === '' ? undefined : JSON.parse(text);
  } catch (cause) {
    if (success) return { ok: false, cause };
  }
  // A 204 may have no body at all.
  if (success && !isObject(body) && !(body === undefined && status === 204))
    return { ok: false, cause: new Error('the body is not a JSON object') };
  // An error answer (or a 204) whose body is not a JSON object reads as one without data or errors.
  const object = isObject(body) ? body : {};
  const errors = readApiErrors(object, { fallbackCode: statusFallback(status) });
  if (!success && errors.length === 0) errors.push(syntheticError(status, statusText));
  return { ok: true, result: { data: collectData(object), errors, status } };
}
