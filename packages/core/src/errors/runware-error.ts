import { classifyErrorCode } from './classify-error';
import { isRetryableCode, isRunwareErrorCode, type RunwareErrorCode } from './error-codes';

/** A registry-wide symbol, so the brand survives duplicate installed copies and realms. */
const brand = Symbol.for('@runware/core/RunwareError');

/**
 * One failed check of client-side validation: an ajv error object (as the official SDK reports
 * them), with the SDK's friendlier `path`, `rule` and `ruleDefinition` beside it. The SDK's
 * validator always sets every field but ajv's verbose extras; an ajv `ErrorObject` (what code
 * written for the official SDK passes to `createRunwareError`) fits as it is.
 */
export interface ValidationIssue {
  /** JSON Pointer of the failing value, e.g. `/lora/0/model` (ajv). */
  instancePath: string;
  /** JSON Pointer of the failing keyword in the schema, e.g. `#/properties/width/type` (ajv). */
  schemaPath: string;
  /** The failing JSON Schema keyword (ajv); the same as `rule`. */
  keyword: string;
  /** The keyword's details, e.g. `{ missingProperty: 'model' }` or `{ allowedValues: [...] }` (ajv). */
  params: Record<string, unknown>;
  /** ajv's message, e.g. `must be number`. */
  message?: string;
  /** ajv, for `propertyNames` errors. */
  propertyName?: string;
  /** ajv's verbose extras; the SDK's validator leaves them out (they can hold whole inputs). */
  schema?: unknown;
  parentSchema?: unknown;
  data?: unknown;
  /** Dotted path of the parameter, e.g. `lora.0.model` (the SDK's validator). */
  path?: string;
  /** The JSON Schema keyword that failed, e.g. `required`, `enum`, `type` (the SDK's validator). */
  rule?: string;
  /** That keyword's value in the schema, e.g. the allowed values of an enum. */
  ruleDefinition?: unknown;
}

export interface RunwareErrorDetails {
  /**
   * @deprecated The raw code is the constructor's first argument. Kept for callers of the former
   * `new RunwareError(category, message, { rawCode })` form, which still works.
   */
  rawCode?: string | undefined;
  parameter?: string | undefined;
  documentation?: string | undefined;
  taskType?: string | undefined;
  taskUUID?: string | undefined;
  statusCode?: number | undefined;
  validationErrors?: readonly ValidationIssue[] | undefined;
  cause?: unknown;
}

/**
 * Every error the SDK throws. Switch on `code`; `retryable` says whether a later retry can help.
 * `new RunwareError(rawCode, message, details?)` derives both from the raw API code, as the
 * official SDK does; `createRunwareError` also derives `documentation`.
 */
export class RunwareError extends Error {
  override readonly name = 'RunwareError';
  /** The stable category of the error (`validation`, `auth`, `timeout`, …). */
  readonly code: RunwareErrorCode;
  /** Whether the same call, made again later, can succeed (provider, timeout, connection, rate limit, server errors). */
  readonly retryable: boolean;
  /** The raw API code, e.g. `invalidPositivePrompt`. Unstable: prefer `code`. */
  readonly rawCode: string;
  /** The request parameter at fault, when one is named: `width`, `lora.0.model`. */
  readonly parameter: string | undefined;
  /** A docs page about it: the model's page at that parameter, a utility's page, or the errors page. */
  readonly documentation: string | undefined;
  /** The failed task's taskType, when the error concerns one task. */
  readonly taskType: string | undefined;
  /** The failed task's taskUUID, when the error concerns one task. */
  readonly taskUUID: string | undefined;
  /** The HTTP status of the answer that carried the error (REST). */
  readonly statusCode: number | undefined;
  /** Client-side validation failures: ajv error objects, with `path`, `rule`, `ruleDefinition` beside. */
  readonly validationErrors: readonly ValidationIssue[] | undefined;

  /**
   * @param rawCode The raw API code (`invalidApiKey`, `providerTimeout`, …); `code` and `retryable`
   *   follow from it.
   */
  constructor(rawCode: string, message: string, details: RunwareErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    // The former internal form passed the category first and the raw code in details: keep it.
    const legacy = details.rawCode !== undefined && isRunwareErrorCode(rawCode);
    this.rawCode = legacy ? (details.rawCode as string) : String(rawCode);
    this.code = legacy ? (rawCode as RunwareErrorCode) : classifyErrorCode(this.rawCode);
    this.retryable = isRetryableCode(this.code);
    this.parameter = details.parameter;
    this.documentation = details.documentation;
    this.taskType = details.taskType;
    this.taskUUID = details.taskUUID;
    this.statusCode = details.statusCode;
    this.validationErrors = details.validationErrors;
    Object.defineProperty(this, brand, { value: true });
  }

  /**
   * `error instanceof RunwareError` holds for a RunwareError from any copy of this package: a
   * CommonJS app whose SDK loads an ESM layer, or two installed versions, would otherwise get
   * `false` for the SDK's own errors. The brand decides, not the prototype chain.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }

  /** A plain object that survives JSON (and `isRunwareError` recognises after a round trip). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
    };
    for (const key of [
      'rawCode',
      'parameter',
      'documentation',
      'taskType',
      'taskUUID',
      'statusCode',
      'validationErrors',
    ] as const) {
      if (this[key] !== undefined) out[key] = this[key];
    }
    return out;
  }
}

/**
 * True for a RunwareError from any copy of this package or any realm, and for one that went
 * through JSON (`{ name: 'RunwareError', code, message }`). Prefer it to `instanceof`.
 */
export function isRunwareError(value: unknown): value is RunwareError {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as Record<symbol, unknown>)[brand] === true) return true;
  const candidate = value as { name?: unknown; code?: unknown; message?: unknown };
  return (
    candidate.name === 'RunwareError' &&
    isRunwareErrorCode(candidate.code) &&
    typeof candidate.message === 'string'
  );
}
