/**
 * Generated bad arguments to every public method of the client: createClient options, run,
 * runBatch, stream, the utility calls, content.*, and the run options (signal, timeout, onResult,
 * onProgress, validate, unknown keys). Against the hostile server in pass-through mode (a real
 * emulator behind it), over both transports.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { type ClientOptions, createClient, type RunwareClient } from '../../src/index';
import {
  asCase,
  CALL_TIMEOUT_MS,
  checkSettled,
  imageTask,
  SETTLE_WITHIN_MS,
  type TransportName,
  useFixture,
} from './support/fixture';
import { fuzzParams, testTimeout, timed } from './support/fuzz-config';
import { settles } from './support/guards';

const fixture = useFixture();

/** A value labelled for counterexamples (functions, proxies and getters print as their label). */
function labelled<T extends object>(label: string, value: T): T {
  try {
    Object.defineProperty(value, fc.toStringMethod, { value: () => label, enumerable: false });
  } catch {}
  return value;
}

/** Values that are hostile to whoever reads them: throwing getters and proxies, cycles, thenables. */
const trapValues = (): fc.Arbitrary<unknown> =>
  fc
    .constantFrom(
      'throwingProxy',
      'throwingGetter',
      'cycle',
      'thenable',
      'rejectingThenable',
      'protoJson',
      'nullProto',
      'symbol',
      'bigint',
      'hugeString',
      'function',
      'date',
      'map',
      'typedArray',
      'revokedProxy',
    )
    .map((kind) => {
      switch (kind) {
        case 'throwingProxy':
          return new Proxy(
            {},
            {
              // fast-check itself asks for its symbols (toString, clone...): answer those.
              get(_t, key) {
                if (key === fc.toStringMethod) return () => 'throwingProxy';
                if (typeof key === 'symbol') return undefined;
                throw new Error('trap: get');
              },
              ownKeys() {
                throw new Error('trap: ownKeys');
              },
              has(_t, key) {
                if (typeof key === 'symbol') return key === fc.toStringMethod;
                throw new Error('trap: has');
              },
              getOwnPropertyDescriptor() {
                throw new Error('trap: descriptor');
              },
            },
          );
        case 'throwingGetter':
          return labelled(
            'throwingGetter',
            Object.defineProperty({}, 'taskType', {
              enumerable: true,
              get() {
                throw new Error('trap: getter');
              },
            }),
          );
        case 'cycle': {
          const a: Record<string, unknown> = { taskType: 'imageInference' };
          a.self = a;
          return labelled('cycle', a);
        }
        case 'thenable':
          // biome-ignore lint/suspicious/noThenProperty: a hostile thenable on purpose
          return labelled('thenable', { then: (ok: (v: unknown) => void) => ok(1) });
        case 'rejectingThenable':
          return labelled('rejectingThenable', {
            // biome-ignore lint/suspicious/noThenProperty: a hostile thenable on purpose
            then: (_: unknown, no: (e: unknown) => void) => no(new Error('trap: then')),
          });
        case 'protoJson':
          return labelled(
            'protoJson',
            JSON.parse(
              '{"__proto__":{"polluted":"yes","taskType":"imageInference"},"constructor":{"prototype":{"polluted":"yes"}}}',
            ),
          );
        case 'nullProto':
          return labelled('nullProto', Object.assign(Object.create(null), { taskType: 'imageInference' }));
        case 'symbol':
          return Symbol('trap');
        case 'bigint':
          return 10n ** 30n;
        case 'hugeString':
          return 'x'.repeat(200_000);
        case 'function':
          return labelled('function', () => 'trap');
        case 'date':
          return new Date(Number.NaN);
        case 'map':
          return new Map([['taskType', 'imageInference']]);
        case 'typedArray':
          return new Uint8Array(16);
        case 'revokedProxy': {
          const { proxy, revoke } = Proxy.revocable({}, {});
          revoke();
          // fast-check asks the values it holds for its own symbols: those are answered here, and
          // every other operation goes to the revoked proxy (a TypeError, as for the real thing).
          // The target is a plain object, so the engine's invariant checks never reach the revoked one.
          const handler = new Proxy({} as ProxyHandler<object>, {
            get:
              (_h, trap: keyof typeof Reflect) =>
              (_target: object, ...args: unknown[]) => {
                const key = args[0];
                if (trap === 'get' && key === fc.toStringMethod) return () => 'revokedProxy';
                if ((trap === 'get' || trap === 'has') && typeof key === 'symbol')
                  return trap === 'has' ? false : undefined;
                return (Reflect[trap] as (...a: unknown[]) => unknown)(proxy, ...args);
              },
          });
          return new Proxy({}, handler);
        }
      }
      return undefined;
    });

