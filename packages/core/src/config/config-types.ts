import type { LogEntry } from '../logger/log-types';

export type TransportType = 'websocket' | 'rest';
export type RetryStrategy = 'exponential' | 'linear';

/** Local file access, injected where a file system exists (the Node SDK passes one). */
export interface FileAccess {
  /** True for a path naming a regular file; false (never a throw) for anything else. */
  isFile(path: string): Promise<boolean>;
  readFile(path: string): Promise<Uint8Array>;
}

export interface RunwareDependencies {
  fetch?: typeof globalThis.fetch | undefined;
  /** A WebSocket constructor (browser-style API: new WebSocket(url)). */
  WebSocket?: new (
    url: string,
    protocols?: string | string[],
  ) => unknown;
  /** Local-file access for media inputs given as paths (Node only; the SDK injects one). */
  files?: FileAccess;
}

export interface RunwareConfig {
  /** Defaults to the RUNWARE_API_KEY environment variable, where the runtime has one. */
  apiKey?: string | undefined;
  /** Default `'websocket'`. */
  transportType?: TransportType | undefined;
  /** Default `https://api.runware.ai/v1`; include the version path. */
  httpBaseUrl?: string | undefined;
  /** Default `wss://ws-api.runware.ai/v1`; include the version path. */
  wsBaseUrl?: string | undefined;
  /** Default `https://schemas.runware.ai`. */
  schemasBaseUrl?: string | undefined;
  /** Default `https://content.runware.ai`. */
  contentBaseUrl?: string | undefined;
  /** Milliseconds per HTTP call or WebSocket sync wait. Default 1 200 000. */
  timeout?: number | undefined;
  /** Milliseconds for the whole polling of an async task. Default 1 200 000. */
  pollTimeout?: number | undefined;
  /** Milliseconds for the WebSocket auth handshake. Default 15 000. */
  authTimeout?: number | undefined;
  /**
   * Milliseconds a `run()` waits for other `run()` calls before its task is sent, so that calls
   * made together (e.g. `Promise.all` of 100 runs) go out as one request (one POST or one
   * WebSocket frame) instead of one each. Errors stay per task: one invalid task fails only its
   * own call. Only single async tasks are coalesced (not `runBatch`, sync delivery or `stream()`),
   * and only with calls of the same `timeout`; up to 100 tasks per request. `0` sends each call at
   * once. Default 2.
   */
  submitBatchWindow?: number | undefined;
  /** REST retries after the first attempt. Default 3. */
  maxRetries?: number | undefined;
  /** Base backoff in milliseconds. Default 1 000. */
  retryDelay?: number | undefined;
  /** Default `'exponential'`. */
  retryStrategy?: RetryStrategy | undefined;
  /** WebSocket reconnect cap. Default `Infinity`. */
  maxReconnectAttempts?: number | undefined;
  /**
   * REST: at most this many HTTP connections (requests in flight) per client; the excess waits
   * its turn. A positive integer, or `Infinity` for no cap. Default 64.
   */
  maxConnections?: number | undefined;
  /**
   * Bytes of one answer (an HTTP body, a WebSocket frame) at most, counted while reading: a larger
   * or endless answer fails with raw code `responseTooLarge` instead of filling memory. A positive
   * integer or `Infinity`. Default 134 217 728 (128 MiB: a batch of large base64 results fits).
   */
  maxResponseSize?: number | undefined;
  /**
   * Milliseconds a `stream()` may go without an event (keep-alive comments do not count) before it
   * fails with code `timeout`. Default 120 000.
   */
  streamIdleTimeout?: number | undefined;
  /** Structured debug logs. Default false. */
  debug?: boolean | undefined;
  /** Client-side schema validation. Default false. */
  validate?: boolean | undefined;
  dependencies?: RunwareDependencies | undefined;
  /** Where debug log entries go; the console when absent. */
  logSink?: ((entry: LogEntry) => void) | undefined;
  /** Prefix for the User-Agent the SDK sends (Node only), e.g. 'my-app/1.2'. */
  userAgent?: string | undefined;
  /** The official SDK's name for `userAgent`; either may be given (if both, they must agree). */
  userAgentPrefix?: string | undefined;
  /**
   * The official SDK's name for `transportType` (`'websocket'` or `'rest'`); either may be given
   * (if both, they must agree). In `@runware/sdk`'s createClient it may also be a TransportV1 object.
   */
  transport?: TransportType | undefined;
}

/** Config fields that stay optional after resolving. */
export type OptionalKeys = 'dependencies' | 'logSink' | 'userAgent';

/**
 * A checked config with every default filled in; `apiKey` is always present. The official
 * spellings (`transport`, `userAgentPrefix`) are folded into ours, so it has only ours.
 */
export type ResolvedConfig = Readonly<
  Required<Omit<RunwareConfig, OptionalKeys | 'transport' | 'userAgentPrefix'>> & {
    [K in OptionalKeys]?: Exclude<RunwareConfig[K], undefined>;
  }
>;

/** The values `resolveConfig` fills in for absent fields. */
export type ConfigDefaults = Readonly<Omit<ResolvedConfig, 'apiKey' | OptionalKeys>>;
