import { withCategoryMethods } from './category-methods';
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
 * `createLogger(enabled, sink?)` is the official SDK's call shape, and works too.
 */
export function createLogger(options: CreateLoggerOptions): Logger;
export function createLogger(enabled: boolean, sink?: LogSink): Logger;
export function createLogger(options: CreateLoggerOptions | boolean, sink?: LogSink): Logger {
  const {
    debug,
    logSink,
    secrets: given,
  } = typeof options === 'boolean' ? { debug: options, logSink: sink, secrets: undefined } : options;
  if (!debug) return silentLogger;
  const write = logSink ?? consoleSink;
  const secrets = [...(given ?? [])];
  let sinkFailureReported = false;

  return withCategoryMethods(true, (category: LogCategory, message: string, data?: unknown): void => {
    const time = Date.now();
    const line = () => ({
      category,
      message: redactString(String(message), secrets),
      timestamp: new Date(time).toISOString(),
      time,
    });
    let entry: LogEntry;
    try {
      entry = line();
      if (data !== undefined) entry.data = redact(data, secrets);
    } catch {
      // Redaction only fails on hostile data (e.g. a throwing Proxy); drop the data, keep the line.
      entry = line();
    }
    try {
      write(entry);
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
  });
}
