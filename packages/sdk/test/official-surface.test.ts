import { describe, expect, it } from 'vitest';
import {
  architectureTaskTypes,
  createClient,
  createLogger,
  type LogEntry,
  modalityTaskTypes,
  models,
  operationTaskTypes,
  type RunwareClient,
  SDK_VERSION,
  sdkVersion,
} from '../src/index';
import { failure, useHarness } from './support/harness';

// The official SDK 1.6 names and call shapes that are ours too (see README, "Coming from the
// official SDK"); the compatibility suite in tools/install-check runs their style of code whole.
const h = useHarness();

const base = () => ({
  apiKey: h.emulator.apiKey,
  httpBaseUrl: h.emulator.httpUrl,
  wsBaseUrl: h.emulator.wsUrl,
  schemasBaseUrl: h.emulator.schemasUrl,
});

async function tasksOver(transport: 'rest' | 'ws'): Promise<number> {
  return (await h.control.stats()).tasks.byTransport[transport];
}

const image = { model: 'runware:400@1', positivePrompt: 'a fox', width: 16, height: 16 };

async function withClient(options: Record<string, unknown>, body: (client: RunwareClient) => Promise<void>) {
  const client = await createClient({ ...base(), ...options });
  try {
    await body(client);
  } finally {
    await client.close();
  }
}

describe("createClient's official spellings", () => {
  it.each([
    ['rest', 'rest'],
    ['websocket', 'ws'],
  ] as const)('transport: %j carries tasks over %s', async (transport, over) => {
    const other = over === 'rest' ? 'ws' : 'rest';
    await withClient({ transport }, async (client) => {
      const [before, otherBefore] = [await tasksOver(over), await tasksOver(other)];
      await client.run(image);
      expect(await tasksOver(over)).toBeGreaterThan(before);
      expect(await tasksOver(other)).toBe(otherBefore);
    });
  });

  it.each([
    [{ transport: 'rest', transportType: 'websocket' }, 'transport'],
    [{ transport: 'grpc' }, 'transport'],
    [{ userAgentPrefix: 'a/1', userAgent: 'b/2' }, 'userAgentPrefix'],
  ])('%j fails in createClient, naming %s', async (options, field) => {
    const error = await failure(createClient({ ...base(), ...(options as object) }));
    expect(error).toMatchObject({ code: 'validation', rawCode: 'invalidConfig', parameter: field });
  });

  it('userAgentPrefix reaches the User-Agent header', async () => {
    const seen: string[] = [];
    const fetchSpy: typeof fetch = (input, init) => {
      seen.push(new Headers(init?.headers).get('user-agent') ?? '');
      return fetch(input, init);
    };
    await withClient(
      { transport: 'rest', userAgentPrefix: 'my-app/2.0', dependencies: { fetch: fetchSpy } },
      async (client) => {
        await client.run(image);
      },
    );
    expect(seen.some((agent) => agent.startsWith('my-app/2.0 '))).toBe(true);
  });
});

describe('isConnected()', () => {
  it('over WebSocket: false before connect(), true after, false after close()', async () => {
    const client = await createClient({ ...base(), transport: 'websocket' });
    expect(client.isConnected()).toBe(false);
    await client.connect();
    expect(client.isConnected()).toBe(true);
    await client.close();
    expect(client.isConnected()).toBe(false);
  });

  it('over REST: true while the client is open (REST needs no connection)', async () => {
    const client = await createClient({ ...base(), transport: 'rest' });
    expect(client.isConnected()).toBe(true);
    await client.close();
    expect(client.isConnected()).toBe(false);
  });
});

describe('runtime exports of the official SDK', () => {
  it('models maps each curated AIR to its taskType and slug (id)', () => {
    expect(Object.keys(models).length).toBe(350);
    expect(models['runware:400@1']).toMatchObject({ taskType: 'imageInference', id: expect.any(String) });
  });

  it('the key → taskType tables are values', () => {
    expect(architectureTaskTypes.sdxl).toBe('imageInference');
    expect(modalityTaskTypes.video).toBe('videoInference');
    expect(Object.values(operationTaskTypes)).toContain('upscale');
  });

  it('SDK_VERSION is the package version', () => {
    expect(SDK_VERSION).toBe(sdkVersion);
    expect(SDK_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('createLogger(true, sink): a method per category, ISO timestamps', () => {
    const entries: LogEntry[] = [];
    const logger = createLogger(true, (entry) => entries.push(entry));
    logger.info('hello', { n: 1 });
    expect(entries).toEqual([
      expect.objectContaining({
        category: 'info',
        message: 'hello',
        data: { n: 1 },
        timestamp: expect.any(String),
      }),
    ]);
    expect(Number.isNaN(Date.parse(entries[0]?.timestamp ?? ''))).toBe(false);
  });
});
