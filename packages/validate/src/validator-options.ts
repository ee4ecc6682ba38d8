import { defaultConfig } from '@runware/core';
import { createOptionReader, createSafeLog, type FetchLike, type SafeLog } from '@runware/core/transport-kit';

/** Where a log line comes from; the same categories as the core logger. */
export type ValidatorLogCategory = 'info' | 'warn' | 'error' | 'request';

/**
 * Options of {@link createValidator}, named as in the client config (durations in ms, no suffix).
 * Other fields of a resolved client config may be passed along and are ignored.
 */
export interface ValidatorOptions {
  /** Base URL of the schemas service; `/resolve/<AIR>` is appended. Default `https://schemas.runware.ai`. */
  schemasBaseUrl?: string;
  /** Injectable fetch (tests, proxies). Called as a plain function; defaults to `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Receives one line per resolve request and per skipped validation. */
  log?: (category: ValidatorLogCategory, message: string, data?: unknown) => void;
  /** Bound on one `/resolve` fetch, ms (default 5 000); a timeout skips validation. */
  resolveTimeout?: number;
  /** @deprecated Use resolveTimeout. */
  resolveTimeoutMs?: number;
}

export const defaultResolveTimeout = 5000;

export interface ResolvedValidatorOptions {
  schemasBaseUrl: string;
  fetch: FetchLike | undefined;
  resolveTimeout: number;
  /** The caller's log, made safe: it never throws and never shows an API key passed along. */
  log: SafeLog<ValidatorLogCategory>;
}

/**
 * Checks the options as the client config is checked (an `invalidConfig` RunwareError naming the
 * field), and warns once about each deprecated name used.
 */
export function resolveValidatorOptions(options: ValidatorOptions): ResolvedValidatorOptions {
  const read = createOptionReader('createValidator', options);
  const log = createSafeLog(read.fn<ValidatorOptions['log']>('log'), read.secrets);
  const resolved: ResolvedValidatorOptions = {
    schemasBaseUrl: read.url('schemasBaseUrl', defaultConfig.schemasBaseUrl, ['http', 'https']),
    fetch: read.fn<FetchLike>('fetch'),
    resolveTimeout: read.duration('resolveTimeout', defaultResolveTimeout, { alias: 'resolveTimeoutMs' }),
    log,
  };
  read.warnDeprecated(log);
  return resolved;
}
