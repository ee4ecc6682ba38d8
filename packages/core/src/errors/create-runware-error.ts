import { RunwareError, type ValidationIssue } from './runware-error';

export interface CreateErrorDetails {
  /** The parameter at fault; the first one when the API names several. */
  parameter?: string | readonly string[] | undefined;
  taskType?: string | undefined;
  taskUUID?: string | undefined;
  statusCode?: number | undefined;
  /**
   * The model the task ran, as the official SDK takes it. A curated slug (no `:`/`@`) points
   * `documentation` at the model's page; an AIR needs `modelSlug` (core holds no model table).
   */
  model?: string | undefined;
  /** The curated slug of the model, so `documentation` can point at the model's page. */
  modelSlug?: string | undefined;
  /** The model's docs base URL from the schemas service (`/resolve`), for a non-curated model. */
  docsUrl?: string | undefined;
  /**
   * @deprecated Ignored: `documentation` is derived by the SDK, never copied from the server
   * (PROTOCOL.md §7). Pass `modelSlug`, `docsUrl` or `taskType` instead.
   */
  documentation?: string | undefined;
  validationErrors?: readonly ValidationIssue[] | undefined;
  cause?: unknown;
}

const docsBase = 'https://runware.ai/docs';
const errorsPage = `${docsBase}/platform/errors`;

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

/**
 * The platform page of each utility task, under https://runware.ai/docs/platform/:
 * model-search, image-upload, media-storage, model-upload, account-management, task-responses
 * (getResponse, i.e. polling) and task-details (getTaskDetails).
 */
const utilityPages: ReadonlyMap<string, string> = new Map([
  ['modelSearch', 'model-search'],
  ['imageUpload', 'image-upload'],
  ['mediaStorage', 'media-storage'],
  ['modelUpload', 'model-upload'],
  ['accountManagement', 'account-management'],
  ['getResponse', 'task-responses'],
  ['getTaskDetails', 'task-details'],
]);

/** The first parameter named; anything but a string (a malformed answer) names none. */
function firstOf(parameter: unknown): string | undefined {
  const first: unknown = Array.isArray(parameter) ? parameter[0] : parameter;
  return typeof first === 'string' && first !== '' ? first : undefined;
}

/** A curated slug: what `model` holds when it is not an AIR (AIRs hold both `:` and `@`). */
const slugOf = (model: string | undefined) =>
  model && !(model.includes(':') && model.includes('@')) ? model : undefined;

/**
 * Where to read about an error, derived by the SDK (PROTOCOL.md §7): a curated model's page
 * (`https://runware.ai/docs/models/<slug>`), else the `/resolve` docs URL, with the anchor
 * `#request-<parameter, '.'→'-', lower-case>` when a parameter is named; a utility's platform
 * page; the errors page for codes the SDK makes up and for anything else.
 */
export function documentationFor(rawCode: string, details: CreateErrorDetails): string {
  if (sdkOnlyCodes.has(rawCode)) return errorsPage;
  const parameter = firstOf(details.parameter);
  const anchor = parameter ? `#request-${parameter.replace(/\./g, '-').toLowerCase()}` : '';
  const slug = details.modelSlug ?? slugOf(details.model);
  if (slug) return `${docsBase}/models/${slug}${anchor}`;
  if (details.docsUrl) return `${details.docsUrl.replace(/#.*$/, '')}${anchor}`;
  const page = details.taskType === undefined ? undefined : utilityPages.get(details.taskType);
  if (page) return `${docsBase}/platform/${page}${anchor}`;
  return errorsPage;
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
  return new RunwareError(rawCode, message, {
    parameter: firstOf(details.parameter),
    documentation: documentationFor(rawCode, details),
    taskType: details.taskType,
    taskUUID: details.taskUUID,
    statusCode: details.statusCode,
    validationErrors: details.validationErrors,
    cause: details.cause,
  });
}