const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    true,
    0,
    -1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    1e308,
    0.5,
    '',
    ' ',
    '__proto__',
    'constructor',
    '0',
    '-1',
    'NaN',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 2 }),
  trapValues(),
);

/** A task: valid, with one or more fields made bad, or not a task at all. */
const badTask: fc.Arbitrary<unknown> = fc.oneof(
  badValue,
  fc
    .record({
      field: fc.constantFrom(
        'taskType',
        'taskUUID',
        'model',
        'positivePrompt',
        'width',
        'height',
        'numberResults',
        'deliveryMethod',
        'outputType',
        'seedImage',
        '__proto__',
        'constructor',
        'unknownKey',
      ),
      value: badValue,
      delivery: fc.constantFrom('sync', 'async') as fc.Arbitrary<'sync'>,
    })
    .map(({ field, value, delivery }) => {
      const task = imageTask(delivery) as unknown as Record<string, unknown>;
      Object.defineProperty(task, field, { value, enumerable: true, writable: true, configurable: true });
      return labelled(`imageTask with ${field}=${fc.stringify(value)}`, task);
    }),
);

/** Run options: every known key with good or bad values, plus unknown keys. */
const runOptions: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 1, arbitrary: badValue },
  {
    weight: 4,
    arbitrary: fc
      .record(
        {
          signal: fc.oneof(
            badValue,
            fc.constantFrom('aborted', 'abortSoon', 'abortNow', 'fakeSignal').map((kind) => {
              if (kind === 'aborted')
                return labelled('AbortSignal.abort()', AbortSignal.abort(new Error('pre-aborted')));
              if (kind === 'abortSoon') return labelled('AbortSignal.timeout(20)', AbortSignal.timeout(20));
              if (kind === 'abortNow') {
                const c = new AbortController();
                queueMicrotask(() => c.abort('odd reason, not an Error'));
                return labelled('abortedInMicrotask', c.signal);
              }
              return labelled('fakeSignal', {
                aborted: false,
                addEventListener() {},
                removeEventListener() {},
              });
            }),
          ),
          timeout: fc.oneof(badValue, fc.integer({ min: -10, max: 3000 })),
          onResult: fc.oneof(badValue, fc.constantFrom('throws', 'rejects', 'slow').map(callback)),
          onProgress: fc.oneof(badValue, fc.constantFrom('throws', 'rejects', 'slow').map(callback)),
          validate: badValue,
          unknownKey: badValue,
          ['__proto__']: badValue,
        },
        { requiredKeys: [] },
      )
      .map((o) => {
        // A generated `__proto__` key must be an own key, not the prototype.
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(o))
          Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
        return labelled(`options ${fc.stringify(o)}`, out);
      }),
  },
);

function callback(kind: 'throws' | 'rejects' | 'slow') {
  const fn =
    kind === 'throws'
      ? () => {
          throw new Error('trap: callback throws');
        }
      : kind === 'rejects'
        ? () => Promise.reject(new Error('trap: callback rejects'))
        : () => new Promise(() => {});
  return labelled(`callback(${kind})`, fn);
}

const methods = [
  'run',
  'runBatch',
  'stream',
  'modelSearch',
  'modelUpload',
  'imageUpload',
  'mediaStorage',
  'accountManagement',
  'getTaskDetails',
  'getResponse',
  'content.listModels',
  'content.getModel',
  'content.getModelExamples',
  'content.getModelPricing',
  'content.getModelGuides',
  'content.listCollections',
  'content.getCollection',
  'content.getCreator',
] as const;

