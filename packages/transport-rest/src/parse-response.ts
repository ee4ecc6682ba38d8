import type { RawApiError, ResultItem, TransportResultV1 } from '@runware/core';

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

function toError(value: unknown, status: number): RawApiError | undefined {
  if (!isObject(value)) return undefined;
  const code = typeof value.code === 'string' && value.code !== '' ? value.code : undefined;
  const message =
    typeof value.message === 'string'
      ? value.message
      : typeof value.errorMessage === 'string'
        ? value.errorMessage
        : undefined;
  if (code === undefined && message === undefined) return undefined;
  return {
    ...value,
    code: code ?? (status === 401 ? 'invalidApiKey' : 'unknownError'),
    message: message ?? code ?? 'Unknown error.',
  };
}

/**
 * Errors under `errors` (documented) and `error` (also seen; an object or an array). The very old
 * `{error: true, errorMessage}` form becomes one error too.
 */
function collectErrors(body: JsonObject, status: number): RawApiError[] {
  const out: RawApiError[] = [];
  for (const field of [body.errors, body.error]) {
    const list = Array.isArray(field) ? field : [field];
    for (const entry of list) {
      const error = toError(entry, status);
      if (error) out.push(error);
    }
  }
  if (body.error === true && out.length === 0) {
    const legacy = toError({ message: body.errorMessage ?? 'Unknown error.' }, status);
    if (legacy) out.push(legacy);
  }
  // A pre-stream error puts taskUUID/taskType beside `error`, not inside it.
  const outerUUID = typeof body.taskUUID === 'string' ? body.taskUUID : undefined;
  const outerType = typeof body.taskType === 'string' ? body.taskType : undefined;
  return out.map((error) => ({
    ...error,
    ...(error.taskUUID === undefined && outerUUID !== undefined ? { taskUUID: outerUUID } : {}),
    ...(error.taskType === undefined && outerType !== undefined ? { taskType: outerType } : {}),
  }));
}

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
    return { ok: true, result: { data: collectData(body), errors: collectErrors(body, status), status } };
  }
  const data = isObject(body) ? collectData(body) : [];
  const errors = isObject(body) ? collectErrors(body, status) : [];
  if (errors.length === 0) errors.push(syntheticError(status, statusText));
  return { ok: true, result: { data, errors, status } };
}
