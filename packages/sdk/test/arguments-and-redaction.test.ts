import { beforeEach, describe, expect, it } from 'vitest';
import { createClient, isRunwareError, type RunwareClient, type RunwareError } from '../src/index';
import { failure, syncImage, useHarness } from './support/harness';

// Arguments are checked at the door (nothing reaches the emulator), a closed client says to make
// a new one, and no error leaves the client holding the API key, whoever put it there.
const h = useHarness({ apiKeys: ['sk-hardening-secret-key-0123456789'] });
const secretKey = 'sk-hardening-secret-key-0123456789';

/** Requests the emulator received (REST POSTs and WebSocket frames). */
async function requestsSeen(): Promise<number> {
  const { requests } = await h.control.stats();
  return requests.rest + requests.ws;
}

/** Every place an error can show the key: message, stack, fields, JSON and its cause. */
function expectNoKey(error: RunwareError) {
  const cause = (error as { cause?: unknown }).cause;
  const texts = [
    error.message,
    String(error.stack),
    JSON.stringify(error),
    cause instanceof Error ? `${cause.message} ${cause.stack}` : JSON.stringify(cause ?? null),
  ];
  for (const text of texts) {
    expect(text).not.toContain(secretKey);
    expect(text).not.toMatch(/Bearer (?!\*\*\*)/);
  }
}

describe.each(['rest', 'websocket'] as const)('arguments at the door over %s', (transportType) => {
  let client: RunwareClient;
  beforeEach(async () => {
    client = await h.clientWith({ apiKey: secretKey, transportType, wsBaseUrl: h.emulator.wsUrl });
    await client.connect();
  });

  it.each([
    ['options null', () => client.run(syncImage, null as never), 'options'],
    ['a signal that is not an AbortSignal', () => client.run(syncImage, { signal: {} as never }), 'signal'],
    ['timeout NaN', () => client.run(syncImage, { timeout: Number.NaN }), 'timeout'],
    ['timeout as a string', () => client.run(syncImage, { timeout: '1000' as never }), 'timeout'],
    ['an unknown option', () => client.run(syncImage, { timout: 5 } as never), 'timout'],
    ['onResult not a function', () => client.run(syncImage, { onResult: 'x' as never }), 'onResult'],
    ['BigInt params', () => client.run({ ...syncImage, seed: 10n } as never), 'seed'],
    ['numberResults -1', () => client.run({ ...syncImage, numberResults: -1 }), 'numberResults'],
    ['stream(undefined)', () => client.stream(undefined as never), 'params'],
    ['getTaskDetails(null)', () => client.getTaskDetails(null as never), 'params'],
    ['runBatch of a non-object', () => client.runBatch([syncImage, 7] as never), 'params.1'],
  ])('%s is a validation error naming %s, and nothing is sent', async (_, call, parameter) => {
    const before = await requestsSeen();
    const error = await failure(call());
    expect(error).toMatchObject({ code: 'validation', parameter, retryable: false });
    expect(await requestsSeen()).toBe(before);
  });

  it('refuses circular params without leaking anything: the client still runs and closes', async () => {
    const circular: Record<string, unknown> = { ...syncImage };
    circular.self = circular;
    expect(await failure(client.run(circular as never))).toMatchObject({
      code: 'validation',
      parameter: 'self',
    });
    const [image] = await client.run(syncImage);
    expect(image?.imageURL).toEqual(expect.any(String));
    await client.close();
  });

  it('a closed client rejects with a non-retryable error that says to create a new client', async () => {
    await client.close();
    for (const call of [() => client.run(syncImage), () => client.stream({ model: 'x' } as never)]) {
      const error = await failure(call());
      expect(error).toMatchObject({ code: 'validation', rawCode: 'clientClosed', retryable: false });
      expect(error.message).toContain('create a new client');
    }
  });

  it('redacts the API key and any Bearer value a server error quotes', async () => {
    await h.control.addFaults([
      {
        kind: 'itemError',
        count: 1,
        code: 'invalidApiKey',
        message: `Invalid API key ${secretKey} (Authorization: Bearer ${secretKey})`,
      },
    ]);
    const error = await failure(client.run(syncImage));
    expect(error.message).toContain('Invalid API key ***');
    expectNoKey(error);
  });
});

it('createClient(null) is a config error, not a TypeError', async () => {
  const error = await failure(createClient(null as never));
  expect(isRunwareError(error)).toBe(true);
  expect(error).toMatchObject({ code: 'validation', rawCode: 'invalidConfig', parameter: 'config' });
});

describe('createClient with parts that are not parts', () => {
  it.each([
    [{ transport: 0 }, 'transport'],
    [{ transport: { send: () => Promise.resolve({ data: [], errors: [] }) } }, 'transport.close'],
    [{ registry: 'live' }, 'registry'],
    [{ validator: { validate: 'yes', clearCache: () => {} } }, 'validator.validate'],
  ])('%j is an invalidConfig error naming %s, not a TypeError at close()', async (parts, field) => {
    const error = await failure(createClient({ apiKey: secretKey, ...(parts as object) }));
    expect(error).toMatchObject({ code: 'validation', rawCode: 'invalidConfig', parameter: field });
  });

  it('an options object whose property traps throw rejects with a RunwareError', async () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error(`trap: get ${secretKey}`);
        },
        ownKeys: () => {
          throw new Error('trap: ownKeys');
        },
      },
    );
    const error = await failure(createClient(hostile as never));
    expect(isRunwareError(error)).toBe(true);
    expect(error.retryable).toBe(false);
  });
});
