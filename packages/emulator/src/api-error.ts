/** One error object as the API sends it (PROTOCOL.md §7). */
export interface ApiErrorItem {
  code: string;
  message: string;
  parameter?: string;
  taskType?: string;
  taskUUID?: string;
  documentation?: string;
  allowedValues?: readonly unknown[];
}

export interface ErrorContext {
  parameter?: string | undefined;
  taskType?: string | undefined;
  taskUUID?: string | undefined;
  allowedValues?: readonly unknown[] | undefined;
}

export function apiError(code: string, message: string, context: ErrorContext = {}): ApiErrorItem {
  const error: ApiErrorItem = { code, message };
  if (context.parameter !== undefined) error.parameter = context.parameter;
  if (context.taskType !== undefined) error.taskType = context.taskType;
  if (context.taskUUID !== undefined) error.taskUUID = context.taskUUID;
  if (context.allowedValues !== undefined) error.allowedValues = context.allowedValues;
  error.documentation = `https://runware.ai/docs/platform/errors#${code.toLowerCase()}`;
  return error;
}

/**
 * The REST status of an error code. Follows the documented table (400 parameter, 401 key, 402
 * balance, 403 permission, 404 not found) and the usual meaning of the rest.
 */
export function httpStatusFor(code: string): number {
  if (code === 'invalidApiKey' || code === 'missingApiKey' || code === 'missingAuthentication') return 401;
  if (code === 'forbidden' || code === 'insufficientPermissions') return 403;
  if (/Credits|Quota|Balance/.test(code)) return 402;
  if (code === 'conflictTaskUUID') return 409;
  if (code === 'invalidRequestSize') return 413;
  if (/RateLimit|rateLimit/.test(code)) return 429;
  if (/NotFound$|Expired$/.test(code)) return 404;
  if (/Timeout/.test(code)) return 504;
  if (code === 'serviceUnavailable') return 503;
  if (code === 'internalServerError') return 500;
  // A task that ran and failed (provider, inference, safety) is not a server fault: clients retry
  // 5xx with the same taskUUID, which would only meet conflictTaskUUID. 422 is final and non-2xx.
  if (/^provider|^inference|Failed$|ContentPolicy|Detected$|Blocked$/.test(code)) return 422;
  return 400;
}
