/** When to try again, and how long to wait first. */

/** Refused before anything ran (408, 429), or a server/gateway failure (5xx). */
export const isRetryableStatus = (status: number): boolean =>
  status === 408 || status === 429 || (status >= 500 && status <= 599);

/**
 * A 5xx may come after the service accepted the tasks (a gateway dropping the answer, a crash
 * while replying), so the tasks' fate is unknown. 408 and 429 mean "not taken": safe to resend.
 */
export const mayHaveRun = (status: number): boolean => status >= 500;

/** Socket errors where no connection was made: the request never left this machine. */
const notConnectedCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** True only when the runtime says so (Node puts the code on `cause`); unsure means "maybe sent". */
export function neverSent(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && notConnectedCodes.has(code)) return true;
    current = cause;
  }
  return false;
}

/** `Retry-After` as milliseconds (delay-seconds or an HTTP date), or undefined when absent. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Exponential backoff from `baseMs` (retry 1 waits baseMs); the server's Retry-After wins. Both capped. */
export function retryDelay(retry: number, retryAfterMs: number | undefined, baseMs: number, capMs: number) {
  return Math.min(retryAfterMs ?? baseMs * 2 ** (retry - 1), capMs);
}
