import { createRunwareError, defaultConfig, type LogCategory, type RetryStrategy } from '@runware/core';
import { createOptionReader, createSafeLog } from '@runware/core/transport-kit';

export type WebSocketLogger = (category: LogCategory, message: string, data?: unknown) => void;

/** The part of the WHATWG WebSocket this transport uses; `ws` and every browser's satisfy it. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export type WebSocketConstructorLike = new (url: string, protocols?: string | string[]) => WebSocketLike;

/**
 * Options of {@link createWebSocketTransport}. The shared settings have the names and units (ms) of
 * the client config (`RunwareConfig`), so a resolved config can be passed as it is:
 * `createWebSocketTransport({ ...config, WebSocket, headers, log })`; its other fields are ignored.
 * Every value is checked: a bad one throws an `invalidConfig` RunwareError naming the field.
 */
export interface WebSocketTransportOptions {
  /** Required; a missing or empty key throws `missingApiKey`. */
  apiKey: string;
  /** The WebSocket endpoint, version path included. Default `wss://ws-api.runware.ai/v1`. */
  wsBaseUrl?: string;
  /** @deprecated Use wsBaseUrl. */
  url?: string;
  /** Injected constructor; else `globalThis.WebSocket`; else the `ws` package on Node. */
  WebSocket?: WebSocketConstructorLike;
  /** Budget of the connect and authentication handshake, ms. Default 15 000. */
  authTimeout?: number;
  /** @deprecated Use authTimeout. */
  authTimeoutMs?: number;
  /** Per sync wait / ACK wait, ms. Default 1 200 000; `SendOptionsV1.timeoutMs` overrides it. */
  timeout?: number;
  /** @deprecated Use timeout. */
  timeoutMs?: number;
  /** How long an async submit waits for its ACK before it is recovered with getResponse, ms. Default 30 000. */
  ackTimeout?: number;
  /** @deprecated Use ackTimeout. */
  ackTimeoutMs?: number;
  /** Ping period, ms. Default 30 000. */
  heartbeatInterval?: number;
  /** @deprecated Use heartbeatInterval. */
  heartbeatIntervalMs?: number;
  /** Reconnect after this much inbound silence, ms. Default 100 000. */
  inactivityTimeout?: number;
  /** @deprecated Use inactivityTimeout. */
  inactivityTimeoutMs?: number;
  /** Reconnect attempts after a drop. Default `Infinity`. */
  maxReconnectAttempts?: number;
  /** Delay of the first reconnect attempt, ms. Default 1 000. */
  retryDelay?: number;
  /** @deprecated Use retryDelay. */
  retryDelayMs?: number;
  /** How reconnect delays grow from `retryDelay`. Default `'exponential'`. */
  retryStrategy?: RetryStrategy;
  /** Cap of the reconnect backoff, ms. Default 30 000. */
  maxReconnectDelay?: number;
  /** @deprecated Use maxReconnectDelay. */
  maxReconnectDelayMs?: number;
  /** After a resume, how long to wait for replayed frames before probing uncertain tasks, ms. Default 250. */
  replayGrace?: number;
  /** @deprecated Use replayGrace. */
  replayGraceMs?: number;
  /** Jitter source in [0, 1) of the reconnect backoff (tests). Default `Math.random`. */
  random?: () => number;
  /**
   * Largest inbound frame accepted, bytes (`maxPayload` of `ws`; checked per message on other
   * WebSockets). A larger one fails the requests waiting on the socket (`responseTooLarge`).
   * Default 134 217 728 (128 MiB); `Infinity` for no limit.
   */
  maxResponseSize?: number;
  /** Headers of the Node upgrade request (only when the transport loads `ws` itself). */
  headers?: Record<string, string>;
  /** Debug log; messages and data never carry the API key (it becomes `***`). */
  log?: WebSocketLogger;
}

