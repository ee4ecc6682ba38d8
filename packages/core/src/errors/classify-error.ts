import type { RunwareErrorCode } from './error-codes';

const connection = new Set([
  'connectionFailed',
  'notConnected',
  'notOpen',
  'reconnectionFailed',
  'disconnected',
]);
const quota = new Set([
  'quotaExceeded',
  'paymentRequired',
  'insufficientCredits',
  'providerInsufficientCredits',
  'thirdPartyInsufficientCredits',
  'textInferenceVideoInputInsufficientCredits',
]);
const rateLimit = new Set([
  'rateLimitExceeded',
  'inferenceRateLimitExceeded',
  'providerRateLimitExceeded',
  'inferenceRateLimitRequestTooLarge',
]);
const safety = new Set([
  'contentPolicyViolation',
  'providerContentPolicyViolation',
  'sensitiveContentDetected',
  'unsafeContentDetected',
  'nsfwContentDetected',
  'promptBlocked',
  'imageBlocked',
  'moderationFailed',
]);
const auth = new Set([
  'invalidApiKey',
  'missingApiKey',
  'unauthorized',
  'forbidden',
  'permissionDenied',
  'insufficientPermissions',
  'authenticationFailed',
  'authFailed',
  'authTimeout',
  'invalidAuthentication',
  'invalidCredentials',
  'missingAuthentication',
  'tokenExpired',
  'tokenInvalid',
  'tokenMissing',
  'tokenRevoked',
  'accountSuspended',
  'accountDisabled',
  'organizationSuspended',
  'organizationDisabled',
  'workspaceSuspended',
  'workspaceDisabled',
]);
const timeout = new Set(['providerTimeout', 'providerGatewayTimeout', 'webhookTimeout', 'timeout']);
const notFound = new Set([
  'taskCancelled',
  'taskFailedOrNotFound',
  'unknownModel',
  'modelNotFound',
  'taskNotFound',
  'mediaNotFound',
  'providerNotFound',
  'taskExpired',
  'mediaExpired',
]);
const serverError = new Set([
  'internalServerError',
  'serviceUnavailable',
  'serverUnavailable',
  'standardError',
  'unknownError',
  'undefinedError',
  'defaultError',
  'unrecognizedResponse',
  'errorRetrievingAccountManagement',
]);
const provider = new Set([
  'inferenceError',
  'processingFailed',
  'taskFailed',
  'downloadFailed',
  'uploadFailed',
  'noAvailableServer',
  'modelUnavailable',
  'modelDisabled',
  'modelNotReady',
  'mediaStorageFileCouldNotBeMoved',
  'providerError',
  'providerUnavailable',
  'providerBadGateway',
  'providerInternalError',
  'providerUnknownError',
  'providerAuthenticationFailed',
]);
const validation = new Set([
  'unknownParameter',
  'incompatibleParameters',
  'mismatchProviderSettingsProvider',
  'unknownProviderSettingsProvider',
  'transparentModelMismatch',
  'modelOwnershipValidationError',
  'modelAlreadyExists',
  'validationFailed',
  'invalidPositivePrompt',
  'missingPositivePrompt',
  'conflictTaskUUID',
  'duplicatePreloadModelAIR',
  'unsupportedTaskType',
  'valueTooLarge',
  'arrayTooSmall',
  'maxLycorisModelsExceeded',
  // A call on a closed client: a usage error, not worth retrying on that client.
  'clientClosed',
]);

/**
 * Maps a raw API error code onto a stable category. The rules are case-sensitive and checked in
 * this order, as the official SDKs do (PROTOCOL.md §7), so both agree on every code.
 */
export function classifyErrorCode(raw: string): RunwareErrorCode {
  if (raw === 'aborted') return 'aborted';
  if (connection.has(raw)) return 'connection';
  if (/Credits|Quota|Balance/.test(raw) || quota.has(raw)) return 'quota';
  if (raw.includes('RateLimit') || rateLimit.has(raw)) return 'rateLimit';
  if (safety.has(raw)) return 'safety';
  if (raw.includes('ApiKey') || auth.has(raw)) return 'auth';
  if (raw.includes('Timeout') || timeout.has(raw)) return 'timeout';
  if (/(NotFound|Expired)$/.test(raw) || notFound.has(raw)) return 'notFound';
  if (serverError.has(raw)) return 'serverError';
  if (raw.startsWith('provider') || provider.has(raw)) return 'provider';
  if (/^(invalid|missing|conflict|duplicate|unsupported|value|array|max)/.test(raw) || validation.has(raw))
    return 'validation';
  return 'unknown';
}
