import type { LogEntry } from './log-types';

/** The default sink: errors and warnings on their own console channels, the rest on `debug`. */
export function consoleSink(entry: LogEntry): void {
  const prefix = `[runware:${entry.category}]`;
  const write =
    entry.category === 'error' ? console.error : entry.category === 'warn' ? console.warn : console.debug;
  if (entry.data === undefined) write(prefix, entry.message);
  else write(prefix, entry.message, entry.data);
}