function invoke(
  client: RunwareClient,
  method: (typeof methods)[number],
  params: unknown,
  options: unknown,
): unknown {
  type Fn = (...a: unknown[]) => unknown;
  const c = client as unknown as Record<string, Fn>;
  if (method.startsWith('content.')) {
    const content = client.content as unknown as Record<string, Fn>;
    const name = method.slice('content.'.length);
    return (content[name] as Fn)(params, options);
  }
  if (method === 'runBatch')
    return (c.runBatch as Fn)(Array.isArray(params) ? params : [params, imageTask()], options);
  return (c[method] as Fn)(params, options);
}

describe('fuzz: bad arguments to every public method', () => {
  for (const transport of ['websocket', 'rest'] as const satisfies readonly TransportName[]) {
    it(
      `${transport}: every call settles, rejects only with clean RunwareErrors, no uncaught error, prototypes untouched`,
      async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...methods),
            fc.oneof(badTask, fc.array(badTask, { maxLength: 3 })),
            runOptions,
            timed(5000, async (method, params, options) => {
              await asCase(fixture, async () => {
                const client = await fixture.client(transport);
                const o = await settles(
                  method,
                  () => invoke(client, method, params, options),
                  SETTLE_WITHIN_MS,
                );
                checkSettled(method, o, fixture.server.apiKey);
                if (method === 'stream' && o.status === 'resolved') {
                  const r = await settles(
                    'stream.result()',
                    () => (o.value as { result(): Promise<unknown> }).result(),
                    SETTLE_WITHIN_MS,
                  );
                  checkSettled('stream.result()', r, fixture.server.apiKey);
                }
              });
            }),
          ),
          fuzzParams(80, 5000),
        );
        fixture.assertNoStrays();
      },
      testTimeout(5000),
    );
  }
});

