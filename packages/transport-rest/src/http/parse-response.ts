import type { RawApiError, ResultItem, TransportResultV1 } from '@runware/core';
import { readApiErrors } from '@runware/core/transport-kit';

export type ParsedAnswer =
  | { ok: true; result: TransportResultV1 }
  /** A 2xx whose body is not a JSON object: the caller raises `parseError`. */
  | { ok: false; cause: unknown };

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isSuccess = (status: number) => status >= 200 && status < 300;

/** The one error a non-JSON (or shapeless) error answer stands for. */
export function syntheticError(status: number, statusText: string): RawApiError {
  const reason = statusText ? ` ${statusText}` : '';
  return status === 401
    ? { code: 'invalidApiKey', message: `The API refused the API key (HTTP 401${reason}).` }
    : { code: 'httpError', message: `The API answered HTTP ${status}${reason}.` };
}

/** An error object without a code, but with something to say, gets one from the status. */
const statusFallback = (status: number) => (entry: JsonObject) =>
  typeof entry.message === 'string' || typeof entry.errorMessage === 'string' || entry.error === true
    ? status === 401
      ? 'invalidApiKey'
      : 'unknownError'
    : undefined;

function collectData(body: JsonObject): ResultItem[] {
  const field = body.data;
  const list = Array.isArray(field) ? field : field === undefined ? [] : [field];
  return list.filter(isObject) as ResultItem[];
}

/**
 * Turns one HTTP answer into `{data, errors, status}`. Error statuses always carry at least one
 * error: when the body has none (or is not JSON) one is made up from the status.
 */
export function parseAnswer(status: number, statusText: string, text: string): ParsedAnswer {
  let body: unknown;
  try {
    body = text.trim() === '' ? undefined : JSON.parse(text);
  } catch (cause) {
    if (isSuccess(status)) return { ok: false, cause };
    body = undefined;
  }
  if (isSuccess(status)) {
    if (body === undefined && status === 204) return { ok: true, result: { data: [], errors: [], status } };
    if (!isObject(body)) return { ok: false, cause: new Error('the body is not a JSON object') };
    return {
      ok: true,
      result: {
        data: collectData(body),
        errors: readApiErrors(body, { fallbackCode: statusFallback(status) }),
        status,
      },
    };
  }
  const data = isObject(body) ? collectData(body) : [];
  const errors = isObject(body) ? readApiErrors(body, { fallbackCode: statusFallback(status) }) : [];
  if (errors.length === 0) errors.push(syntheticError(status, statusText));
  return { ok: true, result: { data, errors, status } };
}
