import { createRunwareError, defaultConfig, type RetryStrategy, type RunwareConfig } from '@runware/core';
import { createOptionReader, type FetchLike, type OptionReader } from '@runware/core/transport-kit';

export type LogCategory = 'request' | 'retry' | 'error' | 'warn';

export type RestLogger = (category: LogCategory, message: string, data?: unknown) => void;

/**
 * Options of {@link createRestTransport}, named and measured as in the client config (durations in
 * ms, no suffix). The other fields of a client config (`transportType`, `wsBaseUrl`, `logSink`, …)
 * may be passed along and are ignored, so a resolved config can be handed over as it is.
 */
export interface RestTransportOptions
  extends Omit<
    RunwareConfig,
    | 'apiKey'
    | 'httpBaseUrl'
    | 'timeout'
    | 'maxRetries'
    | 'retryDelay'
    | 'retryStrategy'
    | 'userAgent'
    | 'maxConnections'
  > {
  /** Sent as `Authorization: Bearer <key>`; never put in a URL, and `***` in every log line and error message. */
  apiKey: string;
  /** The REST endpoint; requests are POSTed to this URL. Default `https://api.runware.ai/v1`. */
  httpBaseUrl?: string;
  /** @deprecated Use httpBaseUrl. */
  baseUrl?: string;
  /** A fetch to use instead of the runtime's (or undici's on Node). */
  fetch?: typeof globalThis.fetch;
  /** Budget of one HTTP attempt in ms (default 1 200 000); `SendOptionsV1.timeoutMs` overrides it per call. */
  timeout?: number;
  /** @deprecated Use timeout. */
  timeoutMs?: number;
  /** Retries after the first attempt, so `maxRetries + 1` attempts at most. Default 3. */
  maxRetries?: number;
  /** Delay before the first retry in ms. Default 1 000. */
  retryDelay?: number;
  /** @deprecated Use retryDelay. */
  retryDelayMs?: number;
  /**
   * `exponential` (default): retryDelay·2^(n−1) before retry n; `linear`: retryDelay·n. Both add up
   * to 30 % jitter.
   */
  retryStrategy?: RetryStrategy;
  /** Upper bound of any delay between attempts in ms, `Retry-After` included. Default 30 000. */
  maxRetryDelay?: number;
  /** @deprecated Use maxRetryDelay. */
  maxRetryDelayMs?: number;
  /** Sent as `User-Agent` when given, except in browsers (which own that header). */
  userAgent?: string;
  /**
   * Requests in flight at once, and so connections open at once, per transport: a positive
   * integer, or `Infinity` for no cap. Default 64. The excess waits its turn (the wait does not
   * count against `timeout`, and an abort or `close()` ends it); on Node with undici the keep-alive
   * Agent also holds at most this many sockets.
   */
  maxConnections?: number;
  /**
   * Largest answer body read, in bytes: a positive integer, or `Infinity` for no cap. Default
   * 134 217 728 (128 MiB). Counted while reading, so an endless body fails with raw code
   * `responseTooLarge` after about this many bytes instead of filling memory; an SSE stream
   * counts as one body.
   */
  maxResponseSize?: number;
  log?: RestLogger;
  /** Jitter source in [0, 1); injectable so tests can pin the delays. */
  random?: () => number;
}

/** The default of {@link RestTransportOptions.maxRetryDelay}, in ms. */
export const defaultMaxRetryDelay = 30_000;

/** The default of {@link RestTransportOptions.maxResponseSize}: 128 MiB. */
export const defaultMaxResponseSize = 134_217_728;

export interface ResolvedOptions {
  apiKey: string;
  httpBaseUrl: string;
  fetch: FetchLike | undefined;
  timeout: number;
  maxRetries: number;
  retryDelay: number;
  retryStrategy: RetryStrategy;
  maxRetryDelay: number;
  userAgent: string | undefined;
  maxConnections: number;
  maxResponseSize: number;
  log: RestLogger | undefined;
  random: () => number;
  /** Logs one warning per deprecated option name the caller used. */
  warnDeprecated: OptionReader['warnDeprecated'];
}

const owner = 'createRestTransport';

const invalid = (parameter: string, problem: string) =>
  createRunwareError('invalidConfig', `${owner}: ${parameter} ${problem}.`, { parameter });

/**
 * Checks the options as the client config is checked (an `invalidConfig` RunwareError naming the
 * field; `missingApiKey` without a key) and fills in the config's defaults.
 */
export function resolveOptions(options: RestTransportOptions): ResolvedOptions {
  const read = createOptionReader(owner, options);
  const apiKey = read.apiKey();
  const userAgent = read.value('userAgent');
  if (userAgent !== undefined && typeof userAgent !== 'string')
    throw invalid('userAgent', `must be a string, got a ${typeof userAgent}`);
  // A positive integer or Infinity: zero connections would never send anything, and a zero-byte
  // cap would refuse every answer.
  const atLeastOne = (name: string, fallback: number) => {
    const limit = read.count(name, fallback, { allowInfinity: true });
    if (limit > 0) return limit;
    throw invalid(name, 'must be at least 1');
  };
  /** Durations in ms, each with its deprecated `…Ms` spelling. */
  const ms = (name: string, fallback: number, allowZero?: boolean) =>
    read.duration(name, fallback, { alias: `${name}Ms`, allowZero });
  return {
    apiKey,
    httpBaseUrl: read.url('httpBaseUrl', defaultConfig.httpBaseUrl, ['https', 'http'], { alias: 'baseUrl' }),
    fetch: read.fn<FetchLike>('fetch'),
    timeout: ms('timeout', defaultConfig.timeout),
    maxRetries: read.count('maxRetries', defaultConfig.maxRetries),
    retryDelay: ms('retryDelay', defaultConfig.retryDelay, true),
    retryStrategy: read.oneOf('retryStrategy', defaultConfig.retryStrategy, ['exponential', 'linear']),
    maxRetryDelay: ms('maxRetryDelay', defaultMaxRetryDelay, true),
    userAgent: userAgent || undefined,
    maxConnections: atLeastOne('maxConnections', defaultConfig.maxConnections),
    maxResponseSize: atLeastOne('maxResponseSize', defaultMaxResponseSize),
    log: read.fn<RestLogger>('log'),
    random: read.fn<() => number>('random') ?? Math.random,
    warnDeprecated: read.warnDeprecated,
  };
}
