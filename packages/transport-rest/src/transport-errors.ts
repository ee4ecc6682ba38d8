import { createRunwareError, type RunwareError, type TaskPayload } from '@runware/core';

/** What an error can say about the request it ends: the task, when the batch held exactly one. */
export interface ErrorContext {
  taskType?: string | undefined;
  taskUUID?: string | undefined;
}

export function contextOf(tasks: readonly TaskPayload[]): ErrorContext {
  const only = tasks.length === 1 ? tasks[0] : undefined;
  return only ? { taskType: only.taskType, taskUUID: only.taskUUID } : {};
}

/**
 * Removes the API key from text that came from elsewhere (a fetch error, a server message), so
 * no message or log line can carry it even if a proxy or a runtime echoes request headers.
 */
export function createRedactor(apiKey: string): (text: string) => string {
  return (text) => (apiKey.length > 0 ? text.split(apiKey).join('[redacted]') : text);
}

/** A short description of a fetch failure, with the low-level code (ECONNREFUSED…) when there is one. */
export function describeCause(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  const code = lowLevelCode(cause);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

/** The `code` of an error or of its `cause` chain (Node and undici put socket codes there). */
export function lowLevelCode(cause: unknown): string | undefined {
  let current: unknown = cause;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function abortedError(context: ErrorContext, reason: unknown): RunwareError {
  return createRunwareError('aborted', 'The request was aborted by the caller.', {
    ...context,
    cause: reason,
  });
}

export function closedError(context: ErrorContext): RunwareError {
  return createRunwareError('disconnected', 'The REST transport was closed before the request completed.', {
    ...context,
  });
}

export function connectionError(
  context: ErrorContext,
  origin: string,
  attempts: number,
  cause: unknown,
  redact: (text: string) => string,
): RunwareError {
  const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
  return createRunwareError(
    'connectionFailed',
    `Could not reach ${origin} (${tries}): ${redact(describeCause(cause))}`,
    { ...context, cause },
  );
}

export function timeoutError(context: ErrorContext, timeoutMs: number, attempts: number): RunwareError {
  const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
  return createRunwareError('timeout', `No answer within ${timeoutMs} ms per attempt (${tries}).`, context);
}

export function parseError(context: ErrorContext, status: number, cause?: unknown): RunwareError {
  return createRunwareError('parseError', `The API answered HTTP ${status} with a body that is not JSON.`, {
    ...context,
    statusCode: status,
    cause,
  });
}
