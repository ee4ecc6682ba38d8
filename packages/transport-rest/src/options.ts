import { createRunwareError } from '@runware/core';

export type LogCategory = 'request' | 'retry' | 'error' | 'warn';

export type RestLogger = (category: LogCategory, message: string, data?: unknown) => void;

export interface RestTransportOptions {
  /** Sent as `Authorization: Bearer <key>`; never put in a URL, a log line or an error message. */
  apiKey: string;
  /** The REST endpoint; requests are POSTed to exactly this URL. */
  baseUrl?: string;
  /** A fetch to use instead of the runtime's (or undici's on Node). */
  fetch?: typeof globalThis.fetch;
  /** Budget of one HTTP attempt in ms; `SendOptionsV1.timeoutMs` overrides it per call. */
  timeoutMs?: number;
  /** Retries after the first attempt (so `maxRetries + 1` attempts at most). */
  maxRetries?: number;
  /** Base delay between attempts in ms. */
  retryDelayMs?: number;
  /** `exponential`: delay·2^n plus up to 30 % jitter; `linear`: delay·(n+1). */
  retryStrategy?: 'exponential' | 'linear';
  /** Upper bound of any delay between attempts, `Retry-After` included. */
  maxRetryDelayMs?: number;
  /** Sent as `User-Agent` when given, except in browsers (which own that header). */
  userAgent?: string;
  log?: RestLogger;
  /** Jitter source in [0, 1); injectable so tests can pin the delays. */
  random?: () => number;
}

export interface ResolvedOptions {
  apiKey: string;
  baseUrl: string;
  fetch: typeof globalThis.fetch | undefined;
  timeoutMs: number;
  maxRetries: number;
  retryDelayMs: number;
  retryStrategy: 'exponential' | 'linear';
  maxRetryDelayMs: number;
  userAgent: string | undefined;
  log: RestLogger | undefined;
  random: () => number;
}

export const defaultBaseUrl = 'https://api.runware.ai/v1';

function invalid(name: string, rule: string): never {
  throw createRunwareError('invalidConfig', `RestTransportOptions.${name} must be ${rule}.`, {
    parameter: name,
  });
}

function count(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) invalid(name, 'a non-negative integer');
  return value;
}

function duration(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < min) invalid(name, `a finite number ≥ ${min}`);
  return value;
}

/** Fills in defaults and rejects options that would make the retry loop misbehave. */
export function resolveOptions(options: RestTransportOptions): ResolvedOptions {
  if (typeof options.apiKey !== 'string' || options.apiKey.trim() === '') {
    throw createRunwareError('missingApiKey', 'createRestTransport needs an apiKey.', {
      parameter: 'apiKey',
    });
  }
  const strategy = options.retryStrategy ?? 'exponential';
  if (strategy !== 'exponential' && strategy !== 'linear')
    invalid('retryStrategy', "'exponential' or 'linear'");
  if (options.fetch !== undefined && typeof options.fetch !== 'function') invalid('fetch', 'a function');
  return {
    apiKey: options.apiKey,
    baseUrl: options.baseUrl ?? defaultBaseUrl,
    fetch: options.fetch,
    timeoutMs: duration('timeoutMs', options.timeoutMs, 1_200_000, 1),
    maxRetries: count('maxRetries', options.maxRetries, 3),
    retryDelayMs: duration('retryDelayMs', options.retryDelayMs, 1000, 0),
    retryStrategy: strategy,
    maxRetryDelayMs: duration('maxRetryDelayMs', options.maxRetryDelayMs, 30_000, 0),
    userAgent: options.userAgent,
    log: options.log,
    random: options.random ?? Math.random,
  };
}
