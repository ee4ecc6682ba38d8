import {
  classifyErrorCode,
  createRunwareError,
  type RawApiError,
  type RunwareError,
  redact,
} from '@runware/core';
import {
  abortedError,
  type BodyTooLarge,
  closedError,
  describeCause,
  type ErrorContext,
  type FetchFailure,
  timeoutError,
} from '@runware/core/transport-kit';

/** `text` with every secret replaced by `***` (core's redaction). */
export const redactText = redact as (text: string, secrets: readonly string[]) => string;

/** The one error a non-JSON (or shapeless) error answer stands for. */
export function syntheticError(status: number, statusText: string): RawApiError {
  const reason = statusText ? ` ${statusText}` : '';
  return status === 401
    ? { code: 'invalidApiKey', message: `The API refused the API key (HTTP 401${reason}).` }
    : { code: 'httpError', message: `The API answered HTTP ${status}${reason}.` };
}

/** A 2xx answer whose body is not the JSON object the API sends. */
export const parseError = (context: ErrorContext, status: number, cause?: unknown): RunwareError =>
  createRunwareError('parseError', `The API answered HTTP ${status} with a body that is not JSON.`, {
    ...context,
    statusCode: status,
    cause,
  });

/** The transport was closed while the request was in flight (or before it started). */
export const closedTransportError = (context: ErrorContext): RunwareError =>
  closedError(context, 'REST transport');

/** A wait (for a connection slot, before a retry) cut short: by the caller's abort, else by the close. */
export const interruption = (signal: AbortSignal | undefined, reason: unknown): FetchFailure =>
  signal?.aborted ? { kind: 'aborted', reason } : { kind: 'closed' };

/** Where a failed request went, for its error message. */
export interface Target {
  /** The API's URL: only its origin is shown (never the key, never a path). */
  options: { httpBaseUrl: string };
  /** Hidden (`***`) in any text the message quotes. */
  secrets: readonly string[];
}

/**
 * The error of a request that ended without an answer. `attempts` counts the requests the
 * failure covers; none for a stream, whose timeout covers it whole. A network failure quotes its
 * cause without the key.
 */
export function failureError(
  failure: FetchFailure,
  context: ErrorContext,
  target: Target,
  timeoutMs: number,
  attempts?: number,
): RunwareError {
  if (failure.kind === 'aborted') return abortedError(context, failure.reason);
  if (failure.kind === 'closed') return closedTransportError(context);
  if (failure.kind === 'timeout') return timeoutError(context, timeoutMs, attempts);
  const { cause } = failure;
  const tries = attempts ?? 1;
  return createRunwareError(
    'connectionFailed',
    // The URL was checked when the transport was created, so it parses.
    `Could not reach ${new URL(target.options.httpBaseUrl).origin} (${tries} attempt${tries === 1 ? '' : 's'}): ${redactText(describeCause(cause), target.secrets)}`,
    { ...context, cause },
  );
}

/** An answer that passed `maxResponseSize`; not retried (the same request would get the same answer). */
export function tooLargeError(context: ErrorContext, status: number, body: BodyTooLarge): RunwareError {
  const seen =
    body.declared !== undefined
      ? `its Content-Length is ${body.declared} bytes`
      : `stopped reading after ${body.read} bytes`;
  return createRunwareError(
    'responseTooLarge',
    `The API's answer (HTTP ${status}) is larger than maxResponseSize (${body.limit} bytes): ${seen}.`,
    { ...context, statusCode: status, cause: body },
  );
}

/**
 * A `Retry-After` asking for a wait the call has no time left for. `raw` is the answer's own
 * error (parseAnswer makes one up from the status when the body names none); a 429 whose error
 * is no rate limit is `rateLimitExceeded`.
 */
export function retryAfterError(
  context: ErrorContext,
  status: number,
  raw: RawApiError,
  retryAfterMs: number,
  leftMs: number,
  secrets: readonly string[],
): RunwareError {
  return createRunwareError(
    status === 429 && classifyErrorCode(raw.code) !== 'rateLimit' ? 'rateLimitExceeded' : raw.code,
    `The API answered HTTP ${status} (${redactText(raw.message, secrets)}) and asked to wait ${retryAfterMs / 1000} s (Retry-After) ` +
      `before retrying, more than the ${Math.max(0, Math.round(leftMs))} ms left of this call's timeout.`,
    { ...context, taskUUID: raw.taskUUID ?? context.taskUUID, statusCode: status },
  );
}
