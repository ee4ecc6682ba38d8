import type { ResolvedConfig, RunwareConfig } from '../config/config-types';
import { resolveConfig } from '../config/resolve-config';
import type { ContentClient, CreateContentClientOptions } from '../content/content-client';
import { createRunwareError } from '../errors/create-runware-error';
import { toPublicError } from '../errors/public-error';
import { createLogger } from '../logger/create-logger';
import { needsEncoding } from '../media/needs-encoding';
import type { RegistryV1 } from '../spec/registry-v1';
import type { ResultItem } from '../spec/task';
import type { TransportV1 } from '../spec/transport-v1';
import type { ValidatorV1 } from '../spec/validator-v1';
import { checkParams, checkRunOptions, checkStreamOptions, checkTaskList } from './check-arguments';
import { checkParts } from './check-parts';
import type { RunwareClient } from './client-types';
import { createPollScheduler, defaultPolling, type PollingOptions } from './polling/poll-scheduler';
import type { RunOptions } from './run-options';
import { type RunContext, runOne, runTasks } from './run-tasks';
import { callSafely } from './safe-callback';
import { createSubmitCoalescer } from './submit-coalescer';

export interface CreateRunwareClientOptions {
  /** User config (validated here) or an already resolved one. */
  config: RunwareConfig | ResolvedConfig;
  /** Carries the tasks. Core needs nothing else. */
  transport: TransportV1;
  /** Used by `stream()` when `transport` cannot stream (the SDK passes REST next to WebSocket). */
  streamTransport?: TransportV1;
  /** Resolves models (AIR or slug) to taskTypes; without one, pass taskType explicitly. */
  registry?: RegistryV1;
  /** Client-side validation, used when `validate` is on. */
  validator?: ValidatorV1;
  /**
   * Builds `client.content` (pass `createContentClient`). Left out, the catalog code stays out of
   * the bundle and `client.content` calls reject with a RunwareError saying how to add it; the
   * full SDK always passes it.
   */
  content?: (options: CreateContentClientOptions) => ContentClient;
  /** Polling cadence of async tasks (tests shorten it). */
  polling?: Partial<PollingOptions>;
}

/** The utility methods of a client, named for their taskType. */
const utilityTaskTypes = [
  'modelSearch',
  'modelUpload',
  'imageUpload',
  'mediaStorage',
  'accountManagement',
  'getTaskDetails',
  'getResponse',
] as const;

// `await using` needs Symbol.asyncDispose; older runtimes get the well-known fallback TS uses.
const asyncDispose: typeof Symbol.asyncDispose =
  (Symbol as { asyncDispose?: typeof Symbol.asyncDispose }).asyncDispose ??
  (Symbol.for('Symbol.asyncDispose') as typeof Symbol.asyncDispose);

/** `client.content` of a client built without the content client: every call says how to add it. */
function contentNotIncluded(): ContentClient {
  const missing = () =>
    Promise.reject(
      createRunwareError(
        'invalidConfig',
        'client.content needs the content client: pass `content: createContentClient` (from @runware/core) to createRunwareClient, or use @runware/sdk.',
        { parameter: 'content' },
      ),
    );
  // Not thenable and no symbols, so `await`, logging and inspection see a plain object.
  return new Proxy(
    {},
    { get: (_, key) => (key === 'then' || typeof key === 'symbol' ? undefined : missing) },
  ) as ContentClient;
}

