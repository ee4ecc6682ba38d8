import { consoleSink } from './console-sink';
import type { LogCategory, LogEntry, Logger, LogSink } from './log-types';
import { redact, redactString } from './redact';
import { silentLogger } from './silent-logger';

export interface CreateLoggerOptions {
  debug: boolean;
  /** Where entries go; the console when absent. */
  logSink?: LogSink | undefined;
  /** Strings (the API key) that must never reach a sink; each occurrence becomes `***`. */
  secrets?: readonly string[] | undefined;
}

/**
 * A logger that redacts secrets and hands entries to the sink. With `debug` off it is the silent
 * logger: nothing is copied and the sink is never called, so logging costs nothing in production.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  if (!options.debug) return silentLogger;
  const sink = options.logSink ?? consoleSink;
  const secrets = [...(options.secrets ?? [])];
  let sinkFailureReported = false;

  return Object.freeze({
    enabled: true,
    log(category: LogCategory, message: string, data?: unknown): void {
      let entry: LogEntry;
      try {
        entry = { category, message: redactString(String(message), secrets), timestamp: Date.now() };
        if (data !== undefined) entry.data = redact(data, secrets);
      } catch {
        // Redaction only fails on hostile data (e.g. a throwing Proxy); drop the data, keep the line.
        entry = { category, message: redactString(String(message), secrets), timestamp: Date.now() };
      }
      try {
        sink(entry);
      } catch (error) {
        // Logging must never break the request it describes; say so once, then stay quiet.
        if (sinkFailureReported) return;
        sinkFailureReported = true;
        const reason = error instanceof Error ? error.message : String(error);
        console.warn(
          '[runware:warn] logSink threw; further sink errors are ignored:',
          redactString(reason, secrets),
        );
      }
    },
  });
}
