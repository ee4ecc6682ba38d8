import { type ApiErrorExtra, mapApiError } from '../client/map-api-error';
import type { RawApiError } from '../spec/task';
import type { RunwareError } from './runware-error';

/** What the caller knows about the request an error answers; the error's own fields win. */
export interface ApiErrorContext extends ApiErrorExtra {
  taskType?: string | undefined;
  taskUUID?: string | undefined;
}

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null;
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Turns a server error answer into a RunwareError: `{ errors: [...] }`, `{ error: {...} }` (or
 * `{ error: [...] }`), a bare array of error items, or one error item. The first error is used;
 * `code` and `retryable` come from its raw code, `documentation` is derived (PROTOCOL.md §7).
 * An answer with no recognisable error gives raw `unknownError`.
 *
 * @param raw The parsed JSON body of the answer.
 * @param context What the request was: `taskType`/`taskUUID` fill in what the error leaves out;
 *   `statusCode`, and `modelSlug`/`model`/`docsUrl` for the documentation link.
 */
export function parseApiError(raw: unknown, context: ApiErrorContext = {}): RunwareError {
  const { taskType, taskUUID, ...extra } = context;
  const answer: Fields = Array.isArray(raw) ? { errors: raw } : isObject(raw) ? raw : {};
  // A lone error item is its own list; the very old `{ error: true, errorMessage }` has none.
  const list = answer.errors ?? answer.error ?? (text(answer.code) ? answer : undefined);
  const first: unknown = Array.isArray(list) ? list[0] : list;
  const error: Partial<RawApiError> = isObject(first) ? first : { message: text(answer.errorMessage) };
  // The outer taskType/taskUUID of a pre-stream `{ error, taskUUID }` apply to its error (§3).
  return mapApiError(
    error,
    { taskType: text(answer.taskType) ?? taskType, taskUUID: text(answer.taskUUID) ?? taskUUID },
    extra,
  );
}
