import { resolveConfig } from '@runware/core';
import { imageTask, useEmulator } from '@runware/emulator/testing';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createWebSocketTransport, type WebSocketTransportOptions } from '../src/index';

const emulator = useEmulator({ beforeAll, afterAll }, { latency: { default: 5 } });

const key = 'a-long-secret-api-key-0123';

/** Options as an untyped caller (plain JavaScript, JSON config) could pass them. */
const loose = (options: Record<string, unknown>) => options as unknown as WebSocketTransportOptions;
const create = (options: Record<string, unknown>) => () => createWebSocketTransport(loose(options));

function capture() {
  const lines: { category: string; message: string }[] = [];
  return { lines, log: (category: string, message: string) => void lines.push({ category, message }) };
}

describe('createWebSocketTransport options', () => {
  it.each([-1, 0, Number.NaN, Number.POSITIVE_INFINITY, '1000', 2 ** 31])(
    'refuses timeout %s with invalidConfig naming the field',
    (timeout) => {
      expect(create({ apiKey: key, timeout })).toThrow(
        expect.objectContaining({
          rawCode: 'invalidConfig',
          parameter: 'timeout',
          message: expect.stringMatching(/^createWebSocketTransport: timeout must be/),
        }),
      );
    },
  );

  it.each([
    ['wsBaseUrl', 'https://ws-api.runware.ai/v1'],
    ['retryStrategy', 'fibonacci'],
    ['maxReconnectAttempts', -1],
    ['heartbeatInterval', 0],
    ['WebSocket', 'ws'],
    ['log', true],
    ['headers', { 'user-agent': 1 }],
  ])('refuses a bad %s with invalidConfig naming it', (field, value) => {
    expect(create({ apiKey: key, [field]: value })).toThrow(
      expect.objectContaining({ rawCode: 'invalidConfig', parameter: field }),
    );
  });

  it('names the deprecated field the caller used when its value is bad', () => {
    expect(create({ apiKey: key, timeoutMs: -5 })).toThrow(
      expect.objectContaining({ rawCode: 'invalidConfig', parameter: 'timeoutMs' }),
    );
  });

  it.each([undefined, '', '   ', 42])('refuses apiKey %s with missingApiKey', (apiKey) => {
    expect(create({ apiKey })).toThrow(
      expect.objectContaining({ code: 'auth', rawCode: 'missingApiKey', parameter: 'apiKey' }),
    );
  });

  it('keeps the old names working, with one warning per old name used', async () => {
    const { lines, log } = capture();
    const transport = createWebSocketTransport(
      loose({
        apiKey: emulator.apiKey,
        url: emulator.wsUrl,
        timeoutMs: 10_000,
        authTimeoutMs: 5000,
        retryDelayMs: 20,
        log,
      }),
    );
    onTestFinished(() => transport.disconnect());
    const answer = await transport.send([imageTask({ deliveryMethod: 'sync' })]);
    expect(answer.data).toHaveLength(1);
    const warnings = lines.filter((line) => line.category === 'warn').map((line) => line.message);
    expect(warnings).toEqual([
      'createWebSocketTransport: `url` is deprecated; use `wsBaseUrl`.',
      'createWebSocketTransport: `authTimeoutMs` is deprecated; use `authTimeout`.',
      'createWebSocketTransport: `timeoutMs` is deprecated; use `timeout`.',
      'createWebSocketTransport: `retryDelayMs` is deprecated; use `retryDelay`.',
    ]);
  });

  it('takes a resolved client config as it is, its other fields ignored, without warnings', async () => {
    const config = resolveConfig({ apiKey: emulator.apiKey, wsBaseUrl: emulator.wsUrl, retryDelay: 20 });
    const { lines, log } = capture();
    const transport = createWebSocketTransport({ ...config, log });
    onTestFinished(() => transport.disconnect());
    const answer = await transport.send([imageTask({ deliveryMethod: 'sync' })]);
    expect(answer.data).toHaveLength(1);
    expect(lines.filter((line) => line.category === 'warn')).toEqual([]);
  });
});
