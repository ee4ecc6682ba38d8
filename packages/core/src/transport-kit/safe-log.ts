import { redact, redactString } from '../logger/redact';

export type SafeLog<Category extends string> = (category: Category, message: string, data?: unknown) => void;

/**
 * Wraps a caller's logger for a transport, registry or validator: message and data lose every copy
 * of the secrets (core's redaction, one marker), and a throwing logger never breaks a request.
 */
export function createSafeLog<Category extends string>(
  log: SafeLog<Category> | undefined,
  secrets: readonly string[],
): SafeLog<Category> {
  if (!log) return () => {};
  return (category, message, data) => {
    try {
      if (data === undefined) log(category, redactString(message, secrets));
      else log(category, redactString(message, secrets), redact(data, secrets));
    } catch {
      // Logging is best effort.
    }
  };
}
