import {
  type ApiErrorContext,
  type CreateErrorDetails,
  createRunwareError as createCoreError,
  parseApiError as parseCoreError,
  type RunwareError,
} from '@runware/core';
import { models } from '@runware/types';

// The SDK holds the curated model table that core leaves out, so here an AIR given as `model`
// links its model page in `documentation`, as the official SDK does.

/** The curated slug of an AIR, if it is a curated model. */
const slugOf = (model: string | undefined): string | undefined =>
  model !== undefined && Object.hasOwn(models, model)
    ? (models as Readonly<Record<string, { id: string }>>)[model]?.id
    : undefined;

/**
 * `createRunwareError(rawCode, message, details?)`: `code` and `retryable` follow from the raw
 * code; with `details.model` a curated AIR, `documentation` is its model page (at
 * `#request-<parameter>` when one is named).
 */
export function createRunwareError(
  rawCode: string,
  message: string,
  details: CreateErrorDetails = {},
): RunwareError {
  return createCoreError(rawCode, message, {
    ...details,
    modelSlug: details.modelSlug ?? slugOf(details.model),
  });
}

/** `parseApiError(raw, context?)`: a server error answer as a RunwareError (see @runware/core). */
export function parseApiError(raw: unknown, context: ApiErrorContext = {}): RunwareError {
  return parseCoreError(raw, { ...context, modelSlug: context.modelSlug ?? slugOf(context.model) });
}
