import { describe, expect, it } from 'vitest';
import { isRunwareError, type RunwareError } from '../errors/runware-error';
import { createOptionReader } from './option-reader';

function failure(fn: () => unknown): RunwareError {
  try {
    fn();
  } catch (error) {
    if (isRunwareError(error)) return error;
    throw error;
  }
  throw new Error('expected a RunwareError');
}

const key = 'a-secret-api-key-123';

describe('createOptionReader', () => {
  it('reads values, falls back to defaults and names the field of a bad one', () => {
    const reader = createOptionReader('createThing', { apiKey: key, timeout: 5, maxRetries: 2 });
    expect(reader.apiKey()).toBe(key);
    expect(reader.duration('timeout', 99)).toBe(5);
    expect(reader.duration('authTimeout', 99)).toBe(99);
    expect(reader.count('maxRetries', 3)).toBe(2);
    for (const bad of [Number.NaN, -1, 0, Number.POSITIVE_INFINITY, '1000']) {
      const error = failure(() =>
        createOptionReader('createThing', { apiKey: key, timeout: bad }).duration('timeout', 1),
      );
      expect(error.rawCode).toBe('invalidConfig');
      expect(error.parameter).toBe('timeout');
      expect(error.message).toMatch(/^createThing: timeout must be a positive finite number/);
    }
    expect(createOptionReader('x', { retryDelay: 0 }).duration('retryDelay', 1, { allowZero: true })).toBe(0);
  });

  it('keeps deprecated names working and lists them, the new name winning', () => {
    const reader = createOptionReader('createThing', {
      apiKey: key,
      timeoutMs: 7,
      retryDelay: 3,
      retryDelayMs: 9,
    });
    expect(reader.duration('timeout', 1, { alias: 'timeoutMs' })).toBe(7);
    expect(reader.duration('retryDelay', 1, { alias: 'retryDelayMs' })).toBe(3);
    expect(reader.duration('timeout', 1, { alias: 'timeoutMs' })).toBe(7);
    expect(reader.deprecated).toEqual([{ alias: 'timeoutMs', name: 'timeout' }]);
    const warnings: unknown[][] = [];
    reader.warnDeprecated((...line) => warnings.push(line));
    expect(warnings).toEqual([
      [
        'warn',
        'createThing: `timeoutMs` is deprecated; use `timeout`.',
        { deprecated: 'timeoutMs', use: 'timeout' },
      ],
    ]);
    expect(reader.secrets).toEqual([key]);
    expect(createOptionReader('t', {}).secrets).toEqual([]);
    const error = failure(() =>
      createOptionReader('t', { timeoutMs: -4 }).duration('timeout', 1, { alias: 'timeoutMs' }),
    );
    expect(error.parameter).toBe('timeoutMs');
  });

  it('checks URLs, enums and functions with a suggestion', () => {
    const reader = createOptionReader('t', {
      httpBaseUrl: 'http://127.0.0.1:9/v1/',
      retryStrategy: 'exponental',
      fetch: 'nope',
    });
    expect(reader.url('httpBaseUrl', 'https://x', ['http', 'https'])).toBe('http://127.0.0.1:9/v1');
    expect(reader.url('wsBaseUrl', 'wss://ws.example/v1', ['ws', 'wss'])).toBe('wss://ws.example/v1');
    const strategy = failure(() =>
      reader.oneOf('retryStrategy', 'linear', ['exponential', 'linear'] as const),
    );
    expect(strategy.parameter).toBe('retryStrategy');
    expect(strategy.message).toContain('exponential');
    expect(failure(() => reader.fn('fetch')).parameter).toBe('fetch');
    expect(reader.fn('WebSocket')).toBeUndefined();
  });

  it('refuses a missing key and a non-object, and never echoes the key', () => {
    expect(failure(() => createOptionReader('t', {}).apiKey()).rawCode).toBe('missingApiKey');
    expect(failure(() => createOptionReader('t', { apiKey: '  ' }).apiKey()).parameter).toBe('apiKey');
    expect(failure(() => createOptionReader('t', null)).parameter).toBe('options');
    const error = failure(() =>
      createOptionReader('t', { apiKey: key, wsBaseUrl: `wss://h/${key}?x=1` }).url('wsBaseUrl', '', ['wss']),
    );
    expect(error.message).not.toContain(key);
    expect(error.message).toContain('***');
  });
});
