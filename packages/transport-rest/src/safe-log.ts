import type { LogCategory, RestLogger } from './options';

/**
 * Wraps the caller's logger: messages lose any copy of the key, and a throwing logger can never
 * fail a request.
 */
export function createSafeLog(log: RestLogger | undefined, redact: (text: string) => string): RestLogger {
  if (!log) return () => {};
  return (category: LogCategory, message: string, data?: unknown) => {
    try {
      log(category, redact(message), data);
    } catch {
      // Logging is best effort.
    }
  };
}