describe('fuzz: bad createClient options', () => {
  const optionKeys = [
    'apiKey',
    'transportType',
    'httpBaseUrl',
    'wsBaseUrl',
    'schemasBaseUrl',
    'contentBaseUrl',
    'timeout',
    'pollTimeout',
    'authTimeout',
    'submitBatchWindow',
    'maxRetries',
    'retryDelay',
    'retryStrategy',
    'maxReconnectAttempts',
    'maxConnections',
    'debug',
    'validate',
    'dependencies',
    'logSink',
    'userAgent',
    'transport',
    'registry',
    'validator',
    '__proto__',
    'unknownOption',
  ] as const;

  /** Local or unusable URLs only: the suite never reaches the network. */
  const badUrl = fc.constantFrom(
    '',
    'not a url',
    'ftp://127.0.0.1:1/',
    'http://127.0.0.1:1/v1',
    'ws://127.0.0.1:1/v1',
    'javascript:alert(1)',
    'http://[::1',
    '//127.0.0.1:1',
    'http://user:pass@127.0.0.1:1/',
  );

  const badDependencies = fc.oneof(
    badValue,
    fc
      .constantFrom('fetchThrows', 'fetchNever', 'fetchJunk', 'wsThrows', 'wsJunk', 'filesThrow')
      .map((kind) => {
        switch (kind) {
          case 'fetchThrows':
            return labelled('deps(fetch throws)', {
              fetch: () => {
                throw new Error('trap: fetch');
              },
            });
          case 'fetchNever':
            return labelled('deps(fetch never settles)', { fetch: () => new Promise(() => {}) });
          case 'fetchJunk':
            return labelled('deps(fetch resolves junk)', {
              fetch: async () => ({ ok: true, status: 200, body: 42, text: 42, json: 42, headers: null }),
            });
          case 'wsThrows':
            return labelled('deps(WebSocket throws)', {
              WebSocket: class {
                constructor() {
                  throw new Error('trap: WebSocket');
                }
              },
            });
          case 'wsJunk':
            return labelled('deps(WebSocket junk)', { WebSocket: class {} });
          default:
            return labelled('deps(files throw)', {
              files: {
                isFile: () => {
                  throw new Error('trap: isFile');
                },
                readFile: () => Promise.reject(new Error('trap: readFile')),
              },
            });
        }
      }),
  );

  const badOptions = fc
    .dictionary(fc.constantFrom(...optionKeys), fc.constant(null), { maxKeys: 4 })
    .chain((keys) =>
      fc.record(
        Object.fromEntries(
          Object.keys(keys).map((k) => [
            k,
            k.endsWith('Url')
              ? fc.oneof(badUrl, badValue)
              : k === 'dependencies'
                ? badDependencies
                : k === 'logSink'
                  ? fc.oneof(badValue, fc.constantFrom('throws', 'rejects').map(callback))
                  : badValue,
          ]),
        ) as Record<string, fc.Arbitrary<unknown>>,
      ),
    );

  for (const transport of ['websocket', 'rest'] as const satisfies readonly TransportName[]) {
    it(
      `${transport}: createClient and a first run settle, reject only with clean RunwareErrors, no uncaught error, prototypes untouched`,
      async () => {
        await fc.assert(
          fc.asyncProperty(
            badOptions,
            fc.boolean(),
            timed(4000, async (bad, debug) => {
              await asCase(fixture, async () => {
                const options: Record<string, unknown> = {
                  ...fixture.options(transport),
                  debug,
                  logSink: () => {},
                };
                for (const [k, v] of Object.entries(bad))
                  Object.defineProperty(options, k, {
                    value: v,
                    enumerable: true,
                    writable: true,
                    configurable: true,
                  });
                const made = await settles(
                  'createClient',
                  () => createClient(options as ClientOptions),
                  SETTLE_WITHIN_MS,
                );
                checkSettled('createClient', made, fixture.server.apiKey);
                if (made.status !== 'resolved') return;
                const client = made.value as RunwareClient;
                try {
                  const o = await settles(
                    'run',
                    () => client.run(imageTask(), { timeout: CALL_TIMEOUT_MS }),
                    SETTLE_WITHIN_MS,
                  );
                  checkSettled('run', o, fixture.server.apiKey);
                } finally {
                  const closed = await settles('close', () => client.close(), SETTLE_WITHIN_MS);
                  checkSettled('close', closed, fixture.server.apiKey);
                }
              });
            }),
          ),
          fuzzParams(60, 4000),
        );
        fixture.assertNoStrays();
      },
      testTimeout(4000),
    );
  }

  it(
    'debug logs never quote the API key',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom<TransportName>('websocket', 'rest'),
          fc.constantFrom('run', 'badRun', 'modelSearch', 'stream'),
          timed(4000, async (transport, call) => {
            await asCase(fixture, async () => {
              const entries: unknown[] = [];
              const client = await fixture.client(transport, {
                debug: true,
                logSink: (e) => entries.push(e),
              });
              const opts = { timeout: CALL_TIMEOUT_MS };
              const o = await settles(
                call,
                () =>
                  call === 'run'
                    ? client.run(imageTask(), opts)
                    : call === 'badRun'
                      ? client.run({ ...imageTask(), width: 'wide' } as never, opts)
                      : call === 'modelSearch'
                        ? client.modelSearch({ search: 'x' } as never, opts)
                        : client
                            .stream(
                              {
                                taskType: 'textInference',
                                model: 'minimax:m2.7@0',
                                messages: [{ role: 'user', content: 'hi' }],
                              } as never,
                              opts,
                            )
                            .then((s) => s.result()),
                SETTLE_WITHIN_MS,
              );
              checkSettled(call, o, fixture.server.apiKey);
              const text = entries.map((e) => {
                try {
                  return JSON.stringify(e);
                } catch {
                  return String(e);
                }
              });
              const leak = text.find((t) => t.includes(fixture.server.apiKey));
              if (leak) throw new Error(`a debug log entry quotes the API key: ${leak.slice(0, 300)}`);
            });
          }),
        ),
        fuzzParams(12, 4000),
      );
      fixture.assertNoStrays();
    },
    testTimeout(4000),
  );
});
