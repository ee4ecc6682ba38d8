import { defaultConfig, type RegistryV1, type StaticRegistryTables } from '@runware/core';
import { createOptionReader, createSafeLog, type FetchLike, type SafeLog } from '@runware/core/transport-kit';

export type RegistryLogCategory = 'info' | 'warn' | 'error' | 'request';

/**
 * Options of {@link createRegistry}, named as in the client config (durations in ms, no suffix).
 * Other fields of a resolved client config may be passed along and are ignored.
 */
export interface RegistryOptions {
  /** Where `registry.json` lives. Default `https://schemas.runware.ai`. */
  schemasBaseUrl?: string;
  /** The fetch to use (default: the global one). Called as a plain function, never as a method. */
  fetch?: typeof globalThis.fetch;
  /** After this long (default 300 000 ms), the next lookup starts a background refresh; it never waits for it. */
  ttl?: number;
  /** @deprecated Use ttl. */
  ttlMs?: number;
  /** The first lookup waits this long at most (default 3 000 ms) for the remote list, then answers from the bundled one. */
  firstFetchTimeout?: number;
  /** @deprecated Use firstFetchTimeout. */
  firstFetchTimeoutMs?: number;
  /** The offline list (default: the curated models and schema keys of `@runware/types`). */
  bundled?: StaticRegistryTables;
  log?: (category: RegistryLogCategory, message: string, data?: unknown) => void;
  /** Clock in ms, injectable for tests. Default `Date.now`. */
  now?: () => number;
}

export interface Registry extends RegistryV1 {
  /** Tells the registry the service's current version (e.g. from a response); a different one triggers a background refresh. */
  notifyVersion(version: string): void;
  /** The version of the remote list in use, or undefined while only the bundled list is known. */
  version(): string | undefined;
}

export const defaultTtl = 300_000;
export const defaultFirstFetchTimeout = 3_000;
/** A hung request must not hold the single in-flight slot forever. */
export const requestTimeout = 30_000;

export interface ResolvedRegistryOptions {
  registryUrl: string;
  fetch: FetchLike | undefined;
  ttl: number;
  /** A failed refresh is not retried before this (ttl/10), so a dead service is not hammered. */
  retryAfter: number;
  firstFetchTimeout: number;
  now: () => number;
  /** The caller's log, made safe: it never throws and never shows an API key passed along. */
  log: SafeLog<RegistryLogCategory>;
}

/**
 * Checks the options as the client config is checked (an `invalidConfig` RunwareError naming the
 * field), and warns once about each deprecated name used.
 */
export function resolveRegistryOptions(options: RegistryOptions): ResolvedRegistryOptions {
  const read = createOptionReader('createRegistry', options);
  const log = createSafeLog(read.fn<RegistryOptions['log']>('log'), read.secrets);
  const base = read.url('schemasBaseUrl', defaultConfig.schemasBaseUrl, ['http', 'https']);
  const ttl = read.duration('ttl', defaultTtl, { alias: 'ttlMs', allowZero: true });
  const firstFetchTimeout = read.duration('firstFetchTimeout', defaultFirstFetchTimeout, {
    alias: 'firstFetchTimeoutMs',
    allowZero: true,
  });
  const resolved: ResolvedRegistryOptions = {
    registryUrl: `${base}/registry.json`,
    fetch: read.fn<FetchLike>('fetch'),
    ttl,
    retryAfter: ttl / 10,
    firstFetchTimeout,
    now: read.fn<() => number>('now') ?? Date.now,
    log,
  };
  read.warnDeprecated(log);
  return resolved;
}
