import { describe, expect, it } from 'vitest';
import { classifyErrorCode } from './classify-error';
import { isRetryableCode, type RunwareErrorCode } from './error-codes';

// Every raw code PROTOCOL.md §7 lists, with the category its rule table gives it.
const table: Record<Exclude<RunwareErrorCode, 'unknown'>, string[]> = {
  aborted: ['aborted'],
  connection: ['connectionFailed', 'notConnected', 'notOpen', 'reconnectionFailed', 'disconnected'],
  quota: [
    'quotaExceeded',
    'paymentRequired',
    'insufficientCredits',
    'providerInsufficientCredits',
    'thirdPartyInsufficientCredits',
    'textInferenceVideoInputInsufficientCredits',
  ],
  rateLimit: [
    'rateLimitExceeded',
    'inferenceRateLimitExceeded',
    'providerRateLimitExceeded',
    'inferenceRateLimitRequestTooLarge',
  ],
  safety: [
    'contentPolicyViolation',
    'providerContentPolicyViolation',
    'sensitiveContentDetected',
    'unsafeContentDetected',
    'nsfwContentDetected',
    'promptBlocked',
    'imageBlocked',
    'moderationFailed',
  ],
  auth: [
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
  ],
  timeout: ['providerTimeout', 'providerGatewayTimeout', 'webhookTimeout', 'timeout'],
  notFound: [
    'taskCancelled',
    'taskFailedOrNotFound',
    'unknownModel',
    'modelNotFound',
    'taskNotFound',
    'mediaNotFound',
    'providerNotFound',
    'taskExpired',
    'mediaExpired',
  ],
  serverError: [
    'internalServerError',
    'serviceUnavailable',
    'serverUnavailable',
    'standardError',
    'unknownError',
    'undefinedError',
    'defaultError',
    'unrecognizedResponse',
    'errorRetrievingAccountManagement',
  ],
  provider: [
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
  ],
  validation: [
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
  ],
};

describe('classifyErrorCode', () => {
  const rows = Object.entries(table).flatMap(([code, raws]) => raws.map((raw) => [raw, code] as const));
  it.each(rows)('%s → %s', (raw, code) => {
    expect(classifyErrorCode(raw)).toBe(code);
  });

  it.each([
    ['timeoutProvider', 'unknown'],
    ['safety', 'unknown'],
    ['authTimeout', 'auth'],
    ['providerNotFound', 'notFound'],
    ['InvalidApiKey', 'auth'],
    ['Invalidsomething', 'unknown'],
    ['somethingRateLimited', 'rateLimit'],
    ['ratelimitHit', 'unknown'],
    ['newProviderFailure', 'unknown'],
    ['providerSomethingNew', 'provider'],
    ['invalidWidth', 'validation'],
    ['lowBalance', 'quota'],
  ])('follows the rule order: %s → %s', (raw, code) => {
    expect(classifyErrorCode(raw)).toBe(code);
  });

  it('marks provider, timeout, connection, rateLimit and serverError retryable, and nothing else', () => {
    const retryable = (Object.keys(table) as RunwareErrorCode[]).filter(isRetryableCode).sort();
    expect(retryable).toEqual(['connection', 'provider', 'rateLimit', 'serverError', 'timeout']);
    expect(isRetryableCode('unknown')).toBe(false);
  });
});
