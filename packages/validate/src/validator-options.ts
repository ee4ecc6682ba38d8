/** Where a log line comes from; the same categories as the core logger. */
export type ValidatorLogCategory = 'info' | 'warn' | 'error' | 'request';

export interface ValidatorOptions {
  /** Base URL of the schemas service; `/resolve/<AIR>` is appended. */
  schemasBaseUrl?: string;
  /** Injectable fetch (tests, proxies). Called as a plain function; defaults to `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Receives one line per resolve request and per skipped validation. */
  log?: (category: ValidatorLogCategory, message: string, data?: unknown) => void;
  /** Bound on one `/resolve` fetch; a timeout skips validation. */
  resolveTimeoutMs?: number;
}

export const defaultSchemasBaseUrl = 'https://schemas.runware.ai';
export const defaultResolveTimeoutMs = 5000;
