import { describe, expect, it } from 'vitest';
import { RunwareError } from '../errors/runware-error';
import {
  checkUrl,
  checkValue,
  configFailure,
  describeValue,
  type Kind,
  maxTimerDelay,
} from './config-checks';

const fail = configFailure([]);

/** The error a check raises for `value`. */
function failure(check: () => unknown): RunwareError {
  try {
    check();
  } catch (error) {
    if (error instanceof RunwareError) return error;
    throw error;
  }
  throw new Error('the check passed');
}

describe('describeValue', () => {
  it('prints primitives as themselves and other values by their type', () => {
    expect(describeValue('a "b"')).toBe('"a \\"b\\""');
    expect(describeValue('x'.repeat(61))).toBe(`"${'x'.repeat(57)}..."`);
    expect(describeValue('x'.repeat(60))).toBe(`"${'x'.repeat(60)}"`);
    expect([1.5, Number.NaN, true, 10n, undefined, null].map(describeValue)).toEqual([
      '1.5',
      'NaN',
      'true',
      '10',
      'undefined',
      'null',
    ]);
    expect([[1], {}, () => 1, Symbol('s')].map(describeValue)).toEqual([
      'an array',
      'an object',
      'a function',
      'Symbol(s)',
    ]);
  });
});

describe('checkValue', () => {
  const cases: [Kind, unknown[], unknown[], string][] = [
    [
      't',
      [1, 0.5, maxTimerDelay],
      [0, -1, Number.NaN, Infinity, maxTimerDelay + 1, '5'],
      'a positive finite number',
    ],
    ['d', [0, 2, maxTimerDelay], [-1, Infinity, maxTimerDelay + 1, '0'], 'a non-negative finite number'],
    ['c', [0, 3], [-1, 1.5, Infinity, '3'], 'a non-negative integer'],
    ['n', [0, 3, Infinity], [-1, 0.5, Number.NaN, -Infinity], 'a non-negative integer or Infinity'],
    ['l', [1, 64, Infinity], [0, -1, 2.5, '64'], 'a positive integer or Infinity'],
    ['b', [true, false], ['true', 1, null], 'true or false'],
    ['f', [() => 1, class {}], ['fn', {}], 'a function'],
    ['a', ['my-app/1.2'], ['', '   ', 'a\r\nb: 1', 'appé/1', 12], 'printable ASCII'],
    [['exponential', 'linear'], ['linear'], ['fibonacci', 1], '"exponential" or "linear"'],
  ];

  it.each(cases)('checks kind %j', (kind, good, bad, expected) => {
    for (const value of good) expect(checkValue('field', value, kind, fail)).toBe(value);
    for (const value of bad) {
      const error = failure(() => checkValue('field', value, kind, fail));
      expect(error).toMatchObject({ rawCode: 'invalidConfig', parameter: 'field' });
      expect(error.message.startsWith(`field must be ${expected}`)).toBe(true);
      expect(error.message.endsWith(`, got ${describeValue(value)}.`)).toBe(true);
    }
  });

  it('trims a User-Agent', () => {
    expect(checkValue('userAgent', ' my-app/1.2 (x) ', 'a', fail)).toBe('my-app/1.2 (x)');
  });

  it('suggests the enum value meant, by spelling or by another name for it', () => {
    const transport = ['websocket', 'rest'];
    expect(failure(() => checkValue('t', 'Rest', transport, fail)).message).toContain('Did you mean "rest"?');
    expect(failure(() => checkValue('t', 'wss', transport, fail)).message).toContain(
      'Did you mean "websocket"?',
    );
    // `http` names `rest`, which this enum does not hold: no suggestion.
    expect(failure(() => checkValue('s', 'http', ['exponential', 'linear'], fail)).message).not.toContain(
      'Did you mean',
    );
  });

  it('checks URLs by kind: h is http(s), w is ws(s)', () => {
    expect(checkValue('u', 'http://h/v1/', 'h', fail)).toBe('http://h/v1');
    expect(checkValue('u', 'wss://h/v1', 'w', fail)).toBe('wss://h/v1');
    expect(failure(() => checkValue('u', 'wss://h', 'h', fail)).message).toContain('https:// or http://');
    expect(failure(() => checkValue('u', 'https://h', 'w', fail)).message).toContain('wss:// or ws://');
  });
});

describe('checkUrl', () => {
  const http = ['https', 'http'];

  it('returns the URL trimmed, lower-cased where URLs are, without trailing slashes', () => {
    expect(checkUrl('u', ' HTTPS://API.Example.com:8443/V1// ', http, fail)).toBe(
      'https://api.example.com:8443/V1',
    );
    expect(checkUrl('u', 'https://example.com', http, fail)).toBe('https://example.com');
  });

  it('refuses what is not a base URL of the schemes, saying what was given', () => {
    const bad = [
      '',
      '  ',
      'not a url',
      42,
      null,
      'ftp://example.com',
      'https://h/v1?x=1',
      'https://h/v1#top',
    ];
    for (const value of bad) {
      expect(failure(() => checkUrl('u', value, http, fail)).message).toBe(
        `u must be a https:// or http:// URL without a query string or fragment, got ${describeValue(value)}.`,
      );
    }
  });

  it('never echoes credentials, whatever the scheme', () => {
    for (const value of ['https://user:hunter2@h/v1', 'ftp://user:hunter2@h']) {
      const error = failure(() => checkUrl('u', value, http, fail));
      expect(error.message).toContain('credentials');
      expect(error.message).not.toContain('hunter2');
    }
  });
});

describe('configFailure', () => {
  it('raises invalidConfig with the prefix, scrubbing every secret from message and field', () => {
    const error = failure(() => configFailure(['s3cr3t-key'], 'owner: ')('s3cr3t-key', 'bad s3cr3t-key'));
    expect(error).toMatchObject({
      code: 'validation',
      rawCode: 'invalidConfig',
      message: 'owner: bad ***',
      parameter: '***',
    });
  });
});
