import { rejectionOf, useEmulator } from '@runware/emulator/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ClientOptions, createClient, isRunwareError, type LogEntry } from '../src/index';
import { syncImage } from './support/harness';

/**
 * createClient hands the resolved config to the transports, the registry and the validator under
 * the config's own names: a field set on the client changes what they do, and nothing along the
 * way uses (and warns about) a deprecated name.
 */
const emulator = useEmulator(
  { beforeAll, afterAll, beforeEach },
  { latency: { default: 5, imageInference: 1_500 } },
);
const failure = (promise: Promise<unknown>) => rejectionOf(promise, isRunwareError);

const logged: LogEntry[] = [];
const clients: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
});

async function clientWith(options: ClientOptions) {
  const client = await createClient({
    apiKey: emulator.apiKey,
    httpBaseUrl: emulator.httpUrl,
    wsBaseUrl: emulator.wsUrl,
    schemasBaseUrl: emulator.schemasUrl,
    debug: true,
    logSink: (entry) => void logged.push(entry),
    ...options,
  });
  clients.push(client);
  return client;
}

/** An image task the emulator takes 1.5 s to finish (this file's imageInference latency). */
const slowImage = syncImage;

describe.each(['rest', 'websocket'] as const)('the client config over %s', (transportType) => {
  it('timeout bounds a sync wait: a slow task fails with code timeout', async () => {
    const client = await clientWith({ transportType, timeout: 300, maxRetries: 0 });
    const error = await failure(client.run(slowImage));
    expect(error.code).toBe('timeout');
  });
});

describe('the client config over REST', () => {
  it('maxRetries reaches the transport: with 0, a 503 is not retried', async () => {
    await emulator.control.addFaults([{ kind: 'httpError', status: 503, count: 1 }]);
    const client = await clientWith({ transportType: 'rest', maxRetries: 0, retryDelay: 20 });
    const error = await failure(client.accountManagement({ operation: 'getDetails' }));
    expect(error.statusCode).toBe(503);
  });

  it('retryDelay reaches the transport: the retry after a 503 waits at least that long', async () => {
    await emulator.control.addFaults([{ kind: 'httpError', status: 503, count: 1 }]);
    const sent: number[] = [];
    const timed: typeof globalThis.fetch = (input, init) => {
      if (String(input).startsWith(emulator.httpUrl)) sent.push(performance.now());
      return fetch(input, init);
    };
    // The default (1 000 ms plus at most 30 % jitter) stays below 1 450 ms.
    const client = await clientWith({
      transportType: 'rest',
      retryDelay: 1_500,
      dependencies: { fetch: timed },
    });
    const [account] = await client.accountManagement({ operation: 'getDetails' });
    expect(account?.balance?.currency).toBe('USD');
    expect(sent).toHaveLength(2);
    expect((sent[1] ?? 0) - (sent[0] ?? 0)).toBeGreaterThanOrEqual(1_450);
  });

  it('dependencies.fetch and schemasBaseUrl reach the registry and the validator as well as the transport', async () => {
    const urls: string[] = [];
    const counting: typeof globalThis.fetch = (input, init) => {
      urls.push(String(input));
      return fetch(input, init);
    };
    const client = await clientWith({
      transportType: 'rest',
      validate: true,
      dependencies: { fetch: counting },
    });
    const community = 'civitai:133005@782002';
    const invalid = await failure(
      client.run({
        model: community,
        taskType: 'imageInference',
        positivePrompt: 'a fox',
        width: 'wide' as never,
        height: 1024,
      }),
    );
    expect(invalid).toMatchObject({ code: 'validation', parameter: 'width' });
    expect(urls).toContain(`${emulator.schemasUrl}/registry.json`);
    expect(urls).toContain(`${emulator.schemasUrl}/resolve/${encodeURIComponent(community)}`);
    await client.accountManagement({ operation: 'getDetails' });
    expect(urls.some((url) => url.startsWith(emulator.httpUrl))).toBe(true);
  });
});

describe('the client config over WebSocket', () => {
  it('authTimeout and maxReconnectAttempts reach the transport', async () => {
    await emulator.control.addFaults([{ kind: 'slowAuth', ms: 5_000 }]);
    const client = await clientWith({
      transportType: 'websocket',
      authTimeout: 200,
      maxReconnectAttempts: 0,
    });
    const error = await failure(client.run(slowImage));
    expect(error.rawCode).toBe('authTimeout');
    expect(error.message).toContain('200 ms');
  });
});

describe('deprecated names', () => {
  it('are never used by createClient: nothing warned about them', () => {
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.filter((entry) => /deprecated/i.test(entry.message))).toEqual([]);
  });
});
