import type { Kind } from './config-checks';
import type { ConfigDefaults } from './config-types';

/** How a field is checked, and its default if it has one. */
export type ConfigField = readonly [kind: Kind, fallback?: unknown];

/**
 * Every config field but `apiKey` and `dependencies` (which have their own checks), in check
 * order: how its value is checked (a {@link Kind}: `h`/`w` http(s)/ws(s) URL, `t` timeout, `d`
 * delay, `c` count, `n` count or Infinity, `l` limit, `b` boolean, `f` function, `a` User-Agent,
 * or the allowed values) and its default, the official SDK's (PROTOCOL.md §11) plus the schema
 * and content hosts; a field without one stays absent. Zero is a valid delay (retry at once; no
 * coalescing window) but no valid limit: zero connections would never send anything, and a
 * zero-byte answer limit would refuse every answer.
 */
export const configFields: { readonly [K in keyof ConfigDefaults]: readonly [Kind, ConfigDefaults[K]] } & {
  readonly [K in 'logSink' | 'userAgent']: readonly [Kind];
} = {
  transportType: [['websocket', 'rest'], 'websocket'],
  httpBaseUrl: ['h', 'https://api.runware.ai/v1'],
  wsBaseUrl: ['w', 'wss://ws-api.runware.ai/v1'],
  schemasBaseUrl: ['h', 'https://schemas.runware.ai'],
  contentBaseUrl: ['h', 'https://content.runware.ai'],
  timeout: ['t', 1_200_000],
  pollTimeout: ['t', 1_200_000],
  authTimeout: ['t', 15_000],
  submitBatchWindow: ['d', 2],
  maxRetries: ['c', 3],
  retryDelay: ['d', 1_000],
  retryStrategy: [['exponential', 'linear'], 'exponential'],
  maxReconnectAttempts: ['n', Infinity],
  maxConnections: ['l', 64],
  maxResponseSize: ['l', 134_217_728],
  streamIdleTimeout: ['t', 120_000],
  debug: ['b', false],
  validate: ['b', false],
  logSink: ['f'],
  userAgent: ['a'],
};
