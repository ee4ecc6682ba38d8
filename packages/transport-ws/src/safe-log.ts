import type { LogCategory, WebSocketLogger } from './options';

/**
 * Wraps the caller's logger: messages lose any copy of the key, and a throwing logger can never
 * break dispatch or a send.
 */
export function createSafeLog(log: WebSocketLogger | undefined, apiKey: string): WebSocketLogger {
  if (!log) return () => {};
  const redact = (text: string) => (apiKey.length > 0 ? text.split(apiKey).join('[redacted]') : text);
  return (category: LogCategory, message: string, data?: unknown) => {
    try {
      log(category, redact(message), data);
    } catch {
      // Logging is best effort.
    }
  };
}
