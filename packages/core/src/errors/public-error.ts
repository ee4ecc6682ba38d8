import { redact } from '../logger/redact';
import { createRunwareError } from './create-runware-error';
import { isRunwareError, type RunwareError } from './runware-error';

/** Cheap test first: most errors hold no credential, and copying one costs its stack. */
function mentionsCredential(error: unknown, secrets: readonly string[]): boolean {
  let text: string;
  try {
    text = JSON.stringify(redactable(error));
  } catch {
    return true;
  }
  if (/bearer\s/i.test(text)) return true;
  return secrets.some((secret) => secret.length > 0 && text.includes(secret));
}

/** What an error carries that a user may print: message, stack, fields and cause (one level of text). */
function redactable(error: unknown): unknown {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return {
    error: isRunwareError(error) ? error.toJSON() : { message: error.message },
    stack: error.stack,
    cause: cause instanceof Error ? { message: cause.message, stack: cause.stack } : cause,
  };
}

/**
 * Every rejection of a public method goes through here: a RunwareError whose message, fields,
 * stack and cause hold neither `secrets` (the API key) nor any `Bearer …` value, whatever produced
 * it (a server quoting the key, a proxy echoing the header). Anything that is not a RunwareError
 * (a bug, a runtime TypeError) becomes one of code `unknown` (raw `sdkError`, not retryable), with the original as its cause.
 */
export function toPublicError(error: unknown, secrets: readonly string[]): RunwareError {
  const wrapped = isRunwareError(error)
    ? error
    : createRunwareError(
        'sdkError',
        `Unexpected error: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
  return mentionsCredential(wrapped, secrets) ? (redact(wrapped, secrets) as RunwareError) : wrapped;
}
