import type { RunwareErrorCode } from './error-codes';

/**
 * The rules of PROTOCOL.md §7, checked in this order as the official SDKs do, so both agree on
 * every code: a category, the pattern its codes match (case-sensitive), and the codes the pattern
 * misses. A code a pattern already covers is not listed again (classify-error.test.ts holds every
 * code of §7), which keeps the table a few hundred bytes in an edge bundle.
 */
const rules: readonly (readonly [RunwareErrorCode, RegExp | undefined, string])[] = [
  ['aborted', undefined, 'aborted'],
  ['connection', undefined, 'connectionFailed notConnected notOpen reconnectionFailed disconnected'],
  ['quota', /Credits|Quota|Balance/, 'quotaExceeded paymentRequired'],
  ['rateLimit', /RateLimit/, 'rateLimitExceeded'],
  [
    'safety',
    undefined,
    'contentPolicyViolation providerContentPolicyViolation sensitiveContentDetected unsafeContentDetected nsfwContentDetected promptBlocked imageBlocked moderationFailed',
  ],
  [
    'auth',
    /ApiKey/,
    'unauthorized forbidden permissionDenied insufficientPermissions authenticationFailed authFailed authTimeout invalidAuthentication invalidCredentials missingAuthentication tokenExpired tokenInvalid tokenMissing tokenRevoked accountSuspended accountDisabled organizationSuspended organizationDisabled workspaceSuspended workspaceDisabled',
  ],
  ['timeout', /Timeout/, 'timeout'],
  ['notFound', /(NotFound|Expired)$/, 'taskCancelled unknownModel'],
  [
    'serverError',
    undefined,
    'internalServerError serviceUnavailable serverUnavailable standardError unknownError undefinedError defaultError unrecognizedResponse errorRetrievingAccountManagement',
  ],
  [
    'provider',
    /^provider/,
    'inferenceError processingFailed taskFailed downloadFailed uploadFailed noAvailableServer modelUnavailable modelDisabled modelNotReady mediaStorageFileCouldNotBeMoved',
  ],
  [
    'validation',
    /^(invalid|missing|conflict|duplicate|unsupported|value|array|max)/,
    // clientClosed: a call on a closed client is a usage error, not worth retrying on that client.
    'unknownParameter incompatibleParameters mismatchProviderSettingsProvider unknownProviderSettingsProvider transparentModelMismatch modelOwnershipValidationError modelAlreadyExists validationFailed clientClosed',
  ],
];

/** Maps a raw API error code onto a stable category (`unknown` when no rule matches). */
export function classifyErrorCode(raw: string): RunwareErrorCode {
  for (const [code, pattern, names] of rules)
    if (pattern?.test(raw) || names.split(' ').includes(raw)) return code;
  return 'unknown';
}
