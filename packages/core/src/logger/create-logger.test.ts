import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from './create-logger';
import { type LogEntry, logCategories } from './log-types';
import { silentLogger } from './silent-logger';

const key = 'rw_SECRET_0123456789abcdef';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createLogger with debug off', () => {
  it('is the silent logger: no sink call, and the data is never read', () => {
    const sink = vi.fn();
    const logger = createLogger({ debug: false, logSink: sink, secrets: [key] });
    const data = {
      get payload(): unknown {
        throw new Error('data was read');
      },
    };
    logger.log('send', `frame ${key}`, data);
    expect(logger.enabled).toBe(false);
    expect(logger).toBe(silentLogger);
    expect(sink).not.toHaveBeenCalled();
  });

  it('does not touch the console either', () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    createLogger({ debug: false }).log('info', 'hello');
    silentLogger.log('error', 'hello');
    expect(debug).not.toHaveBeenCalled();
  });
});

describe('createLogger with debug on', () => {
  it('hands redacted entries to the sink, with a timestamp, leaving the caller data intact', () => {
    const entries: LogEntry[] = [];
    const logger = createLogger({ debug: true, logSink: (entry) => entries.push(entry), secrets: [key] });
    const data = { frame: [{ taskType: 'authentication', apiKey: key }], note: `key=${key}` };
    const before = Date.now();
    logger.log('send', `sending ${key}`, data);
    logger.log('info', 'no data');
    expect(logger.enabled).toBe(true);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      category: 'send',
      message: 'sending ***',
      data: { frame: [{ taskType: 'authentication', apiKey: '***' }], note: 'key=***' },
    });
    expect(entries[0]?.time).toBeGreaterThanOrEqual(before);
    expect(entries[0]?.time).toBeLessThanOrEqual(Date.now());
    // ISO-8601, as the official SDK's entries: the same instant as `time`.
    expect(entries[0]?.timestamp).toBe(new Date(entries[0]?.time ?? 0).toISOString());
    expect(entries[1]).not.toHaveProperty('data');
    expect(JSON.stringify(entries)).not.toContain(key);
    expect(data.frame[0]?.apiKey).toBe(key);
  });

  it('redacts errors and cyclic data without crashing', () => {
    const entries: LogEntry[] = [];
    const logger = createLogger({ debug: true, logSink: (entry) => entries.push(entry), secrets: [key] });
    const cyclic: Record<string, unknown> = { key };
    cyclic.self = cyclic;
    logger.log('error', 'failed', { error: new Error(`auth failed for ${key}`), cyclic });
    const data = entries[0]?.data as { error: Error; cyclic: Record<string, unknown> };
    expect(data.error.message).toBe('auth failed for ***');
    expect(data.error.stack).not.toContain(key);
    expect(data.cyclic).toEqual({ key: '***', self: '[Circular]' });
  });

  it('survives a throwing sink, warning once without the key', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const sink = vi.fn(() => {
      throw new Error(`sink down ${key}`);
    });
    const logger = createLogger({ debug: true, logSink: sink, secrets: [key] });
    expect(() => logger.log('info', 'one')).not.toThrow();
    expect(() => logger.log('info', 'two')).not.toThrow();
    expect(sink).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(warn.mock.calls)).not.toContain(key);
    expect(JSON.stringify(warn.mock.calls)).toContain('sink down ***');
  });

  it('keeps the line when the data is hostile (a throwing Proxy)', () => {
    const entries: LogEntry[] = [];
    const logger = createLogger({ debug: true, logSink: (entry) => entries.push(entry) });
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    logger.log('receive', 'frame', hostile);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.message).toBe('frame');
    expect(entries[0]).not.toHaveProperty('data');
  });

  it('writes to the console by category with a [runware:<category>] prefix by default', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const logger = createLogger({ debug: true, secrets: [key] });
    logger.log('error', `boom ${key}`, { apiKey: key });
    logger.log('warn', 'careful');
    logger.log('heartbeat', 'ping');
    logger.log('retry', 'again', { attempt: 2 });
    expect(error).toHaveBeenCalledWith('[runware:error]', 'boom ***', { apiKey: '***' });
    expect(warn).toHaveBeenCalledWith('[runware:warn]', 'careful');
    expect(debug).toHaveBeenNthCalledWith(1, '[runware:heartbeat]', 'ping');
    expect(debug).toHaveBeenNthCalledWith(2, '[runware:retry]', 'again', { attempt: 2 });
  });
});

describe('createLogger, the official SDK call shape', () => {
  it('createLogger(true, sink) logs through one method per category', () => {
    const entries: LogEntry[] = [];
    const logger = createLogger(true, (entry) => entries.push(entry));
    logger.retry('again', { attempt: 2 });
    logger.connection('open');
    expect(entries.map((entry) => [entry.category, entry.message, entry.data])).toEqual([
      ['retry', 'again', { attempt: 2 }],
      ['connection', 'open', undefined],
    ]);
    expect(entries[0]?.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('createLogger(false) is a logger whose methods do nothing', () => {
    const logger = createLogger(false);
    expect(logger.enabled).toBe(false);
    for (const category of logCategories) expect(() => logger[category]('x')).not.toThrow();
  });
});
