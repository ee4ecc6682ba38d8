import { isRunwareError, type RunwareError, resolveConfig } from '@runware/core';
import { imageTask, useEmulator } from '@runware/emulator/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRestTransport, type RestTransportOptions } from '../src/index';
import { captureLog } from './support/emulator';

const emulator = useEmulator({ beforeAll, afterAll, afterEach }, { latency: { default: 5 } });

function configError(options: unknown): RunwareError {
  try {
    createRestTransport(options as RestTransportOptions);
  } catch (error) {
    if (isRunwareError(error)) return error;
    throw error;
  }
  throw new Error('expected createRestTransport to throw');
}

describe('options', () => {
  it('take the client config’s names and units', async () => {
    const { log, lines, retries } = captureLog();
    const transport = createRestTransport({
      apiKey: emulator.apiKey,
      httpBaseUrl: emulator.httpUrl,
      timeout: 5_000,
      maxRetries: 1,
      retryDelay: 10,
      retryStrategy: 'linear',
      maxRetryDelay: 11,
      random: () => 1,
      userAgent: 'runware-test/1.0',
      log,
    });
    await emulator.control.addFaults([{ kind: 'httpError', status: 503, count: 5 }]);
    const result = await transport.send([imageTask()]);
    // One retry (maxRetries 1), after 10·1 ms + 30 % jitter = 13 ms, capped at 11.
    expect(result.status).toBe(503);
    expect(retries().map((line) => line.data.delayMs)).toEqual([11]);
    // Two submits, then the getResponse asked before failing (answered 503 as well, twice).
    expect((await emulator.control.stats()).requests.rest).toBe(4);
    const [request] = await emulator.control.requests({ transport: 'rest' });
    expect(request?.headers['user-agent']).toBe('runware-test/1.0');
    expect(lines.filter((line) => line.category === 'warn')).toEqual([]);
  });

  it('accept the old names for one more minor version, with one warning per old name', async () => {
    const { log, lines } = captureLog();
    const transport = createRestTransport({
      apiKey: emulator.apiKey,
      baseUrl: emulator.httpUrl,
      timeoutMs: 5_000,
      retryDelayMs: 7,
      maxRetryDelayMs: 7,
      random: () => 0,
      log,
    });
    const warnings = lines.filter((line) => line.category === 'warn');
    expect(warnings.map((line) => line.data)).toEqual([
      { deprecated: 'baseUrl', use: 'httpBaseUrl' },
      { deprecated: 'timeoutMs', use: 'timeout' },
      { deprecated: 'retryDelayMs', use: 'retryDelay' },
      { deprecated: 'maxRetryDelayMs', use: 'maxRetryDelay' },
    ]);
    expect(warnings[0]?.message).toContain('use `httpBaseUrl`');
    // The old names still work: the base URL, and the retry delay (7 ms, capped at 7).
    await emulator.control.addFaults([{ kind: 'httpError', status: 503, count: 1 }]);
    const result = await transport.send([imageTask()]);
    expect(result.status).toBe(200);
    expect(lines.filter((line) => line.category === 'retry').map((line) => line.data.delayMs)).toEqual([7]);
    expect(lines.filter((line) => line.category === 'warn')).toHaveLength(4);
  });

  it('prefer the new name when both are given', async () => {
    const { log, lines } = captureLog();
    const transport = createRestTransport({
      apiKey: emulator.apiKey,
      httpBaseUrl: emulator.httpUrl,
      baseUrl: 'http://127.0.0.1:9/v1',
      log,
    });
    expect((await transport.send([imageTask()])).status).toBe(200);
    expect(lines.filter((line) => line.category === 'warn')).toEqual([]);
  });

  it('accept a resolved client config passed through, and ignore the fields they do not use', async () => {
    const config = resolveConfig(
      {
        apiKey: emulator.apiKey,
        transportType: 'rest',
        httpBaseUrl: emulator.httpUrl,
        retryDelay: 5,
        debug: true,
        logSink: () => {},
      },
      {},
    );
    const { log, lines } = captureLog();
    const transport = createRestTransport({ ...config, userAgent: 'runware-test/1.0', log });
    expect((await transport.send([imageTask()])).status).toBe(200);
    expect(lines.filter((line) => line.category === 'warn')).toEqual([]);
  });

  it.each([
    [{ apiKey: '' }, 'missingApiKey', 'apiKey'],
    [{ apiKey: 'k', httpBaseUrl: 'ftp://example.com/v1' }, 'invalidConfig', 'httpBaseUrl'],
    [{ apiKey: 'k', baseUrl: 'not a url' }, 'invalidConfig', 'baseUrl'],
    [{ apiKey: 'k', timeout: 0 }, 'invalidConfig', 'timeout'],
    [{ apiKey: 'k', timeoutMs: 0 }, 'invalidConfig', 'timeoutMs'],
    [{ apiKey: 'k', maxRetries: -1 }, 'invalidConfig', 'maxRetries'],
    [{ apiKey: 'k', maxRetries: 1.5 }, 'invalidConfig', 'maxRetries'],
    [{ apiKey: 'k', retryDelay: -1 }, 'invalidConfig', 'retryDelay'],
    [{ apiKey: 'k', retryDelayMs: Number.NaN }, 'invalidConfig', 'retryDelayMs'],
    [{ apiKey: 'k', maxRetryDelay: Number.POSITIVE_INFINITY }, 'invalidConfig', 'maxRetryDelay'],
    [{ apiKey: 'k', retryStrategy: 'fibonacci' }, 'invalidConfig', 'retryStrategy'],
    [{ apiKey: 'k', fetch: 'fetch' }, 'invalidConfig', 'fetch'],
    [{ apiKey: 'k', log: true }, 'invalidConfig', 'log'],
    [{ apiKey: 'k', random: 0.5 }, 'invalidConfig', 'random'],
    [{ apiKey: 'k', userAgent: 42 }, 'invalidConfig', 'userAgent'],
  ])('refuse %o: %s naming %s', (options, rawCode, parameter) => {
    const error = configError(options);
    expect(error.rawCode).toBe(rawCode);
    expect(error.parameter).toBe(parameter);
    expect(error.message).toContain(parameter);
  });

  it('never quote the key in a config error', () => {
    const key = 'secret-key-that-must-not-leak';
    const error = configError({ apiKey: key, httpBaseUrl: `https://x.test/v1?key=${key}` });
    expect(error.parameter).toBe('httpBaseUrl');
    expect(error.message).not.toContain(key);
    expect(error.message).toContain('***');
  });
});
