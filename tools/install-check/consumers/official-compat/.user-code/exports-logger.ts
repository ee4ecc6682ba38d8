// createLogger(enabled, sink?): one method per category, ISO timestamps, a no-op when disabled.
import { createLogger, type LogEntry, type Logger, type LogSink } from '@runware/sdk';
import { type Check, check, equal, isoTimestamp, ok } from './harness.js';

const categories = [
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
const row = 'export createLogger';

export const checks: Check[] = [
  check(`${row} › createLogger(true, sink): one method per category, entries with ISO timestamps`, () => {
    const entries: LogEntry[] = [];
    const sink: LogSink = (entry) => {
      entries.push(entry);
    };
    const logger: Logger = createLogger(true, sink);
    for (const category of categories) logger[category](`${category} message`, { n: 1 });
    logger.info('no data');
    equal(entries.length, categories.length + 1, 'entries');
    categories.forEach((category, i) => {
      const entry = entries[i];
      ok(entry, `no entry for ${category}`);
      equal(entry.category, category, `entry ${i} category`);
      equal(entry.message, `${category} message`, `entry ${i} message`);
      equal(JSON.stringify(entry.data), '{"n":1}', `entry ${i} data`);
      ok(
        typeof entry.timestamp === 'string' && isoTimestamp.test(entry.timestamp),
        `timestamp ${String(entry.timestamp)}`,
      );
      ok(!Number.isNaN(Date.parse(entry.timestamp)), `timestamp ${entry.timestamp} does not parse`);
    });
  }),
  check(`${row} › createLogger(false, sink) is a no-op`, () => {
    const entries: LogEntry[] = [];
    const logger = createLogger(false, (entry) => entries.push(entry));
    for (const category of categories) logger[category]('nothing', { n: 1 });
    equal(entries.length, 0, 'entries of a disabled logger');
  }),
];
