import { isRetryableCode, isRunwareErrorCode, type RunwareErrorCode } from './error-codes';

/** A registry-wide symbol, so the brand survives duplicate installed copies and realms. */
const brand = Symbol.for('@runware/core/RunwareError');

/** One failed check of client-side validation. */
export interface ValidationIssue {
  message: string;
  /** Dotted path of the parameter, e.g. `lora.0.model`. */
  path: string;
  /** The JSON Schema keyword that failed, e.g. `required`, `enum`, `type`. */
  rule: string;
  /** That keyword's value in the schema, e.g. the allowed values of an enum. */
  ruleDefinition?: unknown;
}

export interface RunwareErrorDetails {
  /** The raw API code, e.g. `invalidPositivePrompt`. Unstable: prefer `code`. */
  rawCode: string;
  parameter?: string | undefined;
  documentation?: string | undefined;
  taskType?: string | undefined;
  taskUUID?: string | undefined;
  statusCode?: number | undefined;
  validationErrors?: readonly ValidationIssue[] | undefined;
  cause?: unknown;
}

/** Every error the SDK throws. Switch on `code`; `retryable` says whether a later retry can help. */
export class RunwareError extends Error {
  override readonly name = 'RunwareError';
  readonly code: RunwareErrorCode;
  readonly retryable: boolean;
  readonly rawCode: string;
  readonly parameter: string | undefined;
  readonly documentation: string | undefined;
  readonly taskType: string | undefined;
  readonly taskUUID: string | undefined;
  readonly statusCode: number | undefined;
  readonly validationErrors: readonly ValidationIssue[] | undefined;

  constructor(code: RunwareErrorCode, message: string, details: RunwareErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.retryable = isRetryableCode(code);
    this.rawCode = details.rawCode;
    this.parameter = details.parameter;
    this.documentation = details.documentation;
    this.taskType = details.taskType;
    this.taskUUID = details.taskUUID;
    this.statusCode = details.statusCode;
    this.validationErrors = details.validationErrors;
    Object.defineProperty(this, brand, { value: true });
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