/** The checked options, defaults filled in, under their current names. */
export interface ResolvedOptions {
  apiKey: string;
  wsBaseUrl: string;
  WebSocket: WebSocketConstructorLike | undefined;
  authTimeout: number;
  timeout: number;
  ackTimeout: number;
  heartbeatInterval: number;
  inactivityTimeout: number;
  maxReconnectAttempts: number;
  retryDelay: number;
  retryStrategy: RetryStrategy;
  maxReconnectDelay: number;
  replayGrace: number;
  random: (() => number) | undefined;
  maxResponseSize: number;
  headers: Record<string, string> | undefined;
  /** The caller's logger behind the key redaction; a no-op without one. */
  log: WebSocketLogger;
  /** A logger was given: only then is it worth building the data of a log line on a hot path. */
  logging: boolean;
}

const owner = 'createWebSocketTransport';

/** 128 MiB: far above any real answer (base64 outputs included), low enough to bound memory. */
export const defaultMaxResponseSize = 134_217_728;

/**
 * Checks the options with the config's rules and reads the deprecated names (one `warn` log line
 * per old name used). Throws `missingApiKey` or `invalidConfig` (naming the field).
 */
export function resolveOptions(input: WebSocketTransportOptions): ResolvedOptions {
  const read = createOptionReader(owner, input);
  const apiKey = read.apiKey();
  const logger = read.fn<WebSocketLogger>('log');
  const log = createSafeLog<LogCategory>(logger, [apiKey]);
  const resolved: ResolvedOptions = {
    apiKey,
    wsBaseUrl: read.url('wsBaseUrl', defaultConfig.wsBaseUrl, ['ws', 'wss'], { alias: 'url' }),
    WebSocket: read.fn<WebSocketConstructorLike>('WebSocket'),
    authTimeout: read.duration('authTimeout', defaultConfig.authTimeout, { alias: 'authTimeoutMs' }),
    timeout: read.duration('timeout', defaultConfig.timeout, { alias: 'timeoutMs' }),
    ackTimeout: read.duration('ackTimeout', 30_000, { alias: 'ackTimeoutMs' }),
    heartbeatInterval: read.duration('heartbeatInterval', 30_000, { alias: 'heartbeatIntervalMs' }),
    inactivityTimeout: read.duration('inactivityTimeout', 100_000, { alias: 'inactivityTimeoutMs' }),
    maxReconnectAttempts: read.count('maxReconnectAttempts', defaultConfig.maxReconnectAttempts, {
      allowInfinity: true,
    }),
    retryDelay: read.duration('retryDelay', defaultConfig.retryDelay, {
      alias: 'retryDelayMs',
      allowZero: true,
    }),
    retryStrategy: read.oneOf('retryStrategy', defaultConfig.retryStrategy, ['exponential', 'linear']),
    maxReconnectDelay: read.duration('maxReconnectDelay', 30_000, { alias: 'maxReconnectDelayMs' }),
    replayGrace: read.duration('replayGrace', 250, { alias: 'replayGraceMs', allowZero: true }),
    random: read.fn<() => number>('random'),
    maxResponseSize: read.count('maxResponseSize', defaultMaxResponseSize, { allowInfinity: true }),
    headers: readHeaders(read.value('headers')),
    log,
    logging: logger !== undefined,
  };
  // ws reads a maxPayload of 0 as "no limit": refuse it rather than mean the opposite of what it says.
  if (resolved.maxResponseSize === 0)
    throw createRunwareError(
      'invalidConfig',
      `${owner}: maxResponseSize must be positive (Infinity for no limit).`,
      {
        parameter: 'maxResponseSize',
      },
    );
  read.warnDeprecated(log);
  return resolved;
}

/** Upgrade-request headers: an object of string values. */
function readHeaders(value: unknown): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  const ok =
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((header) => typeof header === 'string');
  if (ok) return value as Record<string, string>;
  throw createRunwareError('invalidConfig', `${owner}: headers must be an object of string values.`, {
    parameter: 'headers',
  });
}
