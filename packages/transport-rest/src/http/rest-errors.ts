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
export const redactText = (text: string, secrets: readonly string[]): string =>
  redact(text, secrets) as string;

/** No answer from `origin` after `attempts` requests; the cause's text is quoted without the key. */
export function connectionError(
  context: ErrorContext,
  origin: string,
  attempts: number,
  cause: unknown,
  secrets: readonly string[],
): RunwareError {
  const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
  return createRunwareError(
    'connectionFailed',
    `Could not reach ${origin} (${tries}): ${redactText(describeCause(cause), secrets)}`,
    { ...context, cause },
  );
}

/** A 2xx answer whose body is not the JSON object the API sends. */
export function parseError(context: ErrorContext, status: number, cause?: unknown): RunwareError {
  return createRunwareError('parseError', `The API answered HTTP ${status} with a body that is not JSON.`, {
    ...context,
    statusCode: status,
    cause,
  });
}

/** The transport was closed while the request was in flight (or before it started). */
export const closedTransportError = (context: ErrorContext): RunwareError =>
  closedError(context, 'REST transport');

/** A wait (for a connection slot, before a retry) cut short: by the caller's abort, else by the close. */
export const interruption = (signal: AbortSignal | undefined, reason: unknown): FetchFailure =>
  signal?.aborted ? { kind: 'aborted', reason } : { kind: 'closed' };

/** Where a failed request went, for its error message. */
export interface Target {
  /** The API's origin (never the key, never a path). */
  origin: string;
  /** Hidden (`***`) in any text the message quotes. */
  secrets: readonly string[];
}

/**
 * The error of a request that ended without an answer. `attempts` counts the requests the
 * failure covers; none for a stream, whose timeout covers it whole.
 */
export function failureError(
  failure: FetchFailure,
  context: ErrorContext,
  target: Target,
  timeoutMs: number,
  attempts?: number,
): RunwareError {
  switch (failure.kind) {
    case 'aborted':
      return abortedError(context, failure.reason);
    case 'closed':
      return closedTransportError(context);
    case 'timeout':
      return timeoutError(context, timeoutMs, attempts);
    case 'network':
      return connectionError(context, target.origin, attempts ?? 1, failure.cause, target.secrets);
  }
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
 * error (a 429 that names none is `rateLimitExceeded`).
 */
export function retryAfterError(
  context: ErrorContext,
  status: number,
  raw: RawApiError | undefined,
  retryAfterMs: number,
  leftMs: number,
  secrets: readonly string[],
): RunwareError {
  const code =
    raw && !(status === 429 && classifyErrorCode(raw.code) !== 'rateLimit')
      ? raw.code
      : status === 429
        ? 'rateLimitExceeded'
        : 'httpError';
  const said = raw ? ` (${redactText(raw.message, secrets)})` : '';
  return createRunwareError(
    code,
    `The API answered HTTP ${status}${said} and asked to wait ${retryAfterMs / 1000} s (Retry-After) ` +
      `before retrying, more than the ${Math.max(0, Math.round(leftMs))} ms left of this call's timeout.`,
    { ...context, taskUUID: raw?.taskUUID ?? context.taskUUID, statusCode: status },
  );
}
