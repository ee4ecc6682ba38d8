/** The stable categories every RunwareError carries in `code`; switch on these, not on messages. */
export const runwareErrorCodes = [
  'validation',
  'auth',
  'quota',
  'rateLimit',
  'safety',
  'provider',
  'timeout',
  'notFound',
  'serverError',
  'connection',
  'aborted',
  'unknown',
] as const;

export type RunwareErrorCode = (typeof runwareErrorCodes)[number];

/** The official SDK's name for the categories. */
export type ErrorCode = RunwareErrorCode;

/** Categories worth retrying after a pause. */
const retryableCodes: ReadonlySet<RunwareErrorCode> = new Set([
  'provider',
  'timeout',
  'connection',
  'rateLimit',
  'serverError',
]);

export function isRetryableCode(code: RunwareErrorCode): boolean {
  return retryableCodes.has(code);
}

export function isRunwareErrorCode(value: unknown): value is RunwareErrorCode {
  return typeof value === 'string' && (runwareErrorCodes as readonly string[]).includes(value);
}
