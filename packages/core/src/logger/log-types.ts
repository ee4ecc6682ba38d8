/** What a log line is about, so a sink can filter (e.g. keep `error` and `retry`, drop `heartbeat`). */
export type LogCategory =
  | 'connection'
  | 'auth'
  | 'heartbeat'
  | 'send'
  | 'receive'
  | 'request'
  | 'retry'
  | 'error'
  | 'warn'
  | 'info';

/** One debug log line as handed to a `logSink`. Secrets are already redacted. */
export interface LogEntry {
  category: LogCategory;
  message: string;
  data?: unknown;
  /** Milliseconds since the epoch (`Date.now()`). */
  timestamp: number;
}

export type LogSink = (entry: LogEntry) => void;

export interface Logger {
  /** False when debug logging is off; check it before building costly log data. */
  readonly enabled: boolean;
  log(category: LogCategory, message: string, data?: unknown): void;
}
