import { createRunwareError, type RunwareError, type ValidationIssue } from '@runware/core';
import type { ErrorObject } from 'ajv/dist/2019.js';

export interface ValidationFailureContext {
  taskType: string;
  taskUUID: string | undefined;
  /** Curated slug: documentation then points at the model's page. */
  modelSlug?: string | undefined;
  /** Docs base URL the schemas service gave for a non-curated model; core adds the anchor. */
  documentation?: string | undefined;
}

/** Keywords that only summarise failures of their sub-schemas, which ajv reports as well. */
const summaryKeywords = new Set(['anyOf', 'oneOf', 'if']);
const maxListed = 8;

/** `/lora/0/model` → `lora.0.model` (JSON Pointer unescaped). */
export function dottedPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

const join = (base: string, name: unknown) => (base ? `${base}.${String(name)}` : String(name));

/** The parameter an error is about: for `required` and `additionalProperties`, the property itself. */
function parameterOf(error: ErrorObject): string {
  const base = dottedPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return join(base, params.missingProperty);
  if (error.keyword === 'additionalProperties') return join(base, params.additionalProperty);
  return base;
}

function listValues(values: readonly unknown[]): string {
  const shown = values.slice(0, maxListed).map((value) => JSON.stringify(value));
  const more = values.length > maxListed ? `, … (${values.length - maxListed} more)` : '';
  return `${shown.join(', ')}${more}`;
}

function describe(error: ErrorObject, parameter: string): string {
  const name = parameter || 'the task';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${name} is required`;
    case 'additionalProperties':
      return `${name} is not a known parameter`;
    case 'enum':
      return `${name} must be one of ${listValues(Array.isArray(params.allowedValues) ? params.allowedValues : [])}`;
    case 'const':
      return `${name} must be ${JSON.stringify(params.allowedValue)}`;
    default:
      return `${name} ${error.message ?? 'is not valid'}`;
  }
}

/**
 * Every ajv error as a ValidationIssue: ajv's own fields (as the official SDK reports them) and the
 * SDK's dotted `path`, `rule` and `ruleDefinition` beside them. ajv's verbose `data` and
 * `parentSchema` are left out: they can hold whole media inputs and schemas.
 */
export function toValidationIssues(errors: readonly ErrorObject[]): ValidationIssue[] {
  return errors.map((error) => {
    const path = parameterOf(error);
    return {
      instancePath: error.instancePath,
      schemaPath: error.schemaPath,
      keyword: error.keyword,
      params: { ...(error.params as Record<string, unknown>) },
      message: error.message ?? describe(error, path),
      path,
      rule: error.keyword,
      ruleDefinition: error.schema,
    };
  });
}

/** The most useful error: the first concrete one, before an anyOf/oneOf/if summary. */
function primaryIndex(errors: readonly ErrorObject[]): number {
  const index = errors.findIndex((error) => !summaryKeywords.has(error.keyword));
  return index === -1 ? 0 : index;
}

/** A `validation` RunwareError (raw `validationFailed`) naming the parameter and what is wrong. */
export function toRunwareError(
  errors: readonly ErrorObject[],
  context: ValidationFailureContext,
): RunwareError {
  const issues = toValidationIssues(errors);
  const index = primaryIndex(errors);
  const primary = issues[index];
  const first = errors[index];
  const parameter = primary?.path || undefined;
  const others = issues.length - 1;
  // The SDK's wording (naming the parameter, listing allowed values), not ajv's terse message.
  const what = first && primary ? describe(first, primary.path ?? '') : 'the task is not valid';
  const message = `Invalid ${context.taskType} parameters: ${what}${
    others > 0 ? ` (and ${others} more issue${others === 1 ? '' : 's'})` : ''
  }.`;
  return createRunwareError('validationFailed', message, {
    parameter,
    taskType: context.taskType,
    taskUUID: context.taskUUID,
    modelSlug: context.modelSlug,
    docsUrl: context.documentation,
    validationErrors: issues,
  });
}
