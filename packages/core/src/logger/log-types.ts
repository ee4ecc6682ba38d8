/** Every log category, in a fixed order (a logger has one method per category). */
export const logCategories = [
  'connection',
  'auth',
  'heartbeat',
  'send',
  'receive',
  'request',
  'retry',
  'error',
  'warn',
  'info',
] as const;

/** What a log line is about, so a sink can filter (e.g. keep `error` and `retry`, drop `heartbeat`). */
export type LogCategory = (typeof logCategories)[number];

/** One debug log line as handed to a `logSink`. Secrets are already redacted. */
export interface LogEntry {
  category: LogCategory;
  message: string;
  data?: unknown;
  /** When it was logged, ISO-8601 (`2026-12-02T03:04:05.678Z`), as the official SDK gives it. */
  timestamp: string;
  /** The same instant in milliseconds since the epoch, for sorting and arithmetic. */
  time: number;
}

export type LogSink = (entry: LogEntry) => void;

/** One method per category, as the official SDK's logger has: `logger.retry('…', data)`. */
export type CategoryMethods = { readonly [C in LogCategory]: (message: string, data?: unknown) => void };

export interface Logger extends CategoryMethods {
  /** False when debug logging is off; check it before building costly log data. */
  readonly enabled: boolean;
  log(category: LogCategory, message: string, data?: unknown): void;
}