/** Builds a client from a config and a transport (plus an optional registry and validator). */
export function createRunwareClient(options: CreateRunwareClientOptions): RunwareClient {
  const config = resolveConfig(options.config as RunwareConfig);
  checkParts(options);
  const logger = createLogger({ debug: config.debug, logSink: config.logSink, secrets: [config.apiKey] });
  const { transport, registry, validator } = options;
  const streamTransport = options.streamTransport ?? transport;
  let closed = false;

  const closedError = () =>
    createRunwareError('clientClosed', 'This client was closed; create a new client to run more tasks.');
  const live = () => {
    if (closed) throw closedError();
    return transport;
  };
  const secrets = [config.apiKey];
  /**
   * Every public call: arguments are checked before anything is sent (a throw becomes the
   * rejection), and whatever it rejects with leaves as a RunwareError holding no credential.
   */
  const fail = (error: unknown) => Promise.reject(toPublicError(error, secrets));
  const guard = <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return work().catch(fail);
    } catch (error) {
      return fail(error);
    }
  };
  const call = (fn: ((item: ResultItem) => unknown) | undefined, item: ResultItem) =>
    callSafely(fn, item, (error) =>
      logger.log('warn', 'A result/progress callback threw; the task goes on.', { error: String(error) }),
    );
  const scheduler = createPollScheduler({
    transport: live,
    requestTimeoutMs: config.timeout,
    polling: { ...defaultPolling, ...options.polling },
    call,
    log: (category, message, data) => logger.log(category, message, data),
  });
  const coalescer =
    config.submitBatchWindow > 0
      ? createSubmitCoalescer({
          send: (tasks, sendOptions) => live().send(tasks, sendOptions),
          windowMs: config.submitBatchWindow,
        })
      : undefined;
  let encoder: typeof import('../media/encode-media-inputs') | undefined;
  const ctx: RunContext = {
    transport: live,
    registry,
    validator,
    scheduler,
    coalescer,
    settings: { timeout: config.timeout, pollTimeout: config.pollTimeout, validate: config.validate },
    // The encoder (and its MIME sniffing) loads only for params that hold media to encode; once
    // loaded it is called directly (an import() per task costs real time at thousands a second).
    encodeMedia: (params) => {
      const files = config.dependencies?.files;
      if (!needsEncoding(params, files)) return params;
      if (encoder) return encoder.encodeMediaInputs(params, files);
      return import('../media/encode-media-inputs').then((mod) => {
        encoder = mod;
        return mod.encodeMediaInputs(params, files);
      });
    },
    call,
  };

  const utility = (taskType: string, params: Record<string, unknown>, runOptions?: RunOptions) =>
    guard(() => {
      const options = checkRunOptions(runOptions);
      return runOne(ctx, { ...checkParams(params), taskType }, options, 'server-default');
    });

  // Stateless HTTP, so it keeps working after close(); it shares only fetch and the logger.
  const fetchImpl = config.dependencies?.fetch;
  const content = options.content
    ? options.content({
        contentBaseUrl: config.contentBaseUrl,
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
        timeoutMs: config.timeout,
        log: (category, message, data) => logger.log(category, message, data),
      })
    : contentNotIncluded();

  const streamContext = {
    streamTransport: () => streamTransport,
    registry,
    validator,
    validate: config.validate,
    streamIdleTimeout: config.streamIdleTimeout,
  };

  const close = () =>
    guard(async () => {
      if (closed) return;
      closed = true;
      coalescer?.failQueued(
        createRunwareError('disconnected', 'The client was closed before the task was sent.'),
      );
      scheduler.close(
        createRunwareError('disconnected', 'The client was closed while the task was pending.'),
      );
      await Promise.all([
        transport.close(),
        streamTransport === transport ? undefined : streamTransport.close(),
      ]);
    });

  const client = {
    run: (params: unknown, runOptions?: unknown) =>
      guard<unknown>(() => {
        const options = checkRunOptions(runOptions);
        const tasks = checkTaskList(params);
        // No async frame per call: a pending task holds no more than its transport needs.
        return Array.isArray(params)
          ? runTasks(ctx, tasks, options)
          : runOne(ctx, tasks[0] as never, options);
      }),
    runBatch: (params: unknown, runOptions?: unknown) =>
      guard(() => {
        const options = checkRunOptions(runOptions);
        return runTasks(
          ctx,
          Array.isArray(params) ? checkTaskList(params) : checkTaskList([params]),
          options,
        );
      }),
    stream: (params: unknown, streamOptions?: unknown) =>
      guard(() => {
        const options = checkStreamOptions(streamOptions);
        const checked = checkParams(params);
        if (closed) throw closedError();
        // Loaded on the first stream() only: apps that never stream do not load the SSE reader.
        return import('./start-stream').then((mod) => mod.startStream(streamContext, checked, options));
      }),
    // Each resolves with the task's result items, an array like run()'s (as the official SDK does).
    ...Object.fromEntries(
      utilityTaskTypes.map((taskType) => [
        taskType,
        (params: Record<string, unknown>, o?: RunOptions) => utility(taskType, params, o),
      ]),
    ),
    content,
    connect: () =>
      guard(async () => {
        await live().connect?.();
      }),
    // A transport without connection state (REST) needs none: connected while the client is open.
    isConnected: () => !closed && (transport.isConnected?.() ?? true),
    disconnect: () =>
      guard(async () => {
        coalescer?.failQueued(
          createRunwareError('disconnected', 'The client was disconnected before the task was sent.'),
        );
        scheduler.failAll(
          createRunwareError('disconnected', 'The client was disconnected while the task was pending.'),
        );
        await transport.close();
      }),
    refreshRegistry: () =>
      guard(async () => {
        await registry?.refresh();
      }),
    close,
    [asyncDispose]: close,
  };
  return client as unknown as RunwareClient;
}
