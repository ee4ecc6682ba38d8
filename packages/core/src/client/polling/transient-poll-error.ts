import type { RunwareError } from '../../errors/runware-error';

/** Raw codes of a poll answer that could not be read: a proxy's page, a cut body. */
const unreadableCodes = new Set(['parseError', 'httpError', 'unrecognizedResponse']);

/**
 * Whether a failed poll says nothing final about its tasks: they may still be running, so they
 * stay pending. Retryable errors (server, connection, timeout, rate limit) are; so is an answer
 * that could not be read, unless its status is a 4xx other than 408/429 (a wrong URL, say).
 */
export function isTransientPollError(error: RunwareError, statusCode = error.statusCode): boolean {
  if (error.retryable) return true;
  if (!unreadableCodes.has(error.rawCode)) return false;
  return (
    statusCode === undefined ||
    statusCode < 400 ||
    statusCode >= 500 ||
    statusCode === 408 ||
    statusCode === 429
  );
}
