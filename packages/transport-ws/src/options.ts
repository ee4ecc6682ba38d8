export type LogCategory =
  | 'connection'
  | 'auth'
  | 'heartbeat'
  | 'send'
  | 'receive'
  | 'retry'
  | 'error'
  | 'warn'
  | 'info';

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

export interface WebSocketTransportOptions {
  apiKey: string;
  /** Default `wss://ws-api.runware.ai/v1`. */
  url?: string;
  /** Injected constructor; else `globalThis.WebSocket`; else the `ws` package on Node. */
  WebSocket?: WebSocketConstructorLike;
  /** Budget of the authentication handshake, ms (15 000). */
  authTimeoutMs?: number;
  /** Per sync wait / ACK wait, ms (1 200 000); `SendOptionsV1.timeoutMs` overrides it. */
  timeoutMs?: number;
  /** How long an async submit waits for its ACK before it is recovered with getResponse (30 000). */
  ackTimeoutMs?: number;
  /** Ping period, ms (30 000). */
  heartbeatIntervalMs?: number;
  /** Reconnect after this much inbound silence, ms (100 000). */
  inactivityTimeoutMs?: number;
  /** Reconnect attempts after a drop (Infinity). */
  maxReconnectAttempts?: number;
  /** Base of the reconnect backoff, ms (1000). */
  retryDelayMs?: number;
  /** Cap of the reconnect backoff, ms (30 000). */
  maxReconnectDelayMs?: number;
  /** After a resume, how long to wait for replayed frames before probing uncertain tasks, ms (250). */
  replayGraceMs?: number;
  /** Jitter source (tests). */
  random?: () => number;
  /** Headers of the Node upgrade request (only when the transport loads `ws` itself). */
  headers?: Record<string, string>;
  log?: WebSocketLogger;
}

export interface ResolvedOptions {
  apiKey: string;
  url: string;
  WebSocket: WebSocketConstructorLike | undefined;
  authTimeoutMs: number;
  timeoutMs: number;
  ackTimeoutMs: number;
  heartbeatIntervalMs: number;
  inactivityTimeoutMs: number;
  maxReconnectAttempts: number;
  retryDelayMs: number;
  maxReconnectDelayMs: number;
  replayGraceMs: number;
  random: () => number;
  headers: Record<string, string> | undefined;
}

export const defaultUrl = 'wss://ws-api.runware.ai/v1';

export function resolveOptions(options: WebSocketTransportOptions): ResolvedOptions {
  return {
    apiKey: options.apiKey,
    url: options.url ?? defaultUrl,
    WebSocket: options.WebSocket,
    authTimeoutMs: options.authTimeoutMs ?? 15_000,
    timeoutMs: options.timeoutMs ?? 1_200_000,
    ackTimeoutMs: options.ackTimeoutMs ?? 30_000,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 30_000,
    inactivityTimeoutMs: options.inactivityTimeoutMs ?? 100_000,
    maxReconnectAttempts: options.maxReconnectAttempts ?? Number.POSITIVE_INFINITY,
    retryDelayMs: options.retryDelayMs ?? 1000,
    maxReconnectDelayMs: options.maxReconnectDelayMs ?? 30_000,
    replayGraceMs: options.replayGraceMs ?? 250,
    random: options.random ?? Math.random,
    headers: options.headers,
  };
}
