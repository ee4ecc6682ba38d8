// createClient(config): every config field of the official 1.6 table, written the way a user of
// the official SDK writes it; only the base URLs point at the emulator.
import { createClient, isRunwareError, type LogEntry, RunwareError, type SDKConfig } from '@runware/sdk';
import {
  type Check,
  check,
  countingWebSocket,
  emulatorUrls,
  equal,
  fetchSpy,
  isoTimestamp,
  isString,
  nodeWebSocket,
  ok,
  rejection,
} from './harness.js';

const row = 'createClient config';

export const checks: Check[] = [
  check(`${row} › transport: 'rest' sends over HTTP, opens no WebSocket`, async (env) => {
    const spy = fetchSpy();
    const counting = await countingWebSocket();
    const client = await createClient({
      apiKey: env.apiKey,
      transport: 'rest',
      ...emulatorUrls(env),
      dependencies: { fetch: spy.fetch, WebSocket: counting.WebSocket },
    });
    await client.connect(); // a no-op on REST
    const images = await client.run({
      model: 'runware:400@1',
      positivePrompt: 'A lighthouse',
      width: 512,
      height: 512,
    });
    isString(images[0].imageURL, 'images[0].imageURL');
    ok(spy.posts(env.httpUrl).length > 0, 'no POST reached httpBaseUrl');
    equal(counting.opened(), 0, 'WebSockets opened');
    await client.disconnect();
  }),

  check(`${row} › transport: 'websocket' opens a WebSocket to wsBaseUrl`, async (env) => {
    const spy = fetchSpy();
    const Base = await nodeWebSocket();
    const urls: string[] = [];
    class RecordingWebSocket extends Base {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols);
        urls.push(url);
      }
    }
    const client = await createClient({
      apiKey: env.apiKey,
      transport: 'websocket',
      ...emulatorUrls(env),
      dependencies: { fetch: spy.fetch, WebSocket: RecordingWebSocket },
    });
    await client.connect();
    const images = await client.run({
      model: 'runware:400@1',
      positivePrompt: 'A harbour',
      width: 512,
      height: 512,
    });
    isString(images[0].imageURL, 'images[0].imageURL');
    ok(
      urls.length > 0 && urls.every((url) => url.startsWith(env.wsUrl)),
      `WebSocket URLs: ${urls.join(', ')}`,
    );
    equal(spy.posts(env.httpUrl).length, 0, 'POSTs to httpBaseUrl');
    await client.disconnect();
  }),

  check(`${row} › transport defaults to 'websocket'`, async (env) => {
    const counting = await countingWebSocket();
    const client = await createClient({
      apiKey: env.apiKey,
      ...emulatorUrls(env),
      dependencies: { WebSocket: counting.WebSocket },
    });
    await client.connect();
    ok(client.isConnected(), 'isConnected() after connect()');
    ok(counting.opened() > 0, 'no WebSocket opened by connect()');
    await client.disconnect();
  }),

  check(`${row} › transportType: 'rest' (the 1.2.1 spelling) still works`, async (env) => {
    const spy = fetchSpy();
    const client = await createClient({
      apiKey: env.apiKey,
      transportType: 'rest',
      ...emulatorUrls(env),
      dependencies: { fetch: spy.fetch },
    });
    const images = await client.run({
      model: 'runware:400@1',
      positivePrompt: 'A meadow',
      width: 512,
      height: 512,
    });
    isString(images[0].imageURL, 'images[0].imageURL');
    ok(spy.posts(env.httpUrl).length > 0, 'no POST reached httpBaseUrl');
  }),

  check(
    `${row} › transport and transportType that disagree are a config error at createClient`,
    async (env) => {
      const config = {
        apiKey: env.apiKey,
        transport: 'rest',
        transportType: 'websocket',
        ...emulatorUrls(env),
      } as const;
      const error = await rejection(createClient(config), 'createClient with conflicting transports');
      ok(!(error instanceof TypeError), `a TypeError: ${String(error)}`);
      ok(isRunwareError(error), `not a RunwareError: ${String(error)}`);
      ok(/transport/.test(error.message), `message does not name the field: ${error.message}`);
    },
  ),

  check(`${row} › userAgentPrefix is prepended to the User-Agent`, async (env) => {
    const spy = fetchSpy();
    const client = await createClient({
      apiKey: env.apiKey,
      transport: 'rest',
      userAgentPrefix: 'compat-check/1.0',
      ...emulatorUrls(env),
      dependencies: { fetch: spy.fetch },
    });
    await client.run({ model: 'runware:400@1', positivePrompt: 'A field', width: 512, height: 512 });
    const post = spy.posts(env.httpUrl)[0];
    ok(post, 'no POST reached httpBaseUrl');
    const agent = post.headers.get('user-agent') ?? '';
    ok(
      agent.startsWith('compat-check/1.0'),
      `User-Agent ${JSON.stringify(agent)} does not start with the prefix`,
    );
  }),

  check(`${row} › every field of the seed table, together, as an SDKConfig`, async (env) => {
    const entries: LogEntry[] = [];
    const config: SDKConfig = {
      apiKey: env.apiKey,
      transport: 'rest',
      ...emulatorUrls(env),
      timeout: 60_000,
      pollTimeout: 60_000,
      authTimeout: 15_000,
      maxRetries: 3,
      retryDelay: 1_000,
      retryStrategy: 'exponential',
      maxReconnectAttempts: 5,
      debug: true,
      validate: false,
      userAgentPrefix: 'compat-check/1.0',
      dependencies: { fetch: globalThis.fetch },
      logSink: (entry: LogEntry) => {
        entries.push(entry);
      },
    };
    const client = await createClient(config);
    const images = await client.run({
      model: 'runware:400@1',
      positivePrompt: 'A valley',
      width: 512,
      height: 512,
    });
    isString(images[0].imageURL, 'images[0].imageURL');
    ok(entries.length > 0, 'debug: true with a logSink logged nothing');
  }),

  check(
    `${row} › debug + logSink: entries { category, message, data?, timestamp (ISO-8601) }, no API key`,
    async (env) => {
      const entries: LogEntry[] = [];
      const client = await createClient({
        apiKey: env.apiKey,
        transport: 'rest',
        ...emulatorUrls(env),
        debug: true,
        logSink: (entry: LogEntry) => {
          entries.push(entry);
        },
      });
      await client.run({ model: 'runware:400@1', positivePrompt: 'A river', width: 512, height: 512 });
      ok(entries.length > 0, 'nothing logged');
      for (const entry of entries) {
        isString(entry.category, 'entry.category');
        ok(typeof entry.message === 'string', 'entry.message is not a string');
        const timestamp: string = entry.timestamp;
        ok(
          typeof timestamp === 'string' && isoTimestamp.test(timestamp),
          `timestamp ${JSON.stringify(timestamp)}`,
        );
      }
      ok(!JSON.stringify(entries).includes(env.apiKey), 'a log entry holds the API key');
    },
  ),

  check(`${row} › debug: false logs nothing to the logSink`, async (env) => {
    const entries: LogEntry[] = [];
    const client = await createClient({
      apiKey: env.apiKey,
      transport: 'rest',
      ...emulatorUrls(env),
      debug: false,
      logSink: (entry) => entries.push(entry),
    });
    await client.run({ model: 'runware:400@1', positivePrompt: 'A lake', width: 512, height: 512 });
    equal(entries.length, 0, 'entries logged with debug off');
  }),

  check(`${row} › timeout bounds one HTTP call`, async (env) => {
    const hang = fetchSpy((url, init) =>
      url.startsWith(env.httpUrl) && init?.method === 'POST'
        ? new Promise<Response>((_resolve, reject) => {
            init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
          })
        : undefined,
    );
    const client = await createClient({
      apiKey: env.apiKey,
      transport: 'rest',
      ...emulatorUrls(env),
      timeout: 200,
      maxRetries: 0,
      dependencies: { fetch: hang.fetch },
    });
    const started = Date.now();
    const error = await rejection(
      client.run({ model: 'runware:400@1', positivePrompt: 'A dune', width: 512, height: 512 }),
      'run with a hung POST',
    );
    ok(error instanceof RunwareError, `not a RunwareError: ${String(error)}`);
    equal(error.code, 'timeout', 'code');
    ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
  }),

  check(`${row} › pollTimeout bounds the polling of an async task`, async (env) => {
    const client = await createClient({
      apiKey: env.apiKey,
      transport: 'rest',
      ...emulatorUrls(env),
      pollTimeout: 5,
    });
    const error = await rejection(
      client.run({ model: 'google:3@3', positivePrompt: 'Waves', duration: 8 }),
      'run with pollTimeout 5 ms',
    );
    ok(error instanceof RunwareError, `not a RunwareError: ${String(error)}`);
    equal(error.code, 'timeout', 'code');
  }),

  check(`${row} › maxRetries, retryDelay, retryStrategy: 'linear' retry a 503`, async (env) => {
    let failures = 0;
    const spy = fetchSpy((url, init) => {
      if (!url.startsWith(env.httpUrl) || init?.method !== 'POST' || failures >= 2) return undefined;
      failures += 1;
      const body = { errors: [{ code: 'serviceUnavailable', message: 'try again' }] };
      return Promise.resolve(new Response(JSON.stringify(body), { status: 503 }));
    });
    const client = await createClient({
      apiKey: env.apiKey,
      transport: 'rest',
      ...emulatorUrls(env),
      maxRetries: 2,
      retryDelay: 10,
      retryStrategy: 'linear',
      dependencies: { fetch: spy.fetch },
    });
    const images = await client.run({
      model: 'runware:400@1',
      positivePrompt: 'A cliff',
      width: 512,
      height: 512,
    });
    isString(images[0].imageURL, 'images[0].imageURL');
    equal(failures, 2, 'failed attempts answered');
  }),

  check(`${row} › maxRetries: 0 gives up on the first 503 (serverError, retryable)`, async (env) => {
    const spy = fetchSpy((url, init) =>
      url.startsWith(env.httpUrl) && init?.method === 'POST'
        ? Promise.resolve(
            new Response(JSON.stringify({ errors: [{ code: 'serviceUnavailable', message: 'down' }] }), {
              status: 503,
            }),
          )
        : undefined,
    );
    const client = await createClient({
      apiKey: env.apiKey,
      transport: 'rest',
      ...emulatorUrls(env),
      maxRetries: 0,
      retryDelay: 10,
      dependencies: { fetch: spy.fetch },
    });
    const error = await rejection(
      client.run({ model: 'runware:400@1', positivePrompt: 'A cave', width: 512, height: 512 }),
      'run against a 503',
    );
    ok(error instanceof RunwareError, `not a RunwareError: ${String(error)}`);
    equal(error.code, 'serverError', 'code');
    equal(error.retryable, true, 'retryable');
    // Only submits count: a getResponse asking whether the task got in is not a retry.
    const submits = spy.posts(env.httpUrl).filter((post) => post.body.includes('"imageInference"'));
    equal(submits.length, 1, 'POSTs submitting the task');
  }),

  check(`${row} › authTimeout bounds the WebSocket auth handshake`, async (env) => {
    const Base = await nodeWebSocket();
    class SilentWebSocket extends Base {
      // Swallows every frame: the server never sees the authentication task.
      override send(_data: unknown): void {}
    }
    const client = await createClient({
      apiKey: env.apiKey,
      transport: 'websocket',
      ...emulatorUrls(env),
      authTimeout: 200,
      maxReconnectAttempts: 0,
      dependencies: { WebSocket: SilentWebSocket },
    });
    const started = Date.now();
    const error = await rejection(client.connect(), 'connect() with no auth answer');
    ok(error instanceof RunwareError, `not a RunwareError: ${String(error)}`);
    ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
    await client.disconnect();
  }),
];
