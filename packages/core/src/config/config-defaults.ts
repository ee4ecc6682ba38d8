import type { ConfigDefaults } from './config-types';

/** The official SDK's defaults (PROTOCOL.md §11), plus the schema and content hosts. */
export const defaultConfig: ConfigDefaults = Object.freeze({
  transportType: 'websocket',
  httpBaseUrl: 'https://api.runware.ai/v1',
  wsBaseUrl: 'wss://ws-api.runware.ai/v1',
  schemasBaseUrl: 'https://schemas.runware.ai',
  contentBaseUrl: 'https://content.runware.ai',
  timeout: 1_200_000,
  pollTimeout: 1_200_000,
  authTimeout: 15_000,
  submitBatchWindow: 2,
  maxRetries: 3,
  retryDelay: 1_000,
  retryStrategy: 'exponential',
  maxReconnectAttempts: Number.POSITIVE_INFINITY,
  maxConnections: 64,
  maxResponseSize: 134_217_728,
  streamIdleTimeout: 120_000,
  debug: false,
  validate: false,
});

/** The environment variable the API key falls back to. */
export const apiKeyEnvVar = 'RUNWARE_API_KEY';
