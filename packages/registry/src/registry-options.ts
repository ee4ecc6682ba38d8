import type { RegistryV1, StaticRegistryTables } from '@runware/core';
import { createRunwareError } from '@runware/core';

export type RegistryLogCategory = 'info' | 'warn' | 'error' | 'request';

export interface RegistryOptions {
  /** Where `registry.json` lives. Default `https://schemas.runware.ai`. */
  schemasBaseUrl?: string;
  /** The fetch to use (default: the global one). Called as a plain function, never as a method. */
  fetch?: typeof globalThis.fetch;
  /** After this long (default 300 000 ms), the next lookup starts a background refresh; it never waits for it. */
  ttlMs?: number;
  /** The first lookup waits this long at most (default 3 000 ms) for the remote list, then answers from the bundled one. */
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

export const defaultSchemasBaseUrl = 'https://schemas.runware.ai';
export const defaultTtlMs = 300_000;
export const defaultFirstFetchTimeoutMs = 3_000;
/** A hung request must not hold the single in-flight slot forever. */
export const requestTimeoutMs = 30_000;

export interface ResolvedRegistryOptions {
  registryUrl: string;
  fetch: typeof globalThis.fetch | undefined;
  ttlMs: number;
  /** A failed refresh is not retried before this (ttl/10), so a dead service is not hammered. */
  retryAfterMs: number;
  firstFetchTimeoutMs: number;
  now: () => number;
}

function duration(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw createRunwareError('invalidConfig', `${name} must be a finite number of milliseconds >= 0.`, {
      parameter: name,
    });
  return value;
}

export function resolveRegistryOptions(options: RegistryOptions): ResolvedRegistryOptions {
  const base = (options.schemasBaseUrl ?? defaultSchemasBaseUrl).replace(/\/+$/, '');
  const ttlMs = duration('ttlMs', options.ttlMs, defaultTtlMs);
  return {
    registryUrl: `${base}/registry.json`,
    fetch: options.fetch,
    ttlMs,
    retryAfterMs: ttlMs / 10,
    firstFetchTimeoutMs: duration(
      'firstFetchTimeoutMs',
      options.firstFetchTimeoutMs,
      defaultFirstFetchTimeoutMs,
    ),
    now: options.now ?? Date.now,
  };
}
