import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { RunwareError } from '../errors/runware-error';
import { defaultConfig } from './config-defaults';
import type { RunwareConfig } from './config-types';
import { resolveConfig } from './resolve-config';

const key = 'rw_TEST_abcdefghijklmnopqrstuvwxyz_0123456789';
const noEnv = {};

/** Runs resolveConfig on something a JavaScript caller could pass, returning the thrown error. */
function failure(config: unknown, env: Record<string, string | undefined> = noEnv): RunwareError {
  try {
    resolveConfig(config as RunwareConfig, env);
  } catch (error) {
    if (error instanceof RunwareError) return error;
    throw error;
  }
  throw new Error('resolveConfig did not throw');
}

function expectNoKey(error: RunwareError, secret = key): void {
  expect(error.message).not.toContain(secret);
  expect(JSON.stringify(error)).not.toContain(secret);
  expect(String(error.stack)).not.toContain(secret);
}

describe('resolveConfig defaults and environment', () => {
  it('fills every default and keeps the given key', () => {
    const config = resolveConfig({ apiKey: key }, noEnv);
    expect(config).toEqual({ ...defaultConfig, apiKey: key });
    expect(config).toMatchObject({
      transportType: 'websocket',
      httpBaseUrl: 'https://api.runware.ai/v1',
      wsBaseUrl: 'wss://ws-api.runware.ai/v1',
      schemasBaseUrl: 'https://schemas.runware.ai',
      contentBaseUrl: 'https://content.runware.ai',
      timeout: 1_200_000,
      pollTimeout: 1_200_000,
      authTimeout: 15_000,
      submitBatchWindow: 2,
      maxRetries: 3,
      retryDelay: 1_000,
      retryStrategy: 'exponential',
      maxReconnectAttempts: Number.POSITIVE_INFINITY,
      maxConnections: 64,
      maxResponseSize: 134_217_728,
      streamIdleTimeout: 120_000,
      debug: false,
      validate: false,
    });
    expect('dependencies' in config).toBe(false);
    expect('logSink' in config).toBe(false);
    expect('userAgent' in config).toBe(false);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('takes the key from RUNWARE_API_KEY (trimmed) when the config has none, and prefers the config', () => {
    expect(resolveConfig({}, { RUNWARE_API_KEY: `${key}\n` }).apiKey).toBe(key);
    expect(resolveConfig(undefined, { RUNWARE_API_KEY: key }).apiKey).toBe(key);
    expect(resolveConfig({ apiKey: 'from-config' }, { RUNWARE_API_KEY: key }).apiKey).toBe('from-config');
  });

  it('reads the ambient environment when no env is passed', () => {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    if (env === undefined) throw new Error('tests run on Node');
    const before = env.RUNWARE_API_KEY;
    env.RUNWARE_API_KEY = key;
    try {
      expect(resolveConfig({}).apiKey).toBe(key);
      delete env.RUNWARE_API_KEY;
      expect(failure({}, env).rawCode).toBe('missingApiKey');
    } finally {
      if (before === undefined) delete env.RUNWARE_API_KEY;
      else env.RUNWARE_API_KEY = before;
    }
  });

  it('keeps valid overrides and normalises URLs', () => {
    const logSink = () => {};
    const fetch = (async () => new Response('')) as typeof globalThis.fetch;
    const files = { isFile: async () => false, readFile: async () => new Uint8Array() };
    const config = resolveConfig(
      {
        apiKey: key,
        transportType: 'rest',
        httpBaseUrl: 'http://LOCALHOST:8080/v1/',
        wsBaseUrl: 'ws://127.0.0.1:9000/v1//',
        schemasBaseUrl: 'https://schemas.example.com/',
        contentBaseUrl: ' https://content.example.com/x ',
        timeout: 5,
        pollTimeout: 10.5,
        authTimeout: 1,
        submitBatchWindow: 5,
        maxRetries: 0,
        retryDelay: 0,
        retryStrategy: 'linear',
        maxReconnectAttempts: 2,
        maxConnections: 8,
        maxResponseSize: 1024,
        streamIdleTimeout: 500,
        debug: true,
        validate: true,
        dependencies: { fetch, files, WebSocket: undefined },
        logSink,
        userAgent: ' my-app/1.2 (test) ',
      },
      noEnv,
    );
    expect(config).toMatchObject({
      transportType: 'rest',
      httpBaseUrl: 'http://localhost:8080/v1',
      wsBaseUrl: 'ws://127.0.0.1:9000/v1',
      schemasBaseUrl: 'https://schemas.example.com',
      contentBaseUrl: 'https://content.example.com/x',
      timeout: 5,
      pollTimeout: 10.5,
      authTimeout: 1,
      submitBatchWindow: 5,
      maxRetries: 0,
      retryDelay: 0,
      retryStrategy: 'linear',
      maxReconnectAttempts: 2,
      maxConnections: 8,
      maxResponseSize: 1024,
      streamIdleTimeout: 500,
      debug: true,
      validate: true,
      userAgent: 'my-app/1.2 (test)',
    });
    expect(config.logSink).toBe(logSink);
    expect(config.dependencies?.fetch).toBe(fetch);
    expect(config.dependencies?.files).toBe(files);
    expect(config.dependencies && 'WebSocket' in config.dependencies).toBe(false);
  });

  it('treats undefined fields as absent', () => {
    expect(resolveConfig({ apiKey: key, timeout: undefined, logSink: undefined }, noEnv)).toEqual({
      ...defaultConfig,
      apiKey: key,
    });
  });
});

describe('resolveConfig API key errors', () => {
  it('raises missingApiKey (code auth) telling both ways to pass a key', () => {
    for (const env of [noEnv, { RUNWARE_API_KEY: '' }, { RUNWARE_API_KEY: '   ' }]) {
      const error = failure({}, env);
      expect(error).toMatchObject({ code: 'auth', rawCode: 'missingApiKey', parameter: 'apiKey' });
      expect(error.message).toContain('apiKey');
      expect(error.message).toContain('RUNWARE_API_KEY');
    }
    expect(failure({ apiKey: '' }, { RUNWARE_API_KEY: key })).toMatchObject({
      rawCode: 'missingApiKey',
      parameter: 'apiKey',
    });
  });

  it('rejects keys with whitespace or of the wrong type without ever printing them', () => {
    const cases: [unknown, Record<string, string>][] = [
      [{ apiKey: ` ${key}` }, noEnv],
      [{ apiKey: `${key}\n` }, noEnv],
      [{ apiKey: `${key.slice(0, 10)} ${key.slice(10)}` }, noEnv],
      [{}, { RUNWARE_API_KEY: `${key.slice(0, 10)} ${key.slice(10)}` }],
      [{ apiKey: 123456789 }, noEnv],
      [{ apiKey: [key] }, noEnv],
    ];
    for (const [config, env] of cases) {
      const error = failure(config, env);
      expect(error).toMatchObject({ code: 'validation', rawCode: 'invalidConfig', parameter: 'apiKey' });
      expectNoKey(error);
      expectNoKey(error, key.slice(10));
      expectNoKey(error, '123456789');
    }
  });

  it('never prints the key even when it ends up in another field', () => {
    const asUrl = failure({ apiKey: key, httpBaseUrl: key }, noEnv);
    expect(asUrl.parameter).toBe('httpBaseUrl');
    expectNoKey(asUrl);
    const asEnum = failure({ transportType: key }, { RUNWARE_API_KEY: key });
    expect(asEnum.parameter).toBe('transportType');
    expectNoKey(asEnum);
    const asKeyName = failure({ apiKey: key, [key]: true }, noEnv);
    expect(asKeyName.rawCode).toBe('invalidConfig');
    expectNoKey(asKeyName);
  });
});

describe('resolveConfig value checks', () => {
  const bad: [string, unknown][] = [
    ['transportType', 'http2'],
    ['transportType', 'WebSocket'],
    ['httpBaseUrl', 'not a url'],
    ['httpBaseUrl', 'ftp://api.runware.ai/v1'],
    ['httpBaseUrl', 'wss://api.runware.ai/v1'],
    ['httpBaseUrl', ''],
    ['httpBaseUrl', 42],
    ['httpBaseUrl', 'https://api.runware.ai/v1?x=1'],
    ['httpBaseUrl', 'https://api.runware.ai/v1#top'],
    ['wsBaseUrl', 'https://ws-api.runware.ai/v1'],
    ['schemasBaseUrl', 'ws://schemas.runware.ai'],
    ['contentBaseUrl', 'file:///tmp'],
    ['timeout', 0],
    ['timeout', -1],
    ['timeout', Number.NaN],
    ['timeout', Number.POSITIVE_INFINITY],
    ['timeout', '1000'],
    ['timeout', 2 ** 31],
    ['pollTimeout', 0],
    ['authTimeout', null],
    ['retryDelay', -1],
    ['retryDelay', Number.POSITIVE_INFINITY],
    ['submitBatchWindow', -1],
    ['submitBatchWindow', Number.NaN],
    ['submitBatchWindow', '2'],
    ['submitBatchWindow', 2 ** 31],
    ['maxRetries', -1],
    ['maxRetries', 1.5],
    ['maxRetries', Number.POSITIVE_INFINITY],
    ['maxRetries', '3'],
    ['maxReconnectAttempts', -1],
    ['maxReconnectAttempts', 0.5],
    ['maxReconnectAttempts', Number.NaN],
    ['maxConnections', 0],
    ['maxConnections', -1],
    ['maxConnections', 2.5],
    ['maxConnections', '64'],
    ['maxResponseSize', 0],
    ['maxResponseSize', 1.5],
    ['maxResponseSize', '1mb'],
    ['streamIdleTimeout', 0],
    ['streamIdleTimeout', Number.NaN],
    ['retryStrategy', 'fibonacci'],
    ['debug', 'true'],
    ['debug', 1],
    ['validate', null],
    ['logSink', 'console'],
    ['userAgent', ''],
    ['userAgent', '   '],
    ['userAgent', 'app/1\r\nX-Evil: 1'],
    ['userAgent', 'appé/1'],
    ['userAgent', 12],
    ['dependencies', null],
    ['dependencies', []],
    ['dependencies', 'fetch'],
  ];

  it.each(bad)('rejects %s = %s naming the field', (field, value) => {
    const error = failure({ apiKey: key, [field]: value });
    expect(error).toBeInstanceOf(RunwareError);
    expect(error).toMatchObject({ code: 'validation', rawCode: 'invalidConfig', parameter: field });
    expect(error.message).toContain(field);
    expectNoKey(error);
  });

  it('accepts a zero submitBatchWindow (coalescing off)', () => {
    expect(resolveConfig({ apiKey: key, submitBatchWindow: 0 }, noEnv).submitBatchWindow).toBe(0);
  });

  it('accepts Infinity connections (no cap)', () => {
    expect(resolveConfig({ apiKey: key, maxConnections: Infinity }, noEnv).maxConnections).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it('accepts Infinity reconnect attempts and zero retries', () => {
    const config = resolveConfig({ apiKey: key, maxReconnectAttempts: Infinity, maxRetries: 0 }, noEnv);
    expect(config.maxReconnectAttempts).toBe(Number.POSITIVE_INFINITY);
    expect(config.maxRetries).toBe(0);
  });

  it('does not echo URL credentials', () => {
    const error = failure({ apiKey: key, httpBaseUrl: 'https://user:hunter2@api.runware.ai/v1' });
    expect(error.parameter).toBe('httpBaseUrl');
    expect(error.message).not.toContain('hunter2');
  });

  it('suggests the right scheme and enum value', () => {
    expect(failure({ apiKey: key, wsBaseUrl: 'https://ws-api.runware.ai/v1' }).message).toContain('wss://');
    expect(failure({ apiKey: key, transportType: 'ws' }).message).toContain('Did you mean "websocket"?');
    expect(failure({ apiKey: key, transportType: 'http' }).message).toContain('Did you mean "rest"?');
    expect(failure({ apiKey: key, retryStrategy: 'Linear' }).message).toContain('Did you mean "linear"?');
  });

  it.each([
    ['dependencies.fetch', { fetch: 'fetch' }],
    ['dependencies.WebSocket', { WebSocket: {} }],
    ['dependencies.files', { files: null }],
    ['dependencies.files.isFile', { files: { readFile: async () => new Uint8Array() } }],
    ['dependencies.files.readFile', { files: { isFile: async () => true, readFile: 1 } }],
    ['dependencies.websocket', { websocket: class {} }],
  ])('rejects a bad dependency, naming %s', (field, dependencies) => {
    const error = failure({ apiKey: key, dependencies });
    expect(error).toMatchObject({ rawCode: 'invalidConfig', parameter: field });
    expect(error.message).toContain(field.split('.').pop());
  });

  it('suggests the known dependency name for a typo', () => {
    expect(failure({ apiKey: key, dependencies: { websocket: class {} } }).message).toContain(
      'Did you mean "WebSocket"?',
    );
  });

  it('accepts a config object from another realm but not a class instance', () => {
    const foreign = runInNewContext('({ timeout: 5, dependencies: { fetch: () => 1 } })') as RunwareConfig;
    expect(Object.getPrototypeOf(foreign)).not.toBe(Object.prototype);
    expect(resolveConfig(foreign, { RUNWARE_API_KEY: key }).timeout).toBe(5);
    class Options {
      apiKey = key;
    }
    const error = failure(new Options());
    expect(error).toMatchObject({ rawCode: 'invalidConfig', parameter: 'config' });
    expectNoKey(error);
  });

  it('rejects a config that is not an object', () => {
    for (const config of [null, 'key', 42, [key]]) {
      const error = failure(config, { RUNWARE_API_KEY: key });
      expect(error).toMatchObject({ rawCode: 'invalidConfig', parameter: 'config' });
      expectNoKey(error);
    }
  });
});

describe('resolveConfig: the official SDK 1.6 spellings', () => {
  it('takes transport for transportType and userAgentPrefix for userAgent', () => {
    const resolved = resolveConfig({ apiKey: key, transport: 'rest', userAgentPrefix: 'my-app/1.0' }, noEnv);
    expect(resolved.transportType).toBe('rest');
    expect(resolved.userAgent).toBe('my-app/1.0');
    expect(resolved).not.toHaveProperty('transport');
    expect(resolved).not.toHaveProperty('userAgentPrefix');
  });

  it('accepts both spellings when they agree', () => {
    const resolved = resolveConfig({ apiKey: key, transport: 'rest', transportType: 'rest' }, noEnv);
    expect(resolved.transportType).toBe('rest');
  });

  it.each([
    [{ transport: 'rest', transportType: 'websocket' }, 'transport'],
    [{ userAgentPrefix: 'a/1', userAgent: 'b/2' }, 'userAgentPrefix'],
  ])('refuses %j: two spellings that disagree, naming %s', (config, field) => {
    const error = failure({ apiKey: key, ...config });
    expect(error).toMatchObject({ code: 'validation', rawCode: 'invalidConfig', parameter: field });
    expect(error.message).toContain('disagree');
  });

  it('names the spelling the user wrote for a bad value', () => {
    expect(failure({ apiKey: key, transport: 'grpc' }).parameter).toBe('transport');
    expect(failure({ apiKey: key, userAgentPrefix: 42 }).parameter).toBe('userAgentPrefix');
  });
});

describe('resolveConfig unknown keys', () => {
  it.each([
    ['timeOut', 'timeout'],
    ['retries', 'maxRetries'],
    ['api_key', 'apiKey'],
    ['apikey', 'apiKey'],
    ['pollingTimeout', 'pollTimeout'],
    ['reconnectAttempts', 'maxReconnectAttempts'],
    ['maxSockets', 'maxConnections'],
    ['connections', 'maxConnections'],
    ['httpBaseURL', 'httpBaseUrl'],
    ['baseUrl', 'httpBaseUrl'],
    ['logsink', 'logSink'],
    ['fetch', 'dependencies.fetch'],
    ['WebSocket', 'dependencies.WebSocket'],
    ['coalesceWindow', 'submitBatchWindow'],
    ['maxPayload', 'maxResponseSize'],
    ['idleTimeout', 'streamIdleTimeout'],
    ['batchWindow', 'submitBatchWindow'],
    ['submitBatchWindowMs', 'submitBatchWindow'],
  ])('rejects %s and suggests %s', (typo, suggestion) => {
    const error = failure({ apiKey: key, [typo]: 1 });
    expect(error).toMatchObject({ code: 'validation', rawCode: 'invalidConfig', parameter: typo });
    expect(error.message).toContain(`"${typo}"`);
    expect(error.message).toContain(`did you mean "${suggestion}"?`);
  });

  it('lists the known options when nothing is close, and names every unknown key', () => {
    const error = failure({ apiKey: key, zzz: 1, timeOut: 2 });
    expect(error.parameter).toBe('zzz');
    expect(error.message).toContain('"zzz"');
    expect(error.message).toContain('"timeOut" (did you mean "timeout"?)');
    const lone = failure({ apiKey: key, colour: 'blue' });
    expect(lone.message).toContain('Known options:');
    expect(lone.message).toContain('maxReconnectAttempts');
  });

  it('rejects an unknown key even when its value is undefined', () => {
    expect(failure({ apiKey: key, timeOut: undefined }).parameter).toBe('timeOut');
  });
});
