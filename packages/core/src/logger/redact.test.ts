import { describe, expect, it } from 'vitest';
import { createRunwareError } from '../errors/create-runware-error';
import { isRunwareError, RunwareError } from '../errors/runware-error';
import { isCredentialKey, redact, redactString } from './redact';

const key = 'rw_SECRET_0123456789abcdef';

describe('redact', () => {
  it('replaces every occurrence of a secret in strings, however deep', () => {
    const data = {
      url: `wss://x/?k=${key}`,
      frames: [`{"apiKey2":"${key}"}`, [`${key}${key}`], 42, null, true],
      nested: { deeper: { text: `a ${key} b` } },
    };
    expect(redact(data, [key])).toEqual({
      url: 'wss://x/?k=***',
      frames: ['{"apiKey2":"***"}', ['******'], 42, null, true],
      nested: { deeper: { text: 'a *** b' } },
    });
    expect(redact(`x${key}`, [key])).toBe('x***');
  });

  it('blanks credential-named properties whatever they hold, ignoring case, - and _', () => {
    const data = {
      apiKey: 'anything',
      APIKEY: 1,
      api_key: { a: 1 },
      Authorization: 'Bearer abc',
      'x-api-key': 'abc',
      token: ['abc'],
      headers: { authorization: 'Bearer abc', accept: 'json' },
      maxTokens: 7,
    };
    expect(redact(data, [])).toEqual({
      apiKey: '***',
      APIKEY: '***',
      api_key: '***',
      Authorization: '***',
      'x-api-key': '***',
      token: '***',
      headers: { authorization: '***', accept: 'json' },
      maxTokens: 7,
    });
    expect(isCredentialKey('taskUUID')).toBe(false);
  });

  it("hides any Bearer value, whoever's, in any case", () => {
    expect(redactString('Authorization: Bearer abc.def-123_x', [])).toBe('Authorization: Bearer ***');
    expect(redact({ echoed: 'bearer TOKEN1234=' }, [])).toEqual({ echoed: 'Bearer ***' });
    expect(redactString('the bearer of bad news', [])).toBe('the bearer of bad news');
  });

  it('never mutates the input', () => {
    const inner = { apiKey: key, text: key };
    const data = { inner, list: [key, inner] };
    const snapshot = structuredClone(data);
    const out = redact(data, [key]) as typeof data;
    expect(data).toEqual(snapshot);
    expect(out).not.toBe(data);
    expect(out.inner).not.toBe(inner);
  });

  it('replaces cycles with [Circular] but keeps repeated (acyclic) references', () => {
    const node: Record<string, unknown> = { name: key };
    node.self = node;
    const list: unknown[] = [1];
    list.push(list);
    const shared = { v: 1 };
    expect(redact({ node, list, a: shared, b: shared }, [key])).toEqual({
      node: { name: '***', self: '[Circular]' },
      list: [1, '[Circular]'],
      a: { v: 1 },
      b: { v: 1 },
    });
  });

  it('redacts an error message, stack, cause and fields, keeping its class and brand', () => {
    const cause = new Error(`inner ${key}`);
    const error = createRunwareError('invalidApiKey', `bad key ${key}`, { cause, taskUUID: key });
    const out = redact({ error }, [key]) as { error: RunwareError };
    expect(out.error).toBeInstanceOf(RunwareError);
    expect(isRunwareError(out.error)).toBe(true);
    expect(out.error.message).toBe('bad key ***');
    expect(out.error.stack).toContain('bad key ***');
    expect(out.error.taskUUID).toBe('***');
    expect(out.error.code).toBe('auth');
    expect((out.error.cause as Error).message).toBe('inner ***');
    expect(JSON.stringify(out.error)).not.toContain(key);
    expect(String(out.error.stack)).not.toContain(key);
    expect(error.message).toContain(key);
  });

  it('handles Maps, Sets, URLs, Headers, binary data and odd values', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const date = new Date(0);
    const fn = () => key;
    const out = redact(
      {
        map: new Map<unknown, unknown>([
          ['token', key],
          ['other', key],
        ]),
        set: new Set([key]),
        url: new URL(`https://x.test/?k=${key}`),
        headers: new Headers({ Authorization: `Bearer ${key}`, 'content-type': 'json' }),
        bytes,
        date,
        fn,
        big: 1n,
        missing: undefined,
      },
      [key],
    ) as Record<string, unknown>;
    expect(out.map).toEqual(
      new Map([
        ['token', '***'],
        ['other', '***'],
      ]),
    );
    expect(out.set).toEqual(new Set(['***']));
    expect(out.url).toBe('https://x.test/?k=***');
    expect(out.headers).toEqual({ authorization: '***', 'content-type': 'json' });
    expect(out.bytes).toBe(bytes);
    expect(out.date).toBe(date);
    expect(out.fn).toBe(fn);
    expect(out.big).toBe(1n);
    expect('missing' in out).toBe(true);
  });

  it('survives throwing getters, __proto__ keys and very deep data', () => {
    const hostile = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    expect(redact(hostile, [])).toEqual({ boom: '[Unreadable]' });
    const proto = JSON.parse(`{"__proto__": {"polluted": "${key}"}}`) as object;
    const out = redact(proto, [key]) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ polluted: '***' });
    let deep: unknown = key;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(JSON.stringify(redact(deep, [key]))).toContain('[Truncated]');
  });

  it('ignores empty secrets and hides a secret containing another one entirely', () => {
    expect(redactString('abc', ['', 'b'])).toBe('abc');
    expect(redactString('a b c', ['', 'b'])).toBe('a *** c');
    expect(redactString('xx-long-secret-yy', ['secret', 'long-secret'])).toBe('xx-***-yy');
    expect(redactString('keyAkeyAkeyB', ['keyAkeyA', 'keyAkeyAkeyB'])).toBe('***');
  });

  it('hides a key of 8 characters or more anywhere, a shorter one only as a whole token', () => {
    // A one-letter test key used to mangle unrelated words: "Un***nown config option".
    expect(redactString('Unknown config option "timout"', ['k'])).toBe('Unknown config option "timout"');
    expect(redactString('Invalid API key k', ['k'])).toBe('Invalid API key ***');
    expect(redactString('Authorization: Bearer k.', ['k'])).toBe('Authorization: Bearer ***.');
    expect(redactString('token=abcdefgh12;', ['abcdefgh12'])).toBe('token=***;');
    expect(redactString('xabcdefgh12x', ['abcdefgh12'])).toBe('x***x');
    expect(redactString('x1234567x', ['1234567'])).toBe('x1234567x');
    expect(redactString('a key (1234567) here', ['1234567'])).toBe('a key (***) here');
  });
});
