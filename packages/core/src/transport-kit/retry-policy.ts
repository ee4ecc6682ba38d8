import { lowLevelCode } from './describe-cause';

/** Statuses worth another attempt: request timeout, rate limit, server and gateway errors. */
export const isRetryableStatus = (status: number): boolean =>
  status === 408 || status === 429 || (status >= 500 && status <= 599);

/**
 * Socket codes that mean the request never left this machine (no connection was made), so the
 * server cannot have seen the tasks and they can be sent again without asking first.
 */
const notSentCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Whether a failed request certainly never reached the server; takes the error or its code. */
export function neverSent(cause: unknown): boolean {
  const code = typeof cause === 'string' ? cause : lowLevelCode(cause);
  return code !== undefined && notSentCodes.has(code);
}
