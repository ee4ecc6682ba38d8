import { classifyErrorCode } from './classify-error';
import { RunwareError, type ValidationIssue } from './runware-error';

export interface CreateErrorDetails {
  /** The parameter at fault; the first one when the API names several. */
  parameter?: string | readonly string[] | undefined;
  taskType?: string | undefined;
  taskUUID?: string | undefined;
  statusCode?: number | undefined;
  /** The curated slug of the model, so `documentation` can point at the model's page. */
  modelSlug?: string | undefined;
  /** A documentation URL from the API; it wins over the derived one. */
  documentation?: string | undefined;
  validationErrors?: readonly ValidationIssue[] | undefined;
  cause?: unknown;
}

const docsBase = 'https://runware.ai/docs';

/** Codes the SDK makes up itself; their documentation is the errors page. */
const sdkOnlyCodes = new Set([
  'aborted',
  'unknownModel',
  'noFetchImpl',
  'noWebSocketImpl',
  'streamUnsupported',
  'notConnected',
  'notOpen',
  'reconnectionFailed',
  'sendFailed',
  'connectionFailed',
  'missingApiKey',
  'parseError',
  'httpError',
  'notImplemented',
  'disconnected',
  'timeout',
  'invalidConfig',
  'invalidParams',
  'invalidOption',
  'clientClosed',
  'sdkError',
  'responseTooLarge',
]);

const utilityTaskTypes = new Set([
  'modelSearch',
  'modelUpload',
  'imageUpload',
  'mediaStorage',
  'accountManagement',
  'getTaskDetails',
  'getResponse',
]);

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Where to read about an error: the model's page (at the parameter), a utility's page, or errors. */
export function documentationFor(rawCode: string, details: CreateErrorDetails): string {
  if (details.documentation) return details.documentation;
  const parameter = typeof details.parameter === 'string' ? details.parameter : details.parameter?.[0];
  const anchor = parameter ? `#request-${parameter.replace(/\./g, '-').toLowerCase()}` : '';
  if (sdkOnlyCodes.has(rawCode)) return `${docsBase}/platform/errors`;
  if (details.modelSlug) return `${docsBase}/models/${details.modelSlug}${anchor}`;
  if (details.taskType && utilityTaskTypes.has(details.taskType))
    return `${docsBase}/platform/${kebab(details.taskType)}${anchor}`;
  return `${docsBase}/platform/errors`;
}

/**
 * Builds a RunwareError from a raw API code the way the SDK does internally: the stable `code` and
 * `retryable` come from the raw code, `documentation` from the model, utility or parameter.
 */
export function createRunwareError(
  rawCode: string,
  message: string,
  details: CreateErrorDetails = {},
): RunwareError {
  const parameter = typeof details.parameter === 'string' ? details.parameter : details.parameter?.[0];
  return new RunwareError(classifyErrorCode(rawCode), message, {
    rawCode,
    parameter,
    documentation: documentationFor(rawCode, details),
    taskType: details.taskType,
    taskUUID: details.taskUUID,
    statusCode: details.statusCode,
    validationErrors: details.validationErrors,
    cause: details.cause,
  });
}
